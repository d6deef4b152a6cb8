/**
 * Authorization schemes a developer pastes in front of a credential (RFC 9110 §11.4), what the
 * credential after each is, and where that is documented. Compared case-insensitively (RFC 9110
 * §11.1: schemes are case-insensitive).
 */
export type AuthScheme = { scheme: string; meaning: string; source: string };

export const AUTH_SCHEMES: readonly AuthScheme[] = Object.freeze([
  { scheme: 'Bearer', meaning: 'an OAuth 2.0 bearer token: whoever holds it may use it', source: 'https://www.rfc-editor.org/rfc/rfc6750#section-2.1' },
  {
    scheme: 'Basic',
    meaning: 'a user id and password, base64-encoded (not encrypted); at a token endpoint, the client id and client secret',
    source: 'https://www.rfc-editor.org/rfc/rfc7617#section-2',
  },
  { scheme: 'DPoP', meaning: 'a DPoP-bound access token, valid only with a DPoP proof of the same key in the DPoP header', source: 'https://www.rfc-editor.org/rfc/rfc9449#section-7.1' },
  { scheme: 'token', meaning: "GitHub's own scheme for its tokens, taken like Bearer by its REST API", source: 'https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api' },
  { scheme: 'SSWS', meaning: "Okta's own scheme for an Okta API token (not an OAuth 2.0 token)", source: 'https://developer.okta.com/docs/guides/create-an-api-token/main/' },
  { scheme: 'OAuth', meaning: 'OAuth 1.0a signed parameters, not an OAuth 2.0 token', source: 'https://www.rfc-editor.org/rfc/rfc5849#section-3.5.1' },
  { scheme: 'Digest', meaning: 'a password digest challenge answer, not a token', source: 'https://www.rfc-editor.org/rfc/rfc7616#section-3.4' },
  { scheme: 'Negotiate', meaning: 'a Kerberos or NTLM (SPNEGO) ticket, not an OAuth token', source: 'https://www.rfc-editor.org/rfc/rfc4559#section-4' },
  {
    scheme: 'AWS4-HMAC-SHA256',
    meaning: 'an AWS Signature Version 4 signature of this one request, not a token',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html',
  },
]);

/** Headers other than Authorization whose value is itself a credential, and what it is. */
export const CREDENTIAL_HEADERS: readonly AuthScheme[] = Object.freeze([
  { scheme: 'DPoP', meaning: 'a DPoP proof: a JWT signed by the client’s key for this one request', source: 'https://www.rfc-editor.org/rfc/rfc9449#section-4.1' },
  { scheme: 'PRIVATE-TOKEN', meaning: 'a GitLab personal, project or group access token', source: 'https://docs.gitlab.com/api/rest/authentication/#personalprojectgroup-access-tokens' },
  { scheme: 'X-Api-Key', meaning: 'an API key, sent as it is', source: 'https://swagger.io/docs/specification/v3_0/authentication/api-keys/' },
]);
