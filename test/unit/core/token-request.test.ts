import { describe, expect, it } from 'vitest';
import { authorizationCodeRequest, basicAuthorization } from '../../../src/core';

const GRANT = { code: 'SplxlOBeZQQYbYS6WxSbIA', redirectUri: 'https://client.example.com/cb' };

describe('authorizationCodeRequest', () => {
  it('sends the RFC 6749 §4.1.3 example with client_secret_basic', () => {
    const request = authorizationCodeRequest('https://server.example.com/token', GRANT, {
      clientId: 's6BhdRkqt3',
      clientSecret: 'gX1fBat3bV',
      clientAuth: 'client_secret_basic',
    });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://server.example.com/token');
    expect(request.headers).toMatchObject({
      authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'SplxlOBeZQQYbYS6WxSbIA',
      redirect_uri: 'https://client.example.com/cb',
    });
  });

  it('puts the credentials in the body, and only there, with client_secret_post', () => {
    const request = authorizationCodeRequest('https://as.example/token', { ...GRANT, codeVerifier: 'v' }, {
      clientId: 's6BhdRkqt3',
      clientSecret: 'gX1fBat3bV',
      clientAuth: 'client_secret_post',
    });
    expect(request.headers).not.toHaveProperty('authorization');
    const body = new URLSearchParams(request.body);
    expect(body.get('client_id')).toBe('s6BhdRkqt3');
    expect(body.get('client_secret')).toBe('gX1fBat3bV');
    expect(body.get('code_verifier')).toBe('v');
  });

  it('sends only the client_id for a public client', () => {
    const request = authorizationCodeRequest('https://as.example/token', GRANT, { clientId: 'public-app', clientAuth: 'none' });
    const body = new URLSearchParams(request.body);
    expect(body.get('client_id')).toBe('public-app');
    expect(body.has('client_secret')).toBe(false);
    expect(request.headers).not.toHaveProperty('authorization');
  });
});

describe('basicAuthorization', () => {
  it('form-encodes id and secret before base64 (RFC 6749 §2.3.1)', () => {
    // "a+b:c" and "p%s w" become "a%2Bb%3Ac:p%25s+w" before base64.
    expect(basicAuthorization('a+b:c', 'p%s w')).toBe(`Basic ${Buffer.from('a%2Bb%3Ac:p%25s+w').toString('base64')}`);
  });

  it('encodes non-ASCII as UTF-8', () => {
    expect(basicAuthorization('clé', 's')).toBe(`Basic ${Buffer.from('cl%C3%A9:s').toString('base64')}`);
  });
});
