import { send, type Layer } from '../layer';
import { basicClientId, isTokenRequest, issuerOf, jsonError } from './token-endpoint';

const DESCRIPTION = 'client authentication method client_secret_basic is not allowed for this client; use client_secret_post';

/**
 * A client that authenticates with `client_secret_post` only, as many providers enforce for a
 * client registered that way: its token requests with HTTP Basic credentials are refused with
 * `401 invalid_client`, before they reach the provider. oidc-provider 9 itself accepts Basic
 * and post interchangeably for any client with a secret.
 */
export function postOnlyClient(clientId: string): Layer {
  return async (req, res, next) => {
    if (!isTokenRequest(req) || basicClientId(req) !== clientId) return next();
    const challenge = `Basic realm="${issuerOf(req)}", error="invalid_client", error_description="${DESCRIPTION}"`;
    send(res, jsonError(req, 401, 'invalid_client', DESCRIPTION, { headers: { 'www-authenticate': challenge }, expose: ['WWW-Authenticate'] }));
  };
}
