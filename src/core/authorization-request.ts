import type { PkceMethod } from './pkce';

export type AuthorizationRequest = {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge?: string;
  codeChallengeMethod?: PkceMethod;
  nonce?: string;
  extraParams?: Record<string, string>;
};

/**
 * RFC 6749 §4.1.1 authorization request URL. Parameters already in the endpoint's query are
 * kept (§3.1 allows them); extra parameters never override the ones the flow depends on.
 */
export function buildAuthorizationUrl(request: AuthorizationRequest): string {
  const url = new URL(request.authorizationEndpoint);
  for (const [name, value] of Object.entries(request.extraParams ?? {})) url.searchParams.set(name, value);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  if (request.scope) url.searchParams.set('scope', request.scope);
  url.searchParams.set('state', request.state);
  if (request.codeChallenge) {
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', request.codeChallengeMethod ?? 'S256');
  }
  if (request.nonce) url.searchParams.set('nonce', request.nonce);
  return url.toString();
}
