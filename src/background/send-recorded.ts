import { encodeBase64, utf8, type ExchangeContext, type FlowRun, type HttpRequest, type RecordedExchange } from '../core';
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
    throw new FlowFailure(
      context.step === 'discovery' ? 'discovery' : 'token',
      `No response from ${request.url} (${errorMessage(error)}). The server may be down, or it refused the extension's origin (CORS).`,
      'network_error',
    );
  }
  // Only a request the server answered has used the code: one cut off by a stopped worker has not.
  if (firstUse) await env.codeLedger.remember(firstUse, at);
  run.exchanges.push(exchange);
  await env.save(run);
  return exchange;
}
