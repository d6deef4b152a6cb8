import type { FlowHistory } from './diagnosis';
import type { FlowRun, RecordedExchange } from './flow-run';

/**
 * What the explainer should know about one of a run's exchanges: its own context, plus what
 * happened before it in the run (a revocation, the token's lifetime, what discovery allowed).
 */
export function historyOf(run: FlowRun, exchange: RecordedExchange): FlowHistory {
  const { context } = exchange;
  const before = run.exchanges.filter((e) => e !== exchange && e.at <= exchange.at);
  const history: FlowHistory = { ...context };
  if (run.authMethodsSupported) history.authMethodsSupported = run.authMethodsSupported;
  if (typeof run.scope === 'string' && run.scope !== '') history.requestedScope = run.scope;
  // The spread copies tokenRequestsAs and codeFirstRedeemedUnread; an exchange recorded without the
  // former still went out the way its run sent token requests.
  if (history.tokenRequestsAs === undefined && (run.tokenRequestsAs === 'server' || run.tokenRequestsAs === 'browser')) history.tokenRequestsAs = run.tokenRequestsAs;
  if (context.grantType === 'authorization_code') {
    history.pkce = new URLSearchParams(exchange.request?.body ?? '').has('code_verifier');
  }
  const usesToken = context.step === 'api' || context.step === 'userinfo' ? 'access_token' : context.step === 'refresh' ? 'refresh_token' : undefined;
  if (usesToken) {
    const revoked = before.filter((e) => e.context.step === 'revoke' && e.response.status === 200 && tokenTypeHint(e) === usesToken).at(-1);
    if (revoked) history.tokenRevokedAt = revoked.at;
  }
  if (usesToken === 'access_token') {
    const issued = before.filter((e) => (e.context.step === 'token' || e.context.step === 'refresh') && e.response.status === 200).at(-1);
    const expiresIn = issued ? expiresInOf(issued.response.body) : undefined;
    if (issued && expiresIn !== undefined) history.tokenExpiresAt = new Date(Date.parse(issued.at) + expiresIn * 1000).toISOString();
  }
  return history;
}

function tokenTypeHint(exchange: RecordedExchange): string | null {
  return new URLSearchParams(exchange.request?.body ?? '').get('token_type_hint');
}

function expiresInOf(body: string): number | undefined {
  try {
    const value: unknown = (JSON.parse(body) as Record<string, unknown>).expires_in;
    const seconds = typeof value === 'string' ? Number(value) : value;
    return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : undefined;
  } catch {
    return undefined;
  }
}
