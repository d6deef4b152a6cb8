import type { DiagnosisCategory } from './diagnosis';
import { TOKEN_REQUESTS_AS_BROWSER, TOKEN_REQUESTS_AS_SERVER } from '../flow/flow-profile';

export type CategoryText = { title: string; explanation: string; fixes: string[]; references: string[] };

const RFC6749_CODE = 'RFC 6749 §4.1.2 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2';
const RFC6749_TOKEN = 'RFC 6749 §5.2 https://www.rfc-editor.org/rfc/rfc6749#section-5.2';
const RFC6749_REDIRECT = 'RFC 6749 §4.1.3 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3';
const RFC6749_CLIENT_AUTH = 'RFC 6749 §2.3.1 https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1';
const RFC6749_SCOPE = 'RFC 6749 §3.3 https://www.rfc-editor.org/rfc/rfc6749#section-3.3';
const RFC6749_AUTHZ = 'RFC 6749 §4.1.2.1 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1';
const RFC6749_REFRESH = 'RFC 6749 §6 https://www.rfc-editor.org/rfc/rfc6749#section-6';
const RFC6750 = 'RFC 6750 §3.1 https://www.rfc-editor.org/rfc/rfc6750#section-3.1';
const RFC7636 = 'RFC 7636 §4.6 https://www.rfc-editor.org/rfc/rfc7636#section-4.6';
const RFC8628 = 'RFC 8628 §3.5 https://www.rfc-editor.org/rfc/rfc8628#section-3.5';
const RFC6585 = 'RFC 6585 §4 https://www.rfc-editor.org/rfc/rfc6585#section-4';
const RFC7009 = 'RFC 7009 §2 https://www.rfc-editor.org/rfc/rfc7009#section-2';
const OAUTH_SECURITY = 'RFC 9700 §4.1.3 https://www.rfc-editor.org/rfc/rfc9700#section-4.1.3';
// The CORS protocol: a cross-origin answer is shared with the page only when it carries an
// Access-Control-Allow-Origin for the requester's origin; a request with headers outside the
// safelist is preceded by an OPTIONS preflight, and is not sent if that is not approved.
const FETCH_CORS = 'Fetch standard, CORS protocol https://fetch.spec.whatwg.org/#http-cors-protocol';
const FETCH_SAFELISTED = 'Fetch standard, CORS-safelisted request-header https://fetch.spec.whatwg.org/#cors-safelisted-request-header';
// "A script executing in an extension service worker or foreground tab can talk to remote servers
// outside of its origin, as long as the extension requests host permissions."
const CHROME_EXTENSION_REQUESTS = 'Chrome extensions, cross-origin network requests https://developer.chrome.com/docs/extensions/develop/concepts/network-requests';
const MDN_MISSING_ALLOW_ORIGIN = "MDN, Reason: CORS header 'Access-Control-Allow-Origin' missing https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin";
// fetch() rejects with a TypeError ("Failed to fetch", "NetworkError when attempting to fetch
// resource.") whatever the network failure was: the page is not told which.
const MDN_FETCH_ERRORS = 'MDN, fetch() exceptions https://developer.mozilla.org/en-US/docs/Web/API/fetch#exceptions';
const MDN_PREFLIGHT = 'MDN, Reason: CORS preflight channel did not succeed https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/CORSPreflightDidNotSucceed';
const MDN_ORIGIN = 'MDN, Origin header https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Origin';
// "the Microsoft identity platform returns an error if you attempt to use a spa redirect URI without
// an Origin header. Similarly, [it] also prevents the use of client credentials in all flows in the
// presence of an Origin header" (AADSTS9002326 and AADSTS9002327).
const ENTRA_SPA = 'Microsoft identity platform, redirect URIs for single-page apps https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas';
// A POST (every token request) is not idempotent: it is not to be repeated blindly after a lost answer.
const RFC9110_IDEMPOTENT = 'RFC 9110 §9.2.2 https://www.rfc-editor.org/rfc/rfc9110#section-9.2.2';

/** The profile setting the fixes for an Origin problem name, exactly as the Flow tab labels it. */

/** The generic words for each cause; the explainer adds what this exchange and its history show. */
export const CATEGORY_TEXTS: Readonly<Record<DiagnosisCategory, CategoryText>> = Object.freeze({
  code_reused: {
    title: 'Authorization code already used',
    explanation:
      'An authorization code can be exchanged once. A second exchange of the same code is refused, and the server may also revoke the tokens the first exchange issued.',
    fixes: [
      'Exchange each code exactly once: make sure the callback handler does not run twice (page reload, double click, a retry on timeout, React StrictMode effects).',
      'Keep the tokens from the first exchange instead of exchanging the code again; use the refresh token to get a new access token.',
      'To try again, start a new authorization request to get a fresh code.',
    ],
    references: [RFC6749_CODE, OAUTH_SECURITY],
  },
  code_expired: {
    title: 'Authorization code expired',
    explanation:
      'Authorization codes are short-lived: RFC 6749 recommends at most 10 minutes, and many providers allow 30 to 60 seconds. A code exchanged too late is refused.',
    fixes: [
      'Exchange the code as soon as the redirect arrives, not after other work or a manual step.',
      'Check the clocks of your server and the provider if codes expire at once.',
      'Start a new authorization request to get a fresh code.',
    ],
    references: [RFC6749_CODE],
  },
  redirect_uri_mismatch: {
    title: 'redirect_uri does not match',
    explanation:
      'The redirect_uri must be registered with the provider exactly, character for character, and the token request must send the same redirect_uri as the authorization request.',
    fixes: [
      'Send the token request the exact redirect_uri of the authorization request (same scheme, host, port, path, trailing slash and encoding).',
      'Register that exact URI in the provider\'s application settings.',
      'In a browser extension, the redirect URI differs between Chrome (…chromiumapp.org) and Firefox (…extensions.allizom.org): register both.',
    ],
    references: [RFC6749_REDIRECT, 'RFC 6749 §3.1.2 https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2'],
  },
  invalid_client_credentials: {
    title: 'Client authentication failed',
    explanation:
      'The server did not accept the client_id and client_secret: the id is unknown, the secret is wrong or expired, or they belong to another environment (sandbox vs production).',
    fixes: [
      'Copy the client_id and client_secret again from the provider\'s application settings, without surrounding spaces or quotes.',
      'Check that the secret has not expired or been rotated, and that the id and the endpoint belong to the same environment.',
      'In a Basic header, form-encode the id and secret before base64 (RFC 6749 §2.3.1) when they contain special characters.',
    ],
    references: [RFC6749_CLIENT_AUTH, RFC6749_TOKEN],
  },
  client_auth_method: {
    title: 'Client credentials sent the wrong way',
    explanation:
      'The provider expects the client to authenticate by another method: HTTP Basic (client_secret_basic) instead of form fields (client_secret_post), or the reverse, or none for a public client.',
    fixes: [
      'Use the method the provider lists in token_endpoint_auth_methods_supported (its discovery document) or in the application settings.',
      'Send the credentials one way only: not both a Basic header and client_secret in the body.',
    ],
    references: [RFC6749_CLIENT_AUTH, 'OpenID Connect Core §9 https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication'],
  },
  pkce_mismatch: {
    title: 'PKCE code_verifier does not match',
    explanation:
      'The code_verifier sent with the token request must be the one whose code_challenge went with the authorization request. A missing, regenerated or wrongly hashed verifier is refused.',
    fixes: [
      'Keep the code_verifier from the authorization request (session or storage) and send that same value in the token request.',
      'With code_challenge_method=S256, the challenge is BASE64URL(SHA256(verifier)) without padding.',
      'If the provider requires PKCE, send code_challenge in the authorization request.',
    ],
    references: [RFC7636, 'RFC 7636 §4.2 https://www.rfc-editor.org/rfc/rfc7636#section-4.2'],
  },
  invalid_scope: {
    title: 'Scope not accepted',
    explanation: 'A requested scope is unknown to the provider, not enabled for this client, malformed, or wider than what the user granted.',
    fixes: [
      'Check each scope\'s spelling and separator (space-separated per RFC 6749; some providers use commas).',
      'Enable the scope in the provider\'s application settings, or ask for fewer scopes.',
      'On refresh, ask for no scope or a subset of the original grant.',
    ],
    references: [RFC6749_SCOPE],
  },
  unsupported_grant_type: {
    title: 'Grant type not supported for this client',
    explanation: 'The server does not support this grant_type, or this client is not allowed to use it.',
    fixes: [
      'Check the grant_type value (authorization_code, refresh_token, client_credentials…) and that it is sent form-encoded in the body.',
      'Enable the grant type in the provider\'s application settings.',
    ],
    references: [RFC6749_TOKEN],
  },
  rate_limited: {
    title: 'Rate limited',
    explanation: 'Too many requests in a given amount of time. The server asks the client to wait before trying again.',
    fixes: [
      'Wait for the time given by Retry-After (or until the rate-limit reset) before retrying.',
      'Retry with exponential backoff, and cache tokens instead of fetching new ones for every call.',
    ],
    references: [RFC6585],
  },
  token_expired: {
    title: 'Token expired',
    explanation: 'The token has passed its lifetime. Access tokens are short-lived; refresh tokens expire too, or after a period without use.',
    fixes: [
      'Refresh the access token with the refresh token before it expires (expires_in), and retry the call.',
      'If the refresh token itself expired, send the user through the authorization flow again.',
    ],
    references: [RFC6750, RFC6749_REFRESH],
  },
  token_revoked: {
    title: 'Token revoked',
    explanation:
      'The token was revoked: by the user, by an administrator, by a password change, by the app itself, or because a refresh token was rotated and the old one used again.',
    fixes: [
      'Send the user through the authorization flow again.',
      'With refresh token rotation, store the new refresh token from each refresh response and never use the old one again.',
    ],
    references: [RFC7009, RFC6749_REFRESH],
  },
  insufficient_scope: {
    title: 'Token lacks the required scope',
    explanation: 'The token is valid, but was not granted the permission this request needs.',
    fixes: ['Ask for the scope the API names (WWW-Authenticate scope=…, or the API\'s documentation) in the authorization request, then get a new token.'],
    references: [RFC6750],
  },
  invalid_token: {
    title: 'Access token not accepted',
    explanation: 'The API did not accept the access token: it is malformed, truncated, for another audience or environment, expired or revoked.',
    fixes: [
      'Send it as "Authorization: Bearer <token>", exactly as received, without quotes, spaces or line breaks.',
      'Check that the token was issued for this API (audience) and this environment.',
      'Paste the token in the Inspect tab to see if it is intact and when it expires.',
    ],
    references: [RFC6750],
  },
  malformed_request: {
    title: 'Malformed request',
    explanation: 'A required parameter is missing, a value is not supported, a parameter is repeated, or the body is not encoded as the server expects.',
    fixes: [
      'Send token requests as application/x-www-form-urlencoded in the body, not JSON and not in the query string.',
      'Check that every required parameter is present exactly once (grant_type, code, redirect_uri, client_id…).',
    ],
    references: [RFC6749_TOKEN],
  },
  consent_denied: {
    title: 'Authorization denied',
    explanation: 'The user declined, an administrator\'s policy blocked the app, or prompt=none was used when the user needs to sign in or consent.',
    fixes: [
      'Try again and approve the consent screen; check that the signed-in account may use the app.',
      'Ask an administrator to grant consent if the organisation requires it.',
      'Without prompt=none, let the user sign in and consent interactively.',
    ],
    references: [RFC6749_AUTHZ],
  },
  authorization_pending: {
    title: 'Authorization pending',
    explanation: 'The user has not finished approving the device yet. This is expected while polling.',
    fixes: ['Keep polling the token endpoint at the interval the device authorization response gave (5 seconds by default).'],
    references: [RFC8628],
  },
  slow_down: {
    title: 'Polling too fast',
    explanation: 'The device is still pending and the client polls too often.',
    fixes: ['Add 5 seconds to the polling interval, for this and every later request.'],
    references: [RFC8628],
  },
  origin_not_allowed: {
    title: 'Refused because of the Origin header',
    explanation:
      'The provider turned the request down because of its Origin header: either it carried one (browsers add it to every cross-origin request, and OAuth Lens sends one when token requests go as a browser app) and that origin is not allowed for this client, or it carried none where the provider wants one (a client registered as a single-page app). The code, the secret and the way the client authenticates are not what was judged.',
    fixes: [
      `In the profile, set ${TOKEN_REQUESTS_AS_SERVER} when the client is registered as a web app with a backend (it has a secret), or ${TOKEN_REQUESTS_AS_BROWSER} when it is registered as a single-page app (no secret, PKCE).`,
      'In your own app: redeem codes from the backend for a web-app client; from the browser for a single-page-app client, with its origin listed among the client\'s allowed (CORS) origins.',
    ],
    references: [MDN_ORIGIN, FETCH_CORS, ENTRA_SPA],
  },
  cors_blocked: {
    title: 'Blocked by CORS',
    explanation:
      'The provider does not answer the extension\'s origin (chrome-extension://… or moz-extension://…) by CORS, so the browser gave the extension nothing to read: no status, no headers, no body. Whatever the server did with the request is unknown from here. An extension may read cross-origin answers from a host once it holds that host\'s permission.',
    fixes: [
      'Allow OAuth Lens to reach this host (the Errors view offers the button), then run the flow again: with the host permission the browser shares the answer with the extension.',
      'In your own app: a provider that does not list your origin for CORS expects its token endpoint to be called from a backend, not from the browser.',
    ],
    references: [FETCH_CORS, FETCH_SAFELISTED, CHROME_EXTENSION_REQUESTS, MDN_MISSING_ALLOW_ORIGIN, MDN_PREFLIGHT],
  },
  server_unreachable: {
    title: 'Server unreachable',
    explanation: 'No connection could be made to the server, so the request was not sent and nothing was answered.',
    fixes: [
      'Check the URL: scheme (http or https), host name and port, as the provider documents them.',
      'Check that the server is up and reachable from this machine (open the URL in a tab; a VPN, proxy or firewall can stand in the way).',
    ],
    references: [MDN_FETCH_ERRORS],
  },
  timeout: {
    title: 'No answer received',
    explanation:
      'No answer came back: the request may have reached the server, and may have had its effect there (a code redeemed, a token revoked), but nothing about it was read.',
    fixes: [
      'Check the server\'s logs or status page: it may be slow or down, or a proxy may have cut the connection.',
      'Send again only what is safe to repeat. A code exchange is not: start a new authorization for a fresh code instead of re-sending this one.',
    ],
    references: [RFC9110_IDEMPOTENT, RFC6749_CODE, MDN_FETCH_ERRORS],
  },
  other: {
    title: 'Request failed',
    explanation: 'The request failed without a recognised OAuth error.',
    fixes: ['Read the server\'s message below, and check the provider\'s status page for an outage.'],
    references: ['RFC 9110 §15 https://www.rfc-editor.org/rfc/rfc9110#section-15'],
  },
});
