import { CREDENTIAL_HEADERS } from '../catalog/auth-schemes';
import { parseUrl } from '../lib/parse-url';
import { isAuthorizationRequest } from './evidence-ledger';
import { isTokenRequest } from './is-watched-failure';
import type { HarExchange } from './read-har-entry';

/** What part an exchange plays in OAuth, as a timeline shows it. */
export type HarKind = 'discovery' | 'authorization_request' | 'authorization_response' | 'token_request' | 'api_call' | 'other';

// OpenID Connect Discovery 1.0 §4 (https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig) and
// RFC 8414 §3 (https://www.rfc-editor.org/rfc/rfc8414#section-3), whose suffix may be followed by the issuer's path.
const DISCOVERY_PATH = /\/\.well-known\/(?:openid-configuration|oauth-authorization-server)(?:\/|$)/;

/** Names a request carries a credential under, besides Authorization (RFC 6750 §2.3's access_token in the query). */
const CREDENTIAL_NAMES = new Set(['authorization', ...CREDENTIAL_HEADERS.map((entry) => entry.scheme.toLowerCase())]);

/**
 * Which part an exchange plays, by the same tests the reducer notes history by (`isTokenRequest`,
 * `isAuthorizationRequest`), read from the raw exchange (only the kind leaves here).
 */
export function harKind(exchange: HarExchange): HarKind {
  const url = parseUrl(exchange.url);
  if (url && DISCOVERY_PATH.test(url.pathname)) return 'discovery';
  if (isTokenRequest({ method: exchange.method, url: exchange.url, ...(exchange.body !== undefined ? { body: exchange.body } : {}) })) return 'token_request';
  const query = url?.searchParams;
  // A pushed request (RFC 9126 §4) names its request_uri instead of response_type.
  if (exchange.method === 'GET' && (isAuthorizationRequest(exchange.url) || (query?.has('client_id') && (query.has('response_type') || query.has('request_uri'))))) return 'authorization_request';
  if (carriesAuthorizationResponse(exchange)) return 'authorization_response';
  if (exchange.headers.some(([name, value]) => CREDENTIAL_NAMES.has(name.toLowerCase()) && value.trim() !== '') || query?.has('access_token')) return 'api_call';
  return 'other';
}

/**
 * RFC 6749 §4.1.2: a code, or an error with the state, sent back to the redirect URI: on a redirect's
 * Location, on the request to the redirect URI, or in a form posted there (OAuth 2.0 Form Post
 * Response Mode, https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html).
 */
function carriesAuthorizationResponse(exchange: HarExchange): boolean {
  const location = exchange.answer?.location;
  const carried = [
    ...(location !== undefined ? [parseUrl(location)?.searchParams] : []),
    parseUrl(exchange.url)?.searchParams,
    ...(exchange.method === 'POST' && exchange.body !== undefined && /^\s*application\/x-www-form-urlencoded/i.test(contentType(exchange)) ? [new URLSearchParams(exchange.body)] : []),
  ];
  return carried.some((params) => params !== undefined && (params.has('code') || (params.has('error') && params.has('state'))));
}

function contentType(exchange: HarExchange): string {
  return exchange.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
}
