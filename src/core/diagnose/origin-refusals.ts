/**
 * One way a server says it refused a request because of its Origin header, recognised from the
 * words of the answer whatever the host: Entra behind a custom domain, B2C or an API gateway, a
 * self-hosted oidc-provider or Keycloak. Each entry is the server's own text, with its source.
 */
export type OriginRefusal = {
  /** Who sends this answer. */
  server: string;
  /** Source of a case-insensitive regex, matched against the error codes and the description; linear, no nested quantifiers. */
  pattern: string;
  /**
   * `sent`: refused because the request carried an Origin header (or one not allowed for the
   * client); the fix is to send token requests as a server. `missing`: refused because it carried
   * none where the client must be a browser app; the fix is to send them as a browser app.
   */
  origin: 'sent' | 'missing';
  /** What the source says the answer means. */
  meaning: string;
  /** The provider-side alternative to changing how requests are sent. */
  fix: string;
  /** Where the wording or the rule behind it is stated. */
  source: string;
};

const ENTRA_SPA = 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas';

export const ORIGIN_REFUSALS: readonly OriginRefusal[] = Object.freeze([
  // Entra: "the Microsoft identity platform also prevents the use of client credentials in all
  // flows in the presence of an Origin header" (ENTRA_SPA). The message, as sent: "AADSTS9002326:
  // Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type."
  {
    server: 'Microsoft Entra ID (AADSTS9002326)',
    pattern: '\\bAADSTS9002326\\b',
    origin: 'sent',
    meaning: 'a code redeemed cross-origin (with an Origin header) is accepted only for a redirect URI registered as a single-page application, and client credentials are refused whenever an Origin header is present.',
    fix: 'Or keep redeeming from the browser: register the redirect URI under the "Single-page application" platform and use no client secret (PKCE only).',
    source: ENTRA_SPA,
  },
  // "the Microsoft identity platform returns an error if you attempt to use a spa redirect URI
  // without an Origin header" (ENTRA_SPA). As sent: "AADSTS9002327: Tokens issued for the
  // 'Single-Page Application' client-type may only be redeemed via cross-origin requests."
  {
    server: 'Microsoft Entra ID (AADSTS9002327)',
    pattern: '\\bAADSTS9002327\\b',
    origin: 'missing',
    meaning: 'codes and refresh tokens issued to a redirect URI registered as a single-page application may only be redeemed cross-origin, with an Origin header, as a browser sends them.',
    fix: 'Or redeem from a backend: register the redirect URI under the "Web" platform instead of "Single-page application" (a confidential client with a secret).',
    source: ENTRA_SPA,
  },
  // oidc-provider, lib/shared/cors.js (checkClientCORS), when clientBasedCORS returns false:
  // throw new InvalidRequest(`origin ${origin} not allowed for client: ${client.clientId}`)
  // → 400 {"error":"invalid_request","error_description":"origin … not allowed for client: …"}.
  {
    server: 'oidc-provider',
    pattern: '\\borigin\\s+\\S*\\s*not allowed for client\\b',
    origin: 'sent',
    meaning: 'the request carried an Origin header, and the provider\'s clientBasedCORS check does not allow that origin for this client.',
    fix: 'Or allow the origin for this client in the provider\'s configuration (oidc-provider\'s clientBasedCORS helper decides; the bundled server allows chrome-extension:// and moz-extension://).',
    source: 'https://github.com/panva/node-oidc-provider/blob/main/lib/shared/cors.js',
  },
  // Keycloak, DefaultCors.add() with failOnInvalidOrigin: throw new ForbiddenException("Invalid
  // origin"), which KeycloakErrorHandler renders as 403 {"error":"invalid_request",
  // "error_description":"Invalid origin"}; since 26.6.3 before any endpoint logic runs
  // (https://github.com/keycloak/keycloak/issues/51831).
  {
    server: 'Keycloak',
    pattern: '^invalid origin\\.?$',
    origin: 'sent',
    meaning: 'the request carried an Origin header that is not among the client\'s Web Origins.',
    fix: 'Or add the origin to the client\'s "Web origins" in the Keycloak admin console.',
    source: 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/services/cors/DefaultCors.java',
  },
  // Spring (and Spring Authorization Server behind it), DefaultCorsProcessor.rejectRequest: status
  // 403 and the plain-text body "Invalid CORS request" when a request with an Origin header fails
  // the CORS configuration; a request without Origin is not a CORS request and passes.
  {
    server: 'Spring (CORS configuration)',
    pattern: '^invalid cors request\\.?$',
    origin: 'sent',
    meaning: 'the request carried an Origin header, which makes it a CORS request, and the server\'s CORS configuration does not allow that origin (or method).',
    fix: 'Or add the origin to the server\'s CORS configuration (allowed origins) for the token endpoint.',
    source: 'https://github.com/spring-projects/spring-framework/blob/main/spring-web/src/main/java/org/springframework/web/cors/DefaultCorsProcessor.java',
  },
  // Okta: {"error":"invalid_client","error_description":"Browser requests to the token endpoint
  // must use Proof Key for Code Exchange."}; cause: "The "Origin" header is present in the request
  // to the /token endpoint".
  {
    server: 'Okta',
    pattern: 'browser requests to the token endpoint must use proof key for code exchange',
    origin: 'sent',
    meaning: 'the token request carried an Origin header, so Okta treated it as a browser\'s and requires PKCE of it; other flows must not send an Origin header to /token.',
    fix: 'Or, for a browser app, send PKCE (code_verifier) with the code exchange.',
    source: 'https://support.okta.com/help/s/article/Browser-requests-to-the-token-endpoint-must-use-Proof-Key-for-Code-Exchange',
  },
] satisfies OriginRefusal[]);

// Gaps: "Origin not allowed" and "CORS origin not allowed" are common in applications' own CORS
// middleware (403 JSON from express or worker code), but no OAuth provider or gateway was found
// documenting them, so they are left out.

/** The refusal an answer's codes or description match, if any. Never throws. */
export function findOriginRefusal(codes: readonly string[], description: string | undefined): OriginRefusal | undefined {
  const texts = [...(Array.isArray(codes) ? codes : []), ...(typeof description === 'string' ? [description] : [])]
    .filter((text): text is string => typeof text === 'string')
    .map((text) => text.trim().slice(0, 2000));
  return ORIGIN_REFUSALS.find((refusal) => texts.some((text) => new RegExp(refusal.pattern, 'i').test(text)));
}
