import { jwtPayload } from '../inspect/jwt-payload';
import { readTokenFields } from '../inspect/read-token-fields';
import { isRecord } from '../lib/is-record';
import { headerRecord } from '../traffic/header-record';
import type { RecordedExchange, NonceCheck, TokenSet } from './flow-run';

export type TokenAnswer = { ok: true; tokens: TokenSet; nonceCheck?: NonceCheck; idTokenNonce?: unknown } | { ok: false; message: string };

/**
 * A token endpoint's answer, read once: its tokens, or why it is no success. Some providers
 * answer errors with HTTP 200, so the status alone proves nothing. With the nonce sent (OIDC Core
 * §3.1.3.7), says how the ID token's compares. It reads the fields as `parseTokenResponse` does
 * (`readTokenFields`) without inspecting each token: that inspection, with its catalogue of
 * formats, is the views' to make, and kept out of the background. Never throws.
 */
export function readTokenAnswer(exchange: RecordedExchange, nonce?: string): TokenAnswer {
  // A stored exchange of another shape reads as an answer without tokens.
  const response: Record<string, unknown> = isRecord(exchange) && isRecord(exchange.response) ? exchange.response : {};
  const status = typeof response.status === 'number' && Number.isFinite(response.status) ? response.status : 0;
  const contentType = headerRecord(response.headers, 'lower')['content-type'];
  const { fields, problem } = readTokenFields(typeof response.body === 'string' ? response.body : '', contentType);
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  const error = text('error');
  if (status >= 400 || error !== undefined || text('access_token') === undefined) {
    const reason = error !== undefined ? [error, text('error_description')].filter(Boolean).join(': ') : (problem ?? 'There is no access_token (RFC 6749 §5.1 requires one in a successful response).');
    return { ok: false, message: `HTTP ${status}. ${reason}`.trim() };
  }
  const tokens = fields as TokenSet;
  if (!nonce) return { ok: true, tokens };
  const idToken = text('id_token');
  const claims = idToken === undefined ? undefined : jwtPayload(idToken);
  const nonceCheck: NonceCheck = idToken === undefined ? 'no_id_token' : !claims ? 'unreadable' : claims.nonce === undefined ? 'missing' : claims.nonce === nonce ? 'match' : 'mismatch';
  return { ok: true, tokens, nonceCheck, ...(claims ? { idTokenNonce: claims.nonce } : {}) };
}
