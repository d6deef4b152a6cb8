import { describe, expect, it } from 'vitest';
import { historyOf, type FlowRun, type RecordedExchange } from '../../../../src/core';

const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, s)).toISOString();
const token: RecordedExchange = {
  at: at(0),
  request: { method: 'POST', url: 'https://as/token', body: 'grant_type=authorization_code&code=c&code_verifier=v&redirect_uri=https%3A%2F%2Fa%2Fcb' },
  response: { status: 200, headers: {}, body: JSON.stringify({ access_token: 'a', token_type: 'Bearer', expires_in: 60, refresh_token: 'r' }) },
  context: { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_basic', redirectUriAtAuthorization: 'https://a/cb', redirectUriAtExchange: 'https://a/cb', codeHash: 'h' },
};
const revoke = (hint: string, s: number): RecordedExchange => ({
  at: at(s),
  request: { method: 'POST', url: 'https://as/revoke', body: `token=x&token_type_hint=${hint}` },
  response: { status: 200, headers: {}, body: '' },
  context: { step: 'revoke', clientAuth: 'client_secret_basic' },
});
const api: RecordedExchange = { at: at(90), request: { method: 'GET', url: 'https://api/me' }, response: { status: 401, headers: {}, body: '' }, context: { step: 'api', clientAuth: 'client_secret_basic' } };
const refresh: RecordedExchange = { at: at(95), request: { method: 'POST', url: 'https://as/token', body: 'grant_type=refresh_token&refresh_token=r' }, response: { status: 400, headers: {}, body: '{"error":"invalid_grant"}' }, context: { step: 'refresh', grantType: 'refresh_token', clientAuth: 'client_secret_basic' } };

function runOf(exchanges: RecordedExchange[]): FlowRun {
  return { id: 'r', profileName: 'p', startedAt: at(0), status: 'succeeded', redirectUri: 'https://a/cb', clientAuth: 'client_secret_basic', authMethodsSupported: ['client_secret_basic'], exchanges };
}

describe('historyOf', () => {
  it('keeps the exchange context, adds what discovery allowed and whether PKCE was used', () => {
    expect(historyOf(runOf([token]), token)).toMatchObject({ ...token.context, authMethodsSupported: ['client_secret_basic'], pkce: true });
  });

  it('an API call learns when its access token expired, from the token response before it', () => {
    expect(historyOf(runOf([token, api]), api).tokenExpiresAt).toBe(at(60));
  });

  it('an API call learns its access token was revoked; a refresh only of a revoked refresh token', () => {
    const run = runOf([token, revoke('access_token', 10), api, refresh]);
    expect(historyOf(run, api).tokenRevokedAt).toBe(at(10));
    expect(historyOf(run, refresh).tokenRevokedAt).toBeUndefined();
    const both = runOf([token, revoke('access_token', 10), revoke('refresh_token', 20), api, refresh]);
    expect(historyOf(both, refresh).tokenRevokedAt).toBe(at(20));
  });

  it('carries how token requests were sent and whether the code\'s first send went unread', () => {
    const again: RecordedExchange = {
      ...token,
      at: at(30),
      response: { status: 400, headers: {}, body: '{"error":"invalid_grant"}' },
      context: { ...token.context, codeFirstRedeemedAt: at(0), codeFirstRedeemedUnread: true, tokenRequestsAs: 'browser' },
    };
    const history = historyOf(runOf([token, again]), again);
    expect(history).toMatchObject({ codeFirstRedeemedAt: at(0), codeFirstRedeemedUnread: true, tokenRequestsAs: 'browser' });
    expect(historyOf(runOf([token]), { ...token, context: { ...token.context, tokenRequestsAs: 'server' } }).tokenRequestsAs).toBe('server');
  });

  it('falls back on the run\'s tokenRequestsAs for an exchange recorded without it', () => {
    expect(historyOf({ ...runOf([token]), tokenRequestsAs: 'browser' }, token).tokenRequestsAs).toBe('browser');
    expect(historyOf({ ...runOf([token]), tokenRequestsAs: 'browser' }, { ...token, context: { ...token.context, tokenRequestsAs: 'server' } }).tokenRequestsAs).toBe('server');
    expect(historyOf(runOf([token]), token).tokenRequestsAs).toBeUndefined();
  });

  it('a revocation after the call does not count', () => {
    const run = runOf([token, api, revoke('access_token', 120)]);
    expect(historyOf(run, api).tokenRevokedAt).toBeUndefined();
  });
});

describe('historyOf a stored run of another shape', () => {
  // Found by npm run fuzz: a run or exchange of another shape threw, and so did a token response before an API call whose time is not a date.
  it('tells what it can, and never throws', () => {
    expect(historyOf(runOf([token]), { prototype: null } as never)).toEqual({ authMethodsSupported: ['client_secret_basic'] });
    expect(historyOf(null as never, api)).toEqual(api.context);
    expect(historyOf({ ...runOf([]), exchanges: 'x' } as never, api)).toMatchObject(api.context);
    expect(historyOf(runOf([{ ...token, at: 'not a date' }, { ...api, at: 'not a date' }]), { ...api, at: 'not a date' }).tokenExpiresAt).toBeUndefined();
    const odd = { ...token, context: null, request: { body: ['code_verifier'] }, response: 'OK' } as never;
    expect(historyOf(runOf([odd, api]), api)).toEqual({ ...api.context, authMethodsSupported: ['client_secret_basic'] });
  });
});
