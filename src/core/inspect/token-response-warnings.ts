import type { FlowHistory } from '../diagnose/diagnosis';
import { TOKEN_REQUESTS_AS_SERVER } from '../flow/flow-profile';
import type { HttpExchange } from '../traffic/http-exchange';
import { isRecord } from '../lib/is-record';
import { readTokenFields } from './read-token-fields';
import { headerRecord } from '../traffic/header-record';

/** Something worth knowing about a successful token response: nothing failed, yet it is not what was asked for. */
export type TokenResponseWarning = { code: string; title: string; explanation: string; fixes: string[]; references: string[] };

// "In compliance with the OAuth2 specifications, when a browser requests a refresh token from the
// /token endpoint, Auth0 will only return a refresh token if Refresh Token Rotation is enabled for
// that client." Auth0 tells a browser's request by its Origin header.
const AUTH0_BROWSER_REFRESH = 'Auth0, Use Refresh Token Rotation https://auth0.com/docs/secure/tokens/refresh-tokens/use-refresh-token-rotation';
const AUTH0_CONFIGURE_ROTATION = 'Auth0, Configure Refresh Token Rotation https://auth0.com/docs/tokens/guides/configure-refresh-token-rotation';
// "If you want to allow users to get refresh tokens while offline, you can select the Allow Offline
// Access switch in API Settings."
const AUTH0_OFFLINE_ACCESS = 'Auth0, Refresh Tokens (offline access) https://auth0.com/docs/secure/tokens/refresh-tokens';
// offline_access "requests that an OAuth 2.0 Refresh Token be issued"; the OP may ignore it without prompt=consent.
const OIDC_OFFLINE_ACCESS = 'OpenID Connect Core §11 https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess';

/**
 * Warnings about a token endpoint's successful answer, judged with the request and the flow's
 * history. Today one: offline_access was asked for, the code was redeemed with an Origin header
 * (as a browser app), and no refresh token came back, which is what Auth0 does for browser
 * requests unless the client rotates refresh tokens. Never throws; [] when nothing applies.
 */
export function tokenResponseWarnings(exchange: HttpExchange, history: FlowHistory = {}): TokenResponseWarning[] {
  try {
    return warnings(exchange, isRecord(history) ? history : {});
  } catch {
    // Only hostile objects (throwing getters) get here: a warning is never worth an exception.
    return [];
  }
}

function warnings(exchange: HttpExchange, history: FlowHistory): TokenResponseWarning[] {
  if (!isRecord(exchange) || !isRecord(exchange.response)) return [];
  const { status, body, headers } = exchange.response;
  // Written so that a NaN status, which compares false with everything, is not taken for a 2xx.
  if (typeof status !== 'number' || !(status >= 200 && status <= 299) || typeof body !== 'string') return [];
  const request = isRecord(exchange.request) ? exchange.request : undefined;
  const requestHeaders = headerRecord(request?.headers, 'lower');
  const grant = typeof request?.body === 'string' ? new URLSearchParams(request.body.slice(0, 100_000)).get('grant_type') : null;
  // Only a code exchange: a refresh answer may leave refresh_token out while the old one stays valid
  // (RFC 6749 §6, "MAY issue a new refresh token"), so its absence there says nothing.
  if ((grant ?? history.grantType) !== 'authorization_code') return [];
  const origin = requestHeaders.origin;
  if (!origin) return [];
  const scopes = typeof history.requestedScope === 'string' ? history.requestedScope.split(/\s+/) : [];
  if (!scopes.includes('offline_access')) return [];
  const { fields } = readTokenFields(body, headerRecord(headers, 'lower')['content-type']);
  const accessToken = fields.access_token;
  const refreshToken = fields.refresh_token;
  if (typeof accessToken !== 'string' || accessToken === '') return [];
  if (typeof refreshToken === 'string' && refreshToken !== '') return [];
  return [
    {
      code: 'no_refresh_token_with_origin',
      title: 'No refresh token, though offline_access was asked for',
      explanation: `The authorization asked for offline_access, and the code was redeemed with an Origin header (${origin}), as a browser app redeems it: the answer has an access token but no refresh token. Auth0 documents that when a browser requests a refresh token from /token, it returns one only if Refresh Token Rotation is enabled for that client; other providers may hold refresh tokens back from browser requests too.`,
      fixes: [
        `In the profile, set ${TOKEN_REQUESTS_AS_SERVER}, and run the flow again: the code is then redeemed without an Origin header, as a backend redeems it.`,
        'Or, for a browser app at Auth0, enable Refresh Token Rotation for the application (Applications > the application > Settings > Refresh Token Rotation).',
        'If a refresh token still does not come: check that the API allows offline access (Auth0: "Allow Offline Access" in the API\'s settings), and that the provider does not ignore offline_access without prompt=consent (OpenID Connect Core §11).',
      ],
      references: [AUTH0_BROWSER_REFRESH, AUTH0_CONFIGURE_ROTATION, AUTH0_OFFLINE_ACCESS, OIDC_OFFLINE_ACCESS],
    },
  ];
}

