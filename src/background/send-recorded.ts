import {
  encodeBase64,
  historyOf,
  isErrorExchange,
  redactExchange,
  utf8,
  type ExchangeContext,
  type FlowHistory,
  type FlowRun,
  type HttpExchange,
  type HttpRequest,
  type RecordedExchange,
} from '../core';
import { errorMessage, FlowFailure, type FlowEnvironment } from './flow-environment';
import { recordedFetch } from './recorded-fetch';

/**
 * Sends one request for `run`, records it with its context and saves the run. For a code
 * exchange it notes when the same code was first sent, by hash, so "this code was already
 * used at 14:02:11" can be said with certainty.
 */
export async function sendRecorded(
  run: FlowRun,
  request: HttpRequest,
  context: ExchangeContext,
  env: FlowEnvironment,
): Promise<RecordedExchange> {
  const at = env.now().toISOString();
  const code = context.grantType === 'authorization_code' ? new URLSearchParams(request.body ?? '').get('code') : null;
  let firstUse: string | undefined;
  if (code) {
    const codeHash = encodeBase64(await env.sha256(utf8(code)), 'url');
    const firstSent = await env.codeLedger.firstSent(codeHash);
    context = { ...context, codeHash, ...(firstSent ? { codeFirstRedeemedAt: firstSent } : {}) };
    if (!firstSent) firstUse = codeHash;
  }
  let exchange: RecordedExchange;
  try {
    exchange = { ...(await recordedFetch(request, env.fetch)), at, context };
  } catch (error) {
    await recordFlowError(run, { request, response: { status: 0, headers: {}, body: '' } }, at, env, context);
    throw new FlowFailure(
      context.step === 'discovery' ? 'discovery' : 'token',
      `No response from ${request.url} (${errorMessage(error)}). The server may be down, or it refused the extension's origin (CORS).`,
      'network_error',
      request.url,
    );
  }
  // Only a request the server answered has used the code: one cut off by a stopped worker has not.
  if (firstUse) await env.codeLedger.remember(firstUse, at);
  run.exchanges.push(exchange);
  await env.save(run);
  if (isErrorExchange(exchange)) await recordFlowError(run, { request: exchange.request, response: exchange.response }, at, env, historyOf(run, exchange));
  return exchange;
}

/** A failed exchange of a run, into the Errors view: redacted, with what the run knew. */
export async function recordFlowError(run: FlowRun, exchange: HttpExchange, at: string, env: FlowEnvironment, history: FlowHistory): Promise<void> {
  await env.recordError({
    id: `${run.id}-${run.exchanges.length}-${at}`,
    at,
    source: 'flow',
    exchange: redactExchange(exchange),
    history,
    runId: run.id,
    profileName: run.profileName,
    seen: false,
  });
}
