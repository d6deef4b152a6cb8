/**
 * Words that name, in their paths, the endpoints whose request bodies OAuth judges: the token
 * request's grant, code, redirect_uri and verifier, and what revocation, introspection, device
 * authorization, pushed authorization and client registration are sent. Each is a word the specs
 * or the providers' own endpoint URLs use; a path holding any of them is read with its body.
 * Knowledge, not code: add a word with the documentation that uses it.
 */
export const BODY_WORTHY_PATH_WORDS: readonly { word: string; source: string; uses: string }[] = [
  {
    word: 'token',
    source: 'https://www.rfc-editor.org/rfc/rfc6749#section-3.2',
    uses: 'the token endpoint: /token (Google https://oauth2.googleapis.com/token), /oauth2/v2.0/token (Microsoft identity platform), /oauth2/default/v1/token (Okta), /protocol/openid-connect/token (Keycloak), /login/oauth/access_token (GitHub), /oauth/token (Auth0)',
  },
  {
    word: 'auth',
    source: 'https://www.rfc-editor.org/rfc/rfc9126#section-2',
    uses: "authorization and pushed authorization endpoints: /authorize, /auth (oidc-provider, Keycloak), /o/oauth2/v2/auth (Google), /as/par.oauth2 (PingFederate); and every path with 'oauth', as names without 'token' have: /api/oauth.v2.access (Slack, https://api.slack.com/authentication/oauth-v2), /oauth/v2/accessToken (LinkedIn)",
  },
  { word: 'revoke', source: 'https://www.rfc-editor.org/rfc/rfc7009#section-2', uses: 'token revocation: /revoke (Google https://oauth2.googleapis.com/revoke)' },
  { word: 'revocation', source: 'https://docs.duendesoftware.com/identityserver/reference/endpoints/revocation/', uses: 'token revocation named in full: /connect/revocation (Duende IdentityServer)' },
  { word: 'introspect', source: 'https://www.rfc-editor.org/rfc/rfc7662#section-2', uses: 'token introspection: /introspect, /token/introspection' },
  { word: 'device', source: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.1', uses: 'device authorization: /device/code (Google), /devicecode (Microsoft identity platform)' },
  { word: 'register', source: 'https://www.rfc-editor.org/rfc/rfc7591#section-3', uses: 'dynamic client registration: /register' },
  { word: 'connect', source: 'https://docs.duendesoftware.com/identityserver/reference/endpoints/', uses: 'Duende IdentityServer: /connect/token, /connect/par, /connect/revocation, /connect/deviceauthorization' },
];

/**
 * Match patterns for the requests under `origins` (match patterns ending in "/*", as `originsOf`
 * gives) whose paths name an OAuth endpoint: what a watcher reads with its body. Every other
 * request of the page (its API calls, most of its traffic) is judged from its URL, its headers and
 * its answer: listening for bodies of every request is what cost a watcher most (see docs/).
 */
export function bodyWorthyUrls(origins: readonly string[]): string[] {
  if (!Array.isArray(origins)) return [];
  return origins.flatMap((given) => {
    // Every URL (what a worker listens to before it knows what is watched): every http(s) one.
    const origin = given === '<all_urls>' ? '*://*/*' : given;
    return typeof origin === 'string' && origin.endsWith('/*') ? BODY_WORTHY_PATH_WORDS.map(({ word }) => `${origin.slice(0, -1)}*${word}*`) : [];
  });
}
