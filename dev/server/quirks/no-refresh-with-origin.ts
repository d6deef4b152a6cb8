import type { ServerResponse } from 'node:http';
import { rewriteBody, type Layer } from '../layer';
import { isTokenRequest } from './token-endpoint';

/**
 * No refresh token for a browser, as Auth0: "If a browser application, with an Origin header,
 * makes a POST request to the /oauth/token endpoint, Auth0 doesn't issue refresh tokens, even if
 * the application has Allow Refresh Token Rotation enabled and sends the offline_access scope."
 * https://auth0.com/docs/get-started/authentication-and-authorization-flow/authorization-code-flow
 * and, for SPAs, "when a browser requests a refresh token from the /token endpoint, Auth0 will
 * only return a refresh token if Refresh Token Rotation is enabled for that client":
 * https://auth0.com/docs/secure/tokens/refresh-tokens/use-refresh-token-rotation
 *
 * So a successful token response (code grant or refresh) to a request with `Origin` loses its
 * `refresh_token`; the rest of the JSON is sent as it was, with its `Content-Length` fixed.
 * The provider still keeps the refresh token it made: the client just never learns it, which is
 * what it sees at Auth0. Stand it closest to the provider: it holds the whole body back until
 * the provider has finished it.
 */
export function noRefreshWithOrigin(): Layer {
  return (req, res, next) => {
    if (isTokenRequest(req) && req.headers.origin !== undefined) rewriteBody(res, withoutRefreshToken);
    return next();
  };
}

function withoutRefreshToken(res: ServerResponse, body: Buffer): Buffer {
  const json = /[/+]json\b/i.test(String(res.getHeader('content-type') ?? ''));
  if (!json || res.statusCode < 200 || res.statusCode > 299) return body;
  let tokens: unknown;
  try {
    tokens = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  if (!tokens || typeof tokens !== 'object' || !('refresh_token' in tokens)) return body;
  const { refresh_token: _dropped, ...rest } = tokens as Record<string, unknown>;
  return Buffer.from(JSON.stringify(rest), 'utf8');
}
