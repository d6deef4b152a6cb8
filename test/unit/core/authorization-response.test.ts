import { describe, expect, it } from 'vitest';
import { parseAuthorizationResponse } from '../../../src/core';

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
    expect(parseAuthorizationResponse('https://c.example/cb?code=abc', 'mine')).toMatchObject({ kind: 'invalid' });
  });

  it('says what is wrong instead of throwing on text that is not a redirect', () => {
    for (const input of ['', 'not a url', 'https://c.example/cb?state=s', '\u0000']) {
      const response = parseAuthorizationResponse(input, 's');
      expect(response.kind).toBe('invalid');
    }
  });
});
