import { describe, expect, it } from 'vitest';
import { BODY_WORTHY_PATH_WORDS, bodyWorthyUrls } from '../../../../src/core';

/** A match pattern as the browsers read one: scheme, host and a path glob where `*` is any run of characters. */
function matches(pattern: string, url: string): boolean {
  const glob = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const { protocol, hostname, pathname, search } = new URL(url);
  return new RegExp(`^${glob}$`).test(`${protocol}//${hostname}${pathname}${search}`);
}
const bodyWorthy = (url: string) => bodyWorthyUrls([`${new URL(url).protocol}//${new URL(url).hostname}/*`]).some((p) => matches(p, url));

describe('bodyWorthyUrls', () => {
  it('narrows each origin to the paths that name an OAuth endpoint', () => {
    const urls = bodyWorthyUrls(['http://127.0.0.1/*', '*://*.example.com/*']);
    expect(urls).toContain('http://127.0.0.1/*token*');
    expect(urls).toContain('*://*.example.com/*token*');
    expect(urls).toHaveLength(2 * BODY_WORTHY_PATH_WORDS.length);
  });

  // Endpoints as each provider documents them.
  it.each([
    ['https://oauth2.googleapis.com/token', 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code'],
    ['https://oauth2.googleapis.com/revoke', 'https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke'],
    ['https://oauth2.googleapis.com/device/code', 'https://developers.google.com/identity/protocols/oauth2/limited-input-device'],
    ['https://login.microsoftonline.com/common/oauth2/v2.0/token', 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow'],
    ['https://login.microsoftonline.com/common/oauth2/v2.0/devicecode', 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-device-code'],
    ['https://github.com/login/oauth/access_token', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps'],
    ['https://slack.com/api/oauth.v2.access', 'https://api.slack.com/authentication/oauth-v2'],
    ['https://www.linkedin.com/oauth/v2/accessToken', 'https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow'],
    ['https://example.okta.com/oauth2/default/v1/token', 'https://developer.okta.com/docs/reference/api/oidc/#token'],
    ['https://example.okta.com/oauth2/default/v1/par', 'https://developer.okta.com/docs/reference/api/oidc/#par'],
    ['https://example.okta.com/oauth2/default/v1/introspect', 'https://developer.okta.com/docs/reference/api/oidc/#introspect'],
    ['https://example.auth0.com/oauth/token', 'https://auth0.com/docs/api/authentication#authorization-code-flow44'],
    ['https://sso.example.com/realms/demo/protocol/openid-connect/token', 'https://www.keycloak.org/docs/latest/securing_apps/#token-endpoint'],
    ['https://demo.duendesoftware.com/connect/revocation', 'https://docs.duendesoftware.com/identityserver/reference/endpoints/revocation/'],
    ['https://accounts.spotify.com/api/token', 'https://developer.spotify.com/documentation/web-api/tutorials/code-flow'],
    ['https://api.dropboxapi.com/oauth2/token', 'https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token'],
    ['https://appleid.apple.com/auth/token', 'https://developer.apple.com/documentation/sign_in_with_apple/generate_and_validate_tokens'],
    ['https://graph.facebook.com/v19.0/oauth/access_token', 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow'],
  ])('reads the body of a call to %s (%s)', (url) => {
    expect(bodyWorthy(url)).toBe(true);
  });

  it.each(['https://api.example.com/api/items?i=3', 'https://api.github.com/user/repos', 'https://graph.microsoft.com/v1.0/me/messages'])('judges %s from its URL, headers and answer alone', (url) => {
    expect(bodyWorthy(url)).toBe(false);
  });

  it('reads <all_urls> as every http(s) URL', () => {
    expect(bodyWorthyUrls(['<all_urls>'])).toEqual(BODY_WORTHY_PATH_WORDS.map(({ word }) => `*://*/*${word}*`));
  });

  it('skips what is no origin pattern, never throwing', () => {
    expect(bodyWorthyUrls(['http://localhost', 42 as never, '*://*/*'])).toEqual(BODY_WORTHY_PATH_WORDS.map(({ word }) => `*://*/*${word}*`));
    expect(bodyWorthyUrls(null as never)).toEqual([]);
  });

  it('names the documentation of every word', () => {
    for (const { source } of BODY_WORTHY_PATH_WORDS) expect(source).toMatch(/^https:\/\//);
  });
});
