import type { FlowHistory } from '../diagnose/diagnosis';
import type { FlowRun, RecordedExchange } from './flow-run';
import { isRecord } from '../lib/is-record';

/**
 * What the explainer should know about one of a run's exchanges: its own context, plus what
 * happened before it in the run (a revocation, the token's lifetime, what discovery allowed).
 * Never throws: a stored run or exchange of another shape tells what it can.
 */
export function historyOf(run: FlowRun, exchange: RecordedExchange): FlowHistory {
  const context: Partial<Record<keyof FlowHistory, unknown>> = isRecord(exchange) && isRecord(exchange.context) ? exchange.context : {};
  const at = isRecord(exchange) && typeof exchange.at === 'string' ? exchange.at : undefined;
  const exchanges = isRecord(run) && Array.isArray(run.exchanges) ? (run.exchanges as unknown[]).filter(isRecord) : [];
  const before = exchanges.filter((e) => e !== exchange && at !== undefined && typeof e.at === 'string' && e.at <= at) as Recorded[];
  const history = { ...context } as FlowHistory;
  if (!isRecord(run)) return history;
  if (Array.isArray(run.authMethodsSupported)) history.authMethodsSupported = run.authMethodsSupported;
  if (typeof run.scope === 'string' && run.scope !== '') history.requestedScope = run.scope;
  // The spread copies tokenRequestsAs and codeFirstRedeemedUnread; an exchange recorded without the
  // former still went out the way its run sent token requests.
  if (history.tokenRequestsAs === undefined && (run.tokenRequestsAs === 'server' || run.tokenRequestsAs === 'browser')) history.tokenRequestsAs = run.tokenRequestsAs;
  if (context.grantType === 'authorization_code') {
    history.pkce = new URLSearchParams(bodyOf(exchange.request)).has('code_verifier');
  }
  const usesToken = context.step === 'api' || context.step === 'userinfo' ? 'access_token' : context.step === 'refresh' ? 'refresh_token' : undefined;
  if (usesToken) {
    const revoked = before.filter((e) => stepOf(e) === 'revoke' && statusOf(e) === 200 && tokenTypeHint(e) === usesToken).at(-1);
    if (revoked) history.tokenRevokedAt = revoked.at;
  }
  if (usesToken === 'access_token') {
    const issued = before.filter((e) => (stepOf(e) === 'token' || stepOf(e) === 'refresh') && statusOf(e) === 200).at(-1);
    const expiresIn = issued && isRecord(issued.response) ? expiresInOf(issued.response.body) : undefined;
    // A Date holds ±8.64e15 ms: a stored time that is not one, or a lifetime beyond, says nothing.
    const expiresAt = issued && expiresIn !== undefined ? Date.parse(issued.at) + expiresIn * 1000 : NaN;
    if (Math.abs(expiresAt) <= 8.64e15) history.tokenExpiresAt = new Date(expiresAt).toISOString();
  }
  return history;
}

/** A recorded exchange as far as it was read from storage: only `at` is known to be text. */
type Recorded = Record<string, unknown> & { at: string };

function stepOf(exchange: Recorded): unknown {
  return isRecord(exchange.context) ? exchange.context.step : undefined;
}

function statusOf(exchange: Recorded): unknown {
  return isRecord(exchange.response) ? exchange.response.status : undefined;
}

function bodyOf(request: unknown): string {
  return isRecord(request) && typeof request.body === 'string' ? request.body : '';
}

function tokenTypeHint(exchange: Recorded): string | null {
  return new URLSearchParams(bodyOf(exchange.request)).get('token_type_hint');
}

function expiresInOf(body: unknown): number | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    const value: unknown = (JSON.parse(body) as Record<string, unknown>).expires_in;
    const seconds = typeof value === 'string' ? Number(value) : value;
    return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : undefined;
  } catch {
    return undefined;
  }
}
