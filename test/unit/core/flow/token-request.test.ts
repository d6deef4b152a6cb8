import { describe, expect, it } from 'vitest';
import {
  authorizationCodeRequest,
  basicAuthorization,
  bearerRequest,
  tokenRequest,
  withSameClientAuthentication,
} from '../../../../src/core';

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

describe('the other token endpoint requests', () => {
  const client = { clientId: 's6BhdRkqt3', clientSecret: 'gX1fBat3bV', clientAuth: 'client_secret_basic' as const };

  const codeExchange = authorizationCodeRequest('https://server.example.com/token', { code: 'c', redirectUri: 'https://c.example/cb' }, client);

  it('refreshes as RFC 6749 §6 shows, authenticated like the code exchange', () => {
    const request = withSameClientAuthentication(codeExchange, 'https://server.example.com/token', { grant_type: 'refresh_token', refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA' });
    expect(request.headers?.authorization).toBe('Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ grant_type: 'refresh_token', refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA' });
    const postExchange = authorizationCodeRequest('https://server.example.com/token', { code: 'c', redirectUri: 'https://c.example/cb' }, { ...client, clientAuth: 'client_secret_post' });
    const post = withSameClientAuthentication(postExchange, 'https://server.example.com/token', { grant_type: 'refresh_token', refresh_token: 'r', scope: 'read' });
    expect(new URLSearchParams(post.body).get('client_secret')).toBe('gX1fBat3bV');
    expect(new URLSearchParams(post.body).get('scope')).toBe('read');
  });

  it('revokes as RFC 7009 §2.1 shows', () => {
    const request = withSameClientAuthentication(codeExchange, 'https://server.example.com/revoke', { token: '45ghiukldjahdnhzdauz', token_type_hint: 'refresh_token' });
    expect(request.method).toBe('POST');
    expect(request.body).toBe('token=45ghiukldjahdnhzdauz&token_type_hint=refresh_token');
    expect(request.headers?.authorization).toBe('Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW');
  });

  it('introspects as RFC 7662 §2.1 shows', () => {
    const request = withSameClientAuthentication(codeExchange, 'https://server.example.com/introspect', { token: 'mF_9.B5f-4.1JqM', token_type_hint: 'access_token' });
    expect(request.body).toBe('token=mF_9.B5f-4.1JqM&token_type_hint=access_token');
  });

  it('calls an API with the bearer token (RFC 6750 §2.1)', () => {
    expect(bearerRequest('https://server.example.com/resource', 'mF_9.B5f-4.1JqM')).toEqual({
      method: 'GET',
      url: 'https://server.example.com/resource',
      headers: { authorization: 'Bearer mF_9.B5f-4.1JqM', accept: 'application/json' },
    });
  });
});

describe('withSameClientAuthentication', () => {
  it('keeps the Basic header of the code exchange for a refresh', () => {
    const exchange = authorizationCodeRequest('https://as.example/token', { code: 'c', redirectUri: 'https://c.example/cb' }, {
      clientId: 's6BhdRkqt3',
      clientSecret: 'gX1fBat3bV',
      clientAuth: 'client_secret_basic',
    });
    const refresh = withSameClientAuthentication(exchange, 'https://as.example/token', { grant_type: 'refresh_token', refresh_token: 'r' });
    expect(refresh.headers?.authorization).toBe('Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW');
    expect(refresh.body).toBe('grant_type=refresh_token&refresh_token=r');
  });

  it('keeps client_id and client_secret in the body, and nothing else of the old body', () => {
    const exchange = authorizationCodeRequest('https://as.example/token', { code: 'c', redirectUri: 'https://c.example/cb', codeVerifier: 'v' }, {
      clientId: 'id',
      clientSecret: 's',
      clientAuth: 'client_secret_post',
    });
    const revoke = withSameClientAuthentication(exchange, 'https://as.example/revoke', { token: 't' });
    expect(revoke.headers).not.toHaveProperty('authorization');
    expect(Object.fromEntries(new URLSearchParams(revoke.body))).toEqual({ token: 't', client_id: 'id', client_secret: 's' });
  });
});

describe('token requests from stored values of another shape', () => {
  // Found by npm run fuzz: a grant, client, previous request or params of another shape threw.
  it('leave out what is not text instead of throwing', () => {
    const client = { clientId: 'c', clientAuth: 'none' as const };
    expect(authorizationCodeRequest('https://as/t', null as never, client).body).toBe('grant_type=authorization_code&client_id=c');
    expect(tokenRequest('https://as/t', [0] as never, client).body).toBe('client_id=c');
    expect(tokenRequest('https://as/t', { grant_type: 'refresh_token', refresh_token: { toString: 1 }, n: 5 } as never, client).body).toBe('grant_type=refresh_token&n=5&client_id=c');
    expect(tokenRequest('https://as/t', {}, null as never)).toMatchObject({ body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(tokenRequest('https://as/t', {}, { clientId: ['c'], clientSecret: 1, clientAuth: 'client_secret_post' } as never).body).toBe('client_id=&client_secret=1');
    const refresh = withSameClientAuthentication({ method: 'POST', url: 'x', headers: { Authorization: ['Basic a'] }, body: [0] } as never, 'https://as/t', { grant_type: 'refresh_token' });
    expect(refresh.headers).not.toHaveProperty('authorization');
    expect(refresh.body).toBe('grant_type=refresh_token');
    expect(withSameClientAuthentication(undefined as never, 'https://as/t', null as never).body).toBe('');
  });
});
