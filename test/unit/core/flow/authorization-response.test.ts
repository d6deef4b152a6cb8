import { describe, expect, it } from 'vitest';
import { parseAuthorizationResponse } from '../../../../src/core';

describe('parseAuthorizationResponse', () => {
  it('reads the code of the RFC 6749 §4.1.2 example', () => {
    expect(parseAuthorizationResponse('https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', 'xyz')).toEqual({
      kind: 'code',
      code: 'SplxlOBeZQQYbYS6WxSbIA',
    });
  });

  it('keeps the RFC 9207 iss parameter', () => {
    const response = parseAuthorizationResponse('https://c.example/cb?code=abc&state=s&iss=https%3A%2F%2Fas.example', 's');
    expect(response).toEqual({ kind: 'code', code: 'abc', iss: 'https://as.example' });
  });

  it('reads the error of the RFC 6749 §4.1.2.1 example, with description and uri', () => {
    expect(parseAuthorizationResponse('https://client.example.com/cb?error=access_denied&state=xyz', 'xyz')).toEqual({
      kind: 'error',
      error: 'access_denied',
    });
    const detailed = parseAuthorizationResponse(
      'https://c.example/cb?error=invalid_request&error_description=PKCE+required&error_uri=https%3A%2F%2Fdocs.example%2Fe&state=s',
      's',
    );
    expect(detailed).toEqual({ kind: 'error', error: 'invalid_request', description: 'PKCE required', uri: 'https://docs.example/e' });
  });

  it('reads parameters from the fragment when the query is empty (response_mode=fragment)', () => {
    expect(parseAuthorizationResponse('https://c.example/cb#code=abc&state=s', 's')).toEqual({ kind: 'code', code: 'abc' });
  });

  it('refuses a redirect whose state is wrong or missing, naming both values (RFC 6749 §10.12)', () => {
    const wrong = parseAuthorizationResponse('https://c.example/cb?code=abc&state=other', 'mine');
    expect(wrong.kind).toBe('invalid');
    expect(wrong.kind === 'invalid' && wrong.reason).toContain('other');
    expect(wrong.kind === 'invalid' && wrong.reason).toContain('mine');
    expect(parseAuthorizationResponse('https://c.example/cb?code=abc', 'mine')).toMatchObject({ kind: 'invalid', problem: 'state' });
  });

  it('says what is wrong instead of throwing on text that is not a redirect', () => {
    for (const input of ['', 'not a url', 'https://c.example/cb?state=s', '\u0000']) {
      const response = parseAuthorizationResponse(input, 's');
      expect(response.kind).toBe('invalid');
    }
    expect(parseAuthorizationResponse(undefined as unknown as string, 's')).toMatchObject({ problem: 'not_a_url' });
  });

  it('does not quote a code or token from a redirect it could not read', () => {
    const code = 'SplxlOBeZQQYbYS6WxSbIA-9f3c2e1d';
    const response = parseAuthorizationResponse(`/cb?code=${code}&state=s`, 's');
    expect(response).toMatchObject({ kind: 'invalid', problem: 'not_a_url' });
    expect(JSON.stringify(response)).not.toContain(code);
  });
});

describe('parseAuthorizationResponse: where the redirect went (RFC 6749 §3.1.2)', () => {
  const redirectUri = 'https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/cb';
  const expected = { state: 's', redirectUri };

  it('takes a redirect to the redirect URI sent, whatever its query or fragment', () => {
    expect(parseAuthorizationResponse(`${redirectUri}?code=abc&state=s`, expected)).toEqual({ kind: 'code', code: 'abc' });
    expect(parseAuthorizationResponse(`${redirectUri}#code=abc&state=s`, expected)).toEqual({ kind: 'code', code: 'abc' });
    // The URL parser's own spelling: an upper-case host is the same host.
    expect(parseAuthorizationResponse('https://FBBJKEFJBKDNFCPJAGBDJLEAGPGCFDJP.chromiumapp.org/cb?code=abc&state=s', expected)).toMatchObject({ kind: 'code' });
  });

  it('refuses a redirect to another origin, naming both, and never quotes the code', () => {
    const response = parseAuthorizationResponse('https://evil.example/cb?code=SECRETCODE&state=s', expected);
    expect(response).toMatchObject({ kind: 'invalid', problem: 'redirect_uri' });
    const reason = response.kind === 'invalid' ? response.reason : '';
    expect(reason).toContain('https://evil.example/cb');
    expect(reason).toContain(redirectUri);
    expect(reason).toContain('origin differs');
    expect(reason).not.toContain('SECRETCODE');
  });

  it('refuses a redirect to another path of the same origin (Chrome ends the sign-in at any path of its redirect host)', () => {
    const response = parseAuthorizationResponse('https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/other?code=abc&state=s', expected);
    expect(response).toMatchObject({ kind: 'invalid', problem: 'redirect_uri' });
    expect(response.kind === 'invalid' && response.reason).toContain('path differs');
    // Another scheme or port is another origin.
    expect(parseAuthorizationResponse('http://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/cb?code=abc&state=s', expected)).toMatchObject({ problem: 'redirect_uri' });
    expect(parseAuthorizationResponse('https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org:8443/cb?code=abc&state=s', expected)).toMatchObject({ problem: 'redirect_uri' });
  });

  it('checks the redirect before the state: an answer at the wrong place is not read at all', () => {
    expect(parseAuthorizationResponse('https://evil.example/cb?code=abc&state=other', expected)).toMatchObject({ problem: 'redirect_uri' });
  });

  it('a redirect URI with no path and one with "/" are the same', () => {
    expect(parseAuthorizationResponse('https://x.chromiumapp.org/?code=abc&state=s', { state: 's', redirectUri: 'https://x.chromiumapp.org' })).toMatchObject({ kind: 'code' });
  });
});

describe('parseAuthorizationResponse: the issuer (RFC 9207)', () => {
  const issuer = 'https://as.example';
  const url = (query: string) => `https://c.example/cb?code=abc&state=s${query}`;

  it('takes an iss equal to the issuer', () => {
    expect(parseAuthorizationResponse(url('&iss=https%3A%2F%2Fas.example'), { state: 's', issuer, issParameterSupported: true })).toEqual({ kind: 'code', code: 'abc', iss: issuer });
  });

  it('refuses an iss that names another server, with both values and the words mix-up', () => {
    const response = parseAuthorizationResponse(url('&iss=https%3A%2F%2Fattacker.example'), { state: 's', issuer, issParameterSupported: true });
    expect(response).toMatchObject({ kind: 'invalid', problem: 'issuer' });
    const reason = response.kind === 'invalid' ? response.reason : '';
    expect(reason).toContain('https://attacker.example');
    expect(reason).toContain('https://as.example');
    expect(reason).toMatch(/mix-up/);
    expect(reason).toMatch(/not redeemed/);
  });

  it('refuses a missing iss when the server advertises authorization_response_iss_parameter_supported', () => {
    const response = parseAuthorizationResponse(url(''), { state: 's', issuer, issParameterSupported: true });
    expect(response).toMatchObject({ kind: 'invalid', problem: 'issuer' });
    expect(response.kind === 'invalid' && response.reason).toContain('carries no iss, though https://as.example advertises authorization_response_iss_parameter_supported');
  });

  it('takes a missing iss when the server does not advertise it', () => {
    expect(parseAuthorizationResponse(url(''), { state: 's', issuer })).toEqual({ kind: 'code', code: 'abc' });
  });

  it('refuses a wrong iss even when the server does not advertise it (checked whenever present)', () => {
    const response = parseAuthorizationResponse(url('&iss=https%3A%2F%2Fattacker.example'), { state: 's', issuer });
    expect(response).toMatchObject({ kind: 'invalid', problem: 'issuer' });
  });

  it('compares by simple string comparison: a trailing slash or another case is another issuer (§2.4)', () => {
    expect(parseAuthorizationResponse(url('&iss=https%3A%2F%2Fas.example%2F'), { state: 's', issuer })).toMatchObject({ problem: 'issuer' });
    expect(parseAuthorizationResponse(url('&iss=https%3A%2F%2FAS.example'), { state: 's', issuer })).toMatchObject({ problem: 'issuer' });
  });

  it('checks the iss of an error response too: an error from another server is not this one’s', () => {
    const response = parseAuthorizationResponse('https://c.example/cb?error=access_denied&state=s&iss=https%3A%2F%2Fattacker.example', { state: 's', issuer });
    expect(response).toMatchObject({ kind: 'invalid', problem: 'issuer' });
    expect(response.kind === 'invalid' && response.reason).toContain('access_denied');
    expect(parseAuthorizationResponse('https://c.example/cb?error=access_denied&state=s&iss=https%3A%2F%2Fas.example', { state: 's', issuer })).toEqual({
      kind: 'error',
      error: 'access_denied',
      iss: issuer,
    });
  });

  it('cannot compare without an issuer: the iss is kept for the record', () => {
    expect(parseAuthorizationResponse(url('&iss=https%3A%2F%2Fanything.example'), { state: 's' })).toEqual({ kind: 'code', code: 'abc', iss: 'https://anything.example' });
  });

  it('checks the state before the issuer (a forged response is a state problem first)', () => {
    expect(parseAuthorizationResponse('https://c.example/cb?code=abc&state=x&iss=https%3A%2F%2Fattacker.example', { state: 's', issuer })).toMatchObject({ problem: 'state' });
  });
});

describe('parseAuthorizationResponse on an expectation of another shape', () => {
  // Found by npm run fuzz: a state String() cannot write ({"toString": null}) threw while being quoted.
  it('matches and quotes only a state that is text', () => {
    expect(parseAuthorizationResponse('https://app.example/cb?state=s&code=c', { state: { toString: null } } as never)).toEqual({
      kind: 'invalid',
      problem: 'state',
      reason: "The redirect's state (s) is not the one this request sent (none).",
    });
    expect(parseAuthorizationResponse({ toString: null } as never, 's')).toEqual({ kind: 'invalid', problem: 'not_a_url', reason: 'The redirect is not a URL: an object' });
  });
});
