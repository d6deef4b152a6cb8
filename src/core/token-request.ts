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
