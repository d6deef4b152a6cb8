import { isRecord } from '../lib/is-record';
import type { FlowRun, RecordedExchange } from './flow-run';

export type TokenState = 'active' | 'expired' | 'revoked' | 'inactive';
export type TokenStatus = { state: TokenState; issuedAt?: string; expiresAt?: string; since?: string };

/**
 * What a run's own record says of its access and refresh tokens now: when the access token
 * expires (the answer's `expires_in` from when it was received, RFC 6749 §5.1), and whether a
 * later revocation (RFC 7009 §2.2: a 200 means the token is revoked, or was already invalid) or
 * an introspection answering `active: false` (RFC 7662 §2.2) ended it. Never throws.
 */
export function tokenStatus(run: FlowRun, now: number): { access?: TokenStatus; refresh?: TokenStatus } {
  if (!isRecord(run) || !isRecord(run.tokens)) return {};
  const exchanges = Array.isArray(run.exchanges) ? run.exchanges.filter(isRecord) : [];
  const issued = exchanges.filter((e) => (stepOf(e) === 'token' || stepOf(e) === 'refresh') && statusOf(e) === 200 && typeof e.at === 'string').at(-1);
  const issuedAt = issued?.at;
  const seconds = Number(run.tokens.expires_in);
  const expiresAtMs = issuedAt !== undefined && run.tokens.expires_in !== undefined && Number.isFinite(seconds) ? Date.parse(issuedAt) + seconds * 1000 : NaN;
  const expiresAt = Math.abs(expiresAtMs) <= 8.64e15 ? new Date(expiresAtMs).toISOString() : undefined;
  const ended = (hint: 'access_token' | 'refresh_token'): TokenStatus | undefined => {
    const after = exchanges.filter((e) => typeof e.at === 'string' && (issuedAt === undefined || e.at >= issuedAt) && hintOf(e) === hint && statusOf(e) === 200);
    const revoked = after.filter((e) => stepOf(e) === 'revoke').at(-1);
    if (revoked) return { state: 'revoked', since: revoked.at };
    const inactive = after.filter((e) => stepOf(e) === 'introspect').at(-1);
    if (inactive && activeOf(inactive) === false) return { state: 'inactive', since: inactive.at };
    return undefined;
  };
  const base = { ...(issuedAt !== undefined ? { issuedAt } : {}) };
  const access: TokenStatus = ended('access_token') ?? {
    state: expiresAt !== undefined && now >= expiresAtMs ? 'expired' : 'active',
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
  const refresh = typeof run.tokens.refresh_token === 'string' ? (ended('refresh_token') ?? { state: 'active' as const }) : undefined;
  return { access: { ...base, ...access }, ...(refresh ? { refresh: { ...base, ...refresh } } : {}) };
}

function stepOf(exchange: Partial<RecordedExchange>): unknown {
  return isRecord(exchange.context) ? exchange.context.step : undefined;
}

function statusOf(exchange: Partial<RecordedExchange>): unknown {
  return isRecord(exchange.response) ? exchange.response.status : undefined;
}

function hintOf(exchange: Partial<RecordedExchange>): string | null {
  const body = isRecord(exchange.request) && typeof exchange.request.body === 'string' ? exchange.request.body : '';
  return new URLSearchParams(body).get('token_type_hint');
}

function activeOf(exchange: Partial<RecordedExchange>): unknown {
  try {
    const body: unknown = JSON.parse(isRecord(exchange.response) && typeof exchange.response.body === 'string' ? exchange.response.body : '');
    return isRecord(body) ? body.active : undefined;
  } catch {
    return undefined;
  }
}
