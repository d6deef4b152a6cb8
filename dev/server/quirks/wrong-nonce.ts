import type { ServerResponse } from 'node:http';
import { rewriteBody, type Layer } from '../layer';
import { isTokenRequest } from './token-endpoint';

/** The nonce the quirk writes into ID tokens instead of the one the client sent. */
export const WRONG_NONCE = 'a-nonce-from-another-sign-in';

/**
 * The token endpoint answers with an ID token whose `nonce` is not the one the authorization
 * request sent (`missing`: with none at all), as an ID token replayed from another sign-in, or
 * injected, would be (OpenID Connect Core §3.1.3.7 step 11 and §15.5.2). Only the payload's
 * nonce changes: the header and the signature stay as the provider made them, so the signature
 * no longer verifies. The extension does not verify ID token signatures (it shows what a provider
 * sends), and a nonce check must not lean on one: a replayed token is validly signed. Stand it
 * closest to the provider: it holds the body back until the provider has finished it.
 */
export function wrongNonce(nonce: string | 'missing' = WRONG_NONCE): Layer {
  return (req, res, next) => {
    if (isTokenRequest(req)) rewriteBody(res, (response, body) => withNonce(response, body, nonce));
    return next();
  };
}

function withNonce(res: ServerResponse, body: Buffer, nonce: string): Buffer {
  const json = /[/+]json\b/i.test(String(res.getHeader('content-type') ?? ''));
  if (!json || res.statusCode < 200 || res.statusCode > 299) return body;
  let tokens: Record<string, unknown>;
  try {
    tokens = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return body;
  }
  const parts = typeof tokens?.id_token === 'string' ? tokens.id_token.split('.') : [];
  if (parts.length !== 3) return body;
  const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  if (nonce === 'missing') delete claims.nonce;
  else claims.nonce = nonce;
  parts[1] = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return Buffer.from(JSON.stringify({ ...tokens, id_token: parts.join('.') }), 'utf8');
}
