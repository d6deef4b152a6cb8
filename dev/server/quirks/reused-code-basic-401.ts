import { createHash } from 'node:crypto';
import { interceptResponse, peekForm, type Layer, type Replacement } from '../layer';
import { isTokenRequest } from './token-endpoint';

/** What FreeAgent (Rails with Devise) answered to a reused authorization code: Rails' HTTP Basic refusal. */
export const REUSED_CODE_RESPONSE: Replacement = {
  status: 401,
  headers: { 'www-authenticate': 'Basic realm="Application"', 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' },
  body: 'HTTP Basic: Access denied.\n',
};

/**
 * A reused authorization code is answered `401` with `WWW-Authenticate: Basic realm="Application"`
 * and `HTTP Basic: Access denied.`, as FreeAgent did, instead of `400 invalid_grant` (RFC 6749 §5.2).
 * That misleads clients into debugging their client credentials.
 *
 * Reuse is known, not guessed: the layer remembers the SHA-256 of every code the token endpoint
 * answered with a 2xx. A later request with such a code still goes to the provider, which
 * revokes the grant and the tokens issued from it (RFC 6749 §4.1.2) as a real server would;
 * only its answer is replaced.
 */
export function reusedCodeBasic401(): Layer {
  const redeemed = new Set<string>();
  return async (req, res, next) => {
    if (!isTokenRequest(req)) return next();
    const form = await peekForm(req);
    const code = form.get('grant_type') === 'authorization_code' ? form.get('code') : null;
    if (!code) return next();
    const hash = createHash('sha256').update(code).digest('base64url');
    interceptResponse(res, (response) => {
      if (redeemed.has(hash)) return REUSED_CODE_RESPONSE;
      // Recorded before the status line goes out, so a client's immediate retry is already known.
      if (response.statusCode >= 200 && response.statusCode < 300) redeemed.add(hash);
      return undefined;
    });
    return next();
  };
}
