import {
  browserSendsOrigin,
  describeNoResponse,
  exchangeRecorded,
  codeEvidence,
  hashCode,
  noteCodeRedeemed,
  historyOf,
  hostPermissionOf,
  isErrorExchange,
  mayHaveBeenSent,
  redactExchange,
  type ExchangeContext,
  type FlowHistory,
  type FlowRun,
  type HttpExchange,
  type HttpRequest,
  type RecordedExchange,
} from '../core';
import { classifyFailedFetch } from './classify-failed-fetch';
import { FlowFailure, type FlowEnvironment } from './flow-environment';
import { recordedFetch, withoutOrigin } from './recorded-fetch';
import type { RunSteps } from './run-steps';

/**
 * Sends one request for the run, records it as it left the browser (with the Origin header the
 * browser added, if it did) and with its context, and saves the run. For a code exchange it
 * notes when the same code was first sent, by hash, so "this code was already used at 14:02:11"
 * can be said with certainty. A request without a readable answer is recorded too, with which
 * case it was; if it carried a code that may have reached the server, the code counts as
 * possibly redeemed from then on.
 */
export async function sendRecorded(
  flow: RunSteps,
  request: HttpRequest,
  context: ExchangeContext,
  env: FlowEnvironment,
): Promise<RecordedExchange> {
  const at = env.now().toISOString();
  const code = context.grantType === 'authorization_code' ? new URLSearchParams(request.body ?? '').get('code') : null;
  const codeHash = code ? hashCode(code) : undefined;
  if (codeHash) {
    const first = codeEvidence(await env.evidence.read(), codeHash);
    context = {
      ...context,
      codeHash,
      ...(first?.firstRedeemedAt ? { codeFirstRedeemedAt: first.firstRedeemedAt, ...(first.firstRedeemedUnread ? { codeFirstRedeemedUnread: true } : {}) } : {}),
    };
  }
  const { run } = flow;
  if (run.tokenRequestsAs) context = { ...context, tokenRequestsAs: run.tokenRequestsAs };

  const permission = hostPermissionOf(request.url);
  const hostAccess = permission ? await env.hosts.holds([permission]) : false;
  const method = request.method.toUpperCase();
  // As a server: a backend's request carries no Origin. GET and HEAD carry none once the host is granted.
  const originRemoved = run.tokenRequestsAs === 'server' && hostAccess && method !== 'GET' && method !== 'HEAD';
  const sent = asSent(request, browserSendsOrigin({ method, hostAccess, originRemoved }) ? env.extensionOrigin : undefined);

  let exchange: RecordedExchange;
  try {
    const send = () => recordedFetch(sent, env.fetch, env.requestTimeoutMs);
    const answered = await (originRemoved ? env.withoutOrigin(request.url, send) : send());
    exchange = { ...answered, at, context, durationMs: env.now().getTime() - Date.parse(at), bodyBytes: new TextEncoder().encode(answered.response.body).length };
  } catch (error) {
    const noResponse = await classifyFailedFetch(sent, error, hostAccess, env.reachable);
    if (codeHash && mayHaveBeenSent(noResponse)) await env.evidence.update((ledger) => noteCodeRedeemed(ledger, codeHash, at, 'flow', true));
    const failed = stored({ request: sent, response: { status: 0, headers: {}, body: '' }, noResponse, at, context, durationMs: env.now().getTime() - Date.parse(at) });
    const saved = await flow.step(exchangeRecorded(flow.run, failed));
    await recordFlowError(saved, failed, at, env, historyOf(saved, failed));
    throw new FlowFailure(
      context.step === 'discovery' ? 'discovery' : 'token',
      describeNoResponse(noResponse, request.url, code !== null),
      'network_error',
      // Only a host permission can help with what CORS hid or stopped.
      noResponse.hostPermission ? request.url : undefined,
    );
  }
  // Only a request the server answered has used the code: one cut off by a stopped worker has not.
  if (codeHash) await env.evidence.update((ledger) => noteCodeRedeemed(ledger, codeHash, at, 'flow'));
  const kept = stored(exchange);
  const saved = await flow.step(exchangeRecorded(flow.run, kept));
  if (isErrorExchange(kept)) await recordFlowError(saved, kept, at, env, historyOf(saved, kept));
  // The caller reads the answer whole (its tokens); what is stored is redacted.
  return exchange;
}

/** An exchange as a run keeps it: redacted once, here, with the request as it was sent beside it. */
function stored(exchange: RecordedExchange): RecordedExchange {
  const { at, context, durationMs, bodyBytes } = exchange;
  return {
    ...redactExchange(exchange),
    at,
    context,
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(bodyBytes !== undefined ? { bodyBytes } : {}),
    ...(exchange.request ? { sent: exchange.request } : {}),
  } as RecordedExchange;
}

/** The request as it left the browser: Origin is the browser's header, present exactly when the browser sent it. */
function asSent(request: HttpRequest, origin: string | undefined): HttpRequest {
  const headers = withoutOrigin(request.headers);
  if (origin) headers.origin = origin;
  return { ...request, headers };
}

/** A failed exchange of a run, already redacted, into the Errors view with what the run knew. */
export async function recordFlowError(run: FlowRun, exchange: HttpExchange, at: string, env: FlowEnvironment, history: FlowHistory): Promise<void> {
  const { request, response, noResponse } = exchange;
  await env.recordError({
    id: `${run.id}-${run.exchanges.length}-${at}`,
    at,
    source: 'flow',
    exchange: { ...(request ? { request } : {}), response, ...(noResponse ? { noResponse } : {}) },
    history,
    runId: run.id,
    profileName: run.profileName,
    seen: false,
  });
}
