import type { DiagnosisCategory } from '../diagnose/diagnosis';

/** Where an error code is defined to appear: the redirect, the token endpoint, a protected resource, device polling. */
export type ErrorSetting = 'authorization' | 'token' | 'resource' | 'device' | 'revocation';

/**
 * One error code a specification defines, and the causes it can mean. `causes` is ranked for
 * the setting it appears in; `forRefresh` replaces it on a refresh_token grant, where "the
 * grant" is the refresh token, not a code.
 */
export type OAuthError = {
  error: string;
  settings: ErrorSetting[];
  causes: DiagnosisCategory[];
  forRefresh?: DiagnosisCategory[];
  /** The specification's own definition, shortened. */
  meaning: string;
  /** "RFC 6749 §5.2 https://…" */
  reference: string;
};

const RFC6749_AUTHZ = 'RFC 6749 §4.1.2.1 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1';
const RFC6749_TOKEN = 'RFC 6749 §5.2 https://www.rfc-editor.org/rfc/rfc6749#section-5.2';
const RFC6750 = 'RFC 6750 §3.1 https://www.rfc-editor.org/rfc/rfc6750#section-3.1';
const RFC7636 = 'RFC 7636 §4.4.1 https://www.rfc-editor.org/rfc/rfc7636#section-4.4.1';
const RFC8628 = 'RFC 8628 §3.5 https://www.rfc-editor.org/rfc/rfc8628#section-3.5';
const RFC7009 = 'RFC 7009 §2.2.1 https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1';
const OIDC = 'OpenID Connect Core §3.1.2.6 https://openid.net/specs/openid-connect-core-1_0.html#AuthError';
const RFC9449 = 'RFC 9449 §5, §7.1 https://www.rfc-editor.org/rfc/rfc9449#section-5';

export const OAUTH_ERRORS: readonly OAuthError[] = Object.freeze([
  // RFC 6749 §5.2 lists everything invalid_grant can mean; the order is how often each bites a developer.
  {
    error: 'invalid_grant',
    settings: ['token'],
    causes: ['code_reused', 'code_expired', 'redirect_uri_mismatch', 'pkce_mismatch', 'invalid_client_credentials'],
    forRefresh: ['token_expired', 'token_revoked', 'invalid_client_credentials'],
    meaning:
      'The authorization grant or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
    reference: RFC6749_TOKEN,
  },
  {
    error: 'invalid_client',
    settings: ['token', 'revocation'],
    causes: ['invalid_client_credentials', 'client_auth_method'],
    meaning: 'Client authentication failed: unknown client, no client authentication included, or an unsupported authentication method.',
    reference: RFC6749_TOKEN,
  },
  {
    error: 'unauthorized_client',
    settings: ['authorization', 'token'],
    causes: ['unsupported_grant_type', 'client_auth_method'],
    meaning: 'The client is not authorized to use this grant type or response type.',
    reference: RFC6749_TOKEN,
  },
  {
    error: 'unsupported_grant_type',
    settings: ['token'],
    causes: ['unsupported_grant_type'],
    meaning: 'The authorization server does not support this grant type.',
    reference: RFC6749_TOKEN,
  },
  {
    error: 'invalid_scope',
    settings: ['authorization', 'token'],
    causes: ['invalid_scope'],
    meaning: 'The requested scope is invalid, unknown, malformed, or exceeds what the resource owner granted.',
    reference: RFC6749_TOKEN,
  },
  {
    error: 'invalid_request',
    settings: ['authorization', 'token', 'resource'],
    causes: ['malformed_request', 'redirect_uri_mismatch', 'pkce_mismatch', 'client_auth_method'],
    meaning:
      'The request is missing a required parameter, includes an unsupported value, repeats a parameter, or is otherwise malformed. PKCE (RFC 7636 §4.4.1) also uses it when a required code_challenge is missing.',
    reference: RFC6749_TOKEN,
  },
  {
    error: 'access_denied',
    settings: ['authorization', 'device'],
    causes: ['consent_denied'],
    meaning: 'The resource owner or the authorization server denied the request.',
    reference: RFC6749_AUTHZ,
  },
  {
    error: 'unsupported_response_type',
    settings: ['authorization'],
    causes: ['malformed_request'],
    meaning: 'The authorization server does not support obtaining an authorization code (or token) this way.',
    reference: RFC6749_AUTHZ,
  },
  {
    error: 'server_error',
    settings: ['authorization'],
    causes: ['other'],
    meaning: 'The authorization server met an unexpected condition (a 500 it could not send through a redirect).',
    reference: RFC6749_AUTHZ,
  },
  {
    error: 'temporarily_unavailable',
    settings: ['authorization'],
    causes: ['rate_limited', 'other'],
    meaning: 'The authorization server is overloaded or under maintenance (a 503 it could not send through a redirect).',
    reference: RFC6749_AUTHZ,
  },
  {
    error: 'invalid_token',
    settings: ['resource'],
    causes: ['invalid_token', 'token_expired', 'token_revoked'],
    meaning: 'The access token provided is expired, revoked, malformed, or invalid for other reasons.',
    reference: RFC6750,
  },
  {
    error: 'insufficient_scope',
    settings: ['resource'],
    causes: ['insufficient_scope'],
    meaning: 'The request requires higher privileges than the access token provides.',
    reference: RFC6750,
  },
  {
    error: 'authorization_pending',
    settings: ['device'],
    causes: ['authorization_pending'],
    meaning: 'The user has not yet completed the authorization; keep polling at the given interval.',
    reference: RFC8628,
  },
  {
    error: 'slow_down',
    settings: ['device'],
    causes: ['slow_down'],
    meaning: 'Still pending, and the client polls too fast: the interval must grow by 5 seconds for this and all later requests.',
    reference: RFC8628,
  },
  {
    error: 'expired_token',
    settings: ['device'],
    causes: ['code_expired'],
    meaning: 'The device_code has expired; the device authorization session is over and must be started again.',
    reference: RFC8628,
  },
  {
    error: 'unsupported_token_type',
    settings: ['revocation'],
    causes: ['malformed_request'],
    meaning: 'The authorization server does not support revoking this type of token.',
    reference: RFC7009,
  },
  { error: 'login_required', settings: ['authorization'], causes: ['consent_denied'], meaning: 'prompt=none was sent but the user is not signed in.', reference: OIDC },
  {
    error: 'consent_required',
    settings: ['authorization'],
    causes: ['consent_denied'],
    meaning: 'prompt=none was sent but the user has not consented to this client.',
    reference: OIDC,
  },
  {
    error: 'interaction_required',
    settings: ['authorization'],
    causes: ['consent_denied'],
    meaning: 'prompt=none was sent but the server needs the user to interact.',
    reference: OIDC,
  },
  {
    error: 'account_selection_required',
    settings: ['authorization'],
    causes: ['consent_denied'],
    meaning: 'prompt=none was sent but the user must choose an account.',
    reference: OIDC,
  },
  { error: 'invalid_request_uri', settings: ['authorization'], causes: ['malformed_request'], meaning: 'The request_uri is invalid or unreachable.', reference: OIDC },
  { error: 'invalid_request_object', settings: ['authorization'], causes: ['malformed_request'], meaning: 'The request object is invalid.', reference: OIDC },
  {
    error: 'invalid_dpop_proof',
    settings: ['token', 'resource'],
    causes: ['malformed_request', 'invalid_token'],
    meaning: 'The DPoP proof is missing, malformed, or does not match the request.',
    reference: RFC9449,
  },
  {
    error: 'use_dpop_nonce',
    settings: ['token', 'resource'],
    causes: ['malformed_request'],
    meaning: 'The server requires a DPoP nonce: retry with the one it sent in the DPoP-Nonce header.',
    reference: RFC9449,
  },
]);

/**
 * Words in an error description that narrow a vague code down. Not from a specification:
 * servers phrase descriptions freely, and these are the phrasings seen in the catalogued
 * providers' documentation (see provider-errors.ts) and in oidc-provider's messages.
 */
export const DESCRIPTION_HINTS: readonly { pattern: RegExp; category: DiagnosisCategory; reference?: string }[] = Object.freeze([
  { pattern: /auth(?:entication)?[ _]method|client_secret_(?:basic|post|jwt)|private_key_jwt/i, category: 'client_auth_method' },
  { pattern: /already (?:been )?(?:used|redeemed|exchanged)|reuse|one-time/i, category: 'code_reused' },
  { pattern: /code_verifier|code verifier|code_challenge|code challenge|pkce|proof key/i, category: 'pkce_mismatch', reference: RFC7636 },
  { pattern: /redirect|callback url|reply url/i, category: 'redirect_uri_mismatch' },
  { pattern: /revoked/i, category: 'token_revoked' },
  { pattern: /expired?/i, category: 'code_expired' },
  { pattern: /client secret|client_secret|client credentials|client authentication|unknown client|client not found/i, category: 'invalid_client_credentials' },
  { pattern: /scope/i, category: 'invalid_scope' },
  { pattern: /rate.?limit|too many requests|throttl/i, category: 'rate_limited' },
]);

export function findOAuthError(code: string): OAuthError | undefined {
  const lower = code.toLowerCase();
  return OAUTH_ERRORS.find((entry) => entry.error === lower);
}
