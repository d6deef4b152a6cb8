import { encodeBase64, utf8 } from '../lib/base64';
import type { ClientAuthMethod } from './flow-profile';
import type { HttpRequest } from '../traffic/http-exchange';
import { isRecord } from '../lib/is-record';

// The values come from profiles, stored runs and token responses: what is not text (a number
// aside, written as URLSearchParams writes it) is left out of a form rather than thrown on.
function formText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function form(params: unknown): URLSearchParams {
  const body = new URLSearchParams();
  if (!isRecord(params)) return body;
  for (const [name, value] of Object.entries(params)) {
    const text = formText(value);
    if (text !== undefined) body.append(name, text);
  }
  return body;
}

export type ClientCredentials = { clientId: string; clientSecret?: string; clientAuth: ClientAuthMethod };

/** RFC 6749 §4.1.3: exchange an authorization code for tokens. */
export function authorizationCodeRequest(
  tokenEndpoint: string,
  grant: { code: string; redirectUri: string; codeVerifier?: string },
  client: ClientCredentials,
): HttpRequest {
  const { code, redirectUri, codeVerifier } = isRecord(grant) ? grant : {};
  const params: Record<string, unknown> = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
  if (codeVerifier) params.code_verifier = codeVerifier;
  return tokenRequest(tokenEndpoint, params as Record<string, string>, client);
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
  const body = form(params);
  const { clientId: id, clientSecret: secret, clientAuth } = isRecord(client) ? client : {};
  const clientId = formText(id) ?? '';
  const clientSecret = formText(secret) ?? '';
  switch (clientAuth) {
    case 'client_secret_basic':
      headers.authorization = basicAuthorization(clientId, clientSecret);
      break;
    case 'client_secret_post':
      body.set('client_id', clientId);
      body.set('client_secret', clientSecret);
      break;
    case 'none':
      body.set('client_id', clientId);
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
  const { headers, body: sent } = isRecord(previous) ? previous : {};
  const found = Object.entries(isRecord(headers) ? headers : {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const authorization = typeof found === 'string' ? found : undefined;
  const previousBody = new URLSearchParams(typeof sent === 'string' ? sent : '');
  const body = form(params);
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
