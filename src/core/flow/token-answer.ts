import { parseTokenResponse } from '../inspect/parse-token-response';
import { isRecord } from '../lib/is-record';
import { headerRecord } from '../traffic/header-record';
import type { RecordedExchange, NonceCheck, TokenSet } from './flow-run';

export type TokenAnswer = { ok: true; tokens: TokenSet; nonceCheck?: NonceCheck; idTokenNonce?: unknown } | { ok: false; message: string };

/**
 * A token endpoint's answer, read once with the same inspection a pasted response gets: its
 * tokens, or why it is no success. Some providers answer errors with HTTP 200, so the status
 * alone proves nothing. With the nonce sent (OIDC Core §3.1.3.7), says how the ID token's
 * compares. Never throws.
 */
export function readTokenAnswer(exchange: RecordedExchange, nonce?: string): TokenAnswer {
  // A stored exchange of another shape reads as an answer without tokens.
  const response: Record<string, unknown> = isRecord(exchange) && isRecord(exchange.response) ? exchange.response : {};
  const status = typeof response.status === 'number' && Number.isFinite(response.status) ? response.status : 0;
  const contentType = headerRecord(response.headers, 'lower')['content-type'];
  const read = parseTokenResponse(typeof response.body === 'string' ? response.body : '', contentType);
  if (status >= 400 || read.error || !read.access_token) {
    const reason = read.error
      ? [read.error.code, read.error.description].filter(Boolean).join(': ')
      : read.format === 'unreadable' && read.problems[0] ? read.problems[0] : 'There is no access_token (RFC 6749 §5.1 requires one in a successful response).';
    return { ok: false, message: `HTTP ${status}. ${reason}`.trim() };
  }
  const tokens = read.fields as TokenSet;
  if (!nonce) return { ok: true, tokens };
  const idToken = read.id_token;
  const claims = idToken?.inspection.jwt?.payload;
  const nonceCheck: NonceCheck = !idToken ? 'no_id_token' : !claims ? 'unreadable' : claims.nonce === undefined ? 'missing' : claims.nonce === nonce ? 'match' : 'mismatch';
  return { ok: true, tokens, nonceCheck, ...(claims ? { idTokenNonce: claims.nonce } : {}) };
}
