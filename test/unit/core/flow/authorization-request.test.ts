import { describe, expect, it } from 'vitest';
import { buildAuthorizationUrl, type AuthorizationRequest } from '../../../../src/core';

/** The URL built, or a TypeError with the problem, so the tests below read as before. */
function urlOf(request: AuthorizationRequest): string {
  const built = buildAuthorizationUrl(request);
  if (!built.ok) throw new TypeError(built.problem);
  return built.url;
}

describe('buildAuthorizationUrl', () => {
  it('writes the RFC 6749 §4.1.1 example request', () => {
    const url = new URL(
      urlOf({
        authorizationEndpoint: 'https://server.example.com/authorize',
        clientId: 's6BhdRkqt3',
        redirectUri: 'https://client.example.com/cb',
        scope: '',
        state: 'xyz',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://server.example.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 's6BhdRkqt3',
      state: 'xyz',
      redirect_uri: 'https://client.example.com/cb',
    });
  });

  it('adds the PKCE challenge (RFC 7636 §4.3), the nonce and the scope', () => {
    const url = new URL(
      urlOf({
        authorizationEndpoint: 'https://server.example.com/authorize',
        clientId: 'c',
        redirectUri: 'https://client.example.com/cb',
        scope: 'openid email',
        state: 's',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        codeChallengeMethod: 'S256',
        nonce: 'n-0S6_WzA2Mj',
      }),
    );
    expect(url.searchParams.get('code_challenge')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('nonce')).toBe('n-0S6_WzA2Mj');
    expect(url.searchParams.get('scope')).toBe('openid email');
    expect(url.search).toContain('scope=openid+email');
  });

  it('keeps the endpoint’s own query and lets no extra parameter override the flow’s', () => {
    const url = new URL(
      urlOf({
        authorizationEndpoint: 'https://login.example.com/oauth2/authorize?p=B2C_1_signin',
        clientId: 'c',
        redirectUri: 'https://client.example.com/cb',
        scope: 'openid',
        state: 'real-state',
        extraParams: { prompt: 'consent', state: 'forged', redirect_uri: 'https://evil.example/' },
      }),
    );
    expect(url.searchParams.get('p')).toBe('B2C_1_signin');
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('state')).toBe('real-state');
    expect(url.searchParams.get('redirect_uri')).toBe('https://client.example.com/cb');
  });
});

describe('buildAuthorizationUrl from a stored profile of another shape', () => {
  const request = { authorizationEndpoint: 'https://as.example/authorize', clientId: 'c', redirectUri: 'https://client.example/cb', scope: '', state: 's' };

  // Found by npm run fuzz: extra parameters or values that are not text threw (String() of {"toString": 1}).
  it('leaves out values that are not text', () => {
    const url = new URL(urlOf({ ...request, clientId: { toString: 1 }, extraParams: { prompt: 'consent', n: 1, o: { toString: 1 } }, nonce: 5 } as never));
    expect(Object.fromEntries(url.searchParams)).toEqual({ prompt: 'consent', response_type: 'code', redirect_uri: 'https://client.example/cb', state: 's' });
    expect(new URL(urlOf({ ...request, extraParams: 'prompt=consent' } as never)).searchParams.has('prompt')).toBe(false);
  });

  it('refuses an endpoint that is not an absolute URL, with a sentence that says so, and never throws', () => {
    expect(buildAuthorizationUrl({ ...request, authorizationEndpoint: 'authorize' })).toEqual({ ok: false, problem: 'The authorization endpoint is not an absolute URL: "authorize".' });
    expect(() => urlOf({ ...request, authorizationEndpoint: '/authorize' })).toThrow(new TypeError('The authorization endpoint is not an absolute URL: "/authorize".'));
    expect(() => urlOf(null as never)).toThrow(new TypeError('The authorization endpoint is not an absolute URL: none was given.'));
  });
});
