import { isRecord } from '../lib/is-record';
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
 * Values come from a stored profile: one that is not text is left out.
 *
 * When the authorization endpoint is not an absolute URL there is no request to build: the
 * problem says so, and the run fails with that sentence. Never throws.
 */
export function buildAuthorizationUrl(request: AuthorizationRequest): AuthorizationUrl {
  const given: Partial<Record<keyof AuthorizationRequest, unknown>> = isRecord(request) ? request : {};
  const endpoint = given.authorizationEndpoint;
  if (typeof endpoint !== 'string' || !URL.canParse(endpoint)) {
    return { ok: false, problem: `The authorization endpoint is not an absolute URL: ${typeof endpoint === 'string' ? `"${endpoint.slice(0, 200)}"` : 'none was given'}.` };
  }
  const url = new URL(endpoint);
  const set = (name: string, value: unknown) => {
    if (typeof value === 'string') url.searchParams.set(name, value);
  };
  for (const [name, value] of Object.entries(isRecord(given.extraParams) ? given.extraParams : {})) set(name, value);
  url.searchParams.set('response_type', 'code');
  set('client_id', given.clientId);
  set('redirect_uri', given.redirectUri);
  if (given.scope) set('scope', given.scope);
  set('state', given.state);
  if (typeof given.codeChallenge === 'string' && given.codeChallenge !== '') {
    url.searchParams.set('code_challenge', given.codeChallenge);
    url.searchParams.set('code_challenge_method', given.codeChallengeMethod === 'plain' ? 'plain' : 'S256');
  }
  if (given.nonce) set('nonce', given.nonce);
  return { ok: true, url: url.toString() };
}

export type AuthorizationUrl = { ok: true; url: string } | { ok: false; problem: string };
