import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorizationCodeRequest, bearerRequest, needsPreflight } from '../../../../src/core';

// The rules are the Fetch standard's: https://fetch.spec.whatwg.org/#cors-safelisted-request-header
// and https://fetch.spec.whatwg.org/#cors-safelisted-method. The cases below are the token
// requests OAuth Lens sends and the edges the standard names.
const TOKEN = 'https://github.com/login/oauth/access_token';
const GRANT = { code: 'SplxlOBeZQQYbYS6WxSbIA', redirectUri: 'https://client.example.com/cb', codeVerifier: 'v'.repeat(43) };

describe('needsPreflight', () => {
  it('a client_secret_post code exchange is a simple request: it goes out without a preflight', () => {
    const request = authorizationCodeRequest(TOKEN, GRANT, { clientId: 'a', clientSecret: 'b', clientAuth: 'client_secret_post' });
    expect(needsPreflight(request)).toBe(false);
  });

  it('a client_secret_basic code exchange carries Authorization, which no browser sends without a preflight', () => {
    const request = authorizationCodeRequest(TOKEN, GRANT, { clientId: 'a', clientSecret: 'b', clientAuth: 'client_secret_basic' });
    expect(needsPreflight(request)).toBe(true);
  });

  it('a bearer GET (userinfo) needs one, a plain GET (discovery) does not', () => {
    expect(needsPreflight(bearerRequest('https://api.github.com/user', 'gho_x'))).toBe(true);
    expect(needsPreflight({ method: 'GET', url: 'https://accounts.google.com/.well-known/openid-configuration' })).toBe(false);
  });

  it('only GET, HEAD and POST are safelisted methods', () => {
    for (const method of ['GET', 'head', 'POST']) expect(needsPreflight({ method, url: TOKEN })).toBe(false);
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) expect(needsPreflight({ method, url: TOKEN })).toBe(true);
  });

  it('Content-Type is safelisted only for the three form and text types, by essence', () => {
    const post = (type: string) => needsPreflight({ method: 'POST', url: TOKEN, headers: { 'Content-Type': type } });
    expect(post('application/x-www-form-urlencoded;charset=UTF-8')).toBe(false);
    expect(post('multipart/form-data; boundary=x')).toBe(false);
    expect(post('text/plain')).toBe(false);
    expect(post('application/json')).toBe(true);
    // A CORS-unsafe byte in the value makes it unsafe, whatever the type.
    expect(post('text/plain; a="b"')).toBe(true);
  });

  it('Accept with a safe value is safelisted; with an unsafe byte or over 128 bytes it is not', () => {
    const get = (accept: string) => needsPreflight({ method: 'GET', url: TOKEN, headers: { accept } });
    expect(get('application/json')).toBe(false);
    expect(get('application/json, text/plain;q=0.9')).toBe(false);
    expect(get('{x}')).toBe(true);
    expect(get(`text/${'a'.repeat(130)}`)).toBe(true);
  });

  it('headers the browser sets itself (Origin, Content-Length) are not counted as the script’s', () => {
    expect(needsPreflight({ method: 'POST', url: TOKEN, headers: { origin: 'chrome-extension://abc', 'content-length': '12' } })).toBe(false);
  });

  it('never throws, whatever the request', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof needsPreflight(value as never)).toBe('boolean');
      }),
    );
  });
});
