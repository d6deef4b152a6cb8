import { encodeBase64, utf8 } from './base64';
import type { ClientAuthMethod } from './flow-profile';
import type { HttpRequest } from './http-exchange';

export type ClientCredentials = { clientId: string; clientSecret?: string; clientAuth: ClientAuthMethod };

/** RFC 6749 §4.1.3: exchange an authorization code for tokens. */
export function authorizationCodeRequest(
  tokenEndpoint: string,
  grant: { code: string; redirectUri: string; codeVerifier?: string },
  client: ClientCredentials,
): HttpRequest {
  const params: Record<string, string> = {
    grant_type: 'authorization_code',
    code: grant.code,
    redirect_uri: grant.redirectUri,
  };
  if (grant.codeVerifier) params.code_verifier = grant.codeVerifier;
  return tokenRequest(tokenEndpoint, params, client);
}

/**
 * A POST to the token endpoint with the client authenticated one way only: a server may
 * refuse credentials sent both in the header and in the body (RFC 6749 §2.3).
 */
export function tokenRequest(tokenEndpoint: string, params: Record<string, string>, client: ClientCredentials): HttpRequest {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  const body = new URLSearchParams(params);
  switch (client.clientAuth) {
    case 'client_secret_basic':
      headers.authorization = basicAuthorization(client.clientId, client.clientSecret ?? '');
      break;
    case 'client_secret_post':
      body.set('client_id', client.clientId);
      body.set('client_secret', client.clientSecret ?? '');
      break;
    case 'none':
      body.set('client_id', client.clientId);
      break;
  }
  return { method: 'POST', url: tokenEndpoint, headers, body: body.toString() };
}

/**
 * RFC 6749 §2.3.1: the id and the secret are each form-urlencoded *before* base64, a step
 * many clients skip; it only shows when a secret contains characters such as `+`, `:` or `%`.
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${encodeBase64(utf8(`${formEncode(clientId)}:${formEncode(clientSecret)}`))}`;
}

function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** RFC 6750 §2.1: a GET with the access token in the Authorization header (userinfo, or any API). */
export function bearerRequest(url: string, accessToken: string): HttpRequest {
  return { method: 'GET', url, headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } };
}

// The fields by which a client authenticates in a form body (RFC 6749 §2.3.1, RFC 7523 §2.2).
const CLIENT_AUTH_FIELDS = ['client_id', 'client_secret', 'client_assertion_type', 'client_assertion'];

/**
 * A new token-endpoint-style request (refresh, revocation, introspection) that authenticates
 * exactly as `previous` did: the same Authorization header, or the same client fields in the
 * body. Refreshing with a different method than the code exchange is a classic cause of
 * `invalid_client`.
 */
export function withSameClientAuthentication(previous: HttpRequest, url: string, params: Record<string, string>): HttpRequest {
  const authorization = Object.entries(previous.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const previousBody = new URLSearchParams(previous.body ?? '');
  const body = new URLSearchParams(params);
  for (const field of CLIENT_AUTH_FIELDS) {
    const value = previousBody.get(field);
    if (value !== null) body.set(field, value);
  }
  return {
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: body.toString(),
  };
}
