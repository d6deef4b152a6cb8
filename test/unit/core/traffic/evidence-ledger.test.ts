import { describe, expect, it } from 'vitest';
import { codeInRedirect, emptyLedger, historyForCodeExchange, isAuthorizationRequest, noteAuthorizationRequest, noteCodeIssued, noteCodeRedeemed } from '../../../../src/core';

// RFC 6749 §4.1.1 and §4.1.2's examples.
const AUTHORIZE = 'https://server.example.com/authorize?response_type=code&client_id=s6BhdRkqt3&state=xyz&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb';
const CALLBACK = 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz';

describe('the evidence ledger', () => {
  it('follows a code from its authorization request to a second redemption', () => {
    let ledger = noteAuthorizationRequest(emptyLedger(), AUTHORIZE, '2026-11-22T10:00:00Z');
    expect(noteAuthorizationRequest(ledger, 'https://server.example.com/other?x=1', 't')).toBe(ledger);
    const found = codeInRedirect(ledger, CALLBACK)!;
    expect(found).toEqual({ code: 'SplxlOBeZQQYbYS6WxSbIA', redirectUriAtAuthorization: 'https://client.example.com/cb' });
    ledger = noteCodeIssued(ledger, 'hash', '2026-11-22T10:00:05Z', found.redirectUriAtAuthorization);

    expect(historyForCodeExchange(ledger, 'hash', 'https://client.example.com/cb')).toEqual({
      step: 'token',
      grantType: 'authorization_code',
      codeHash: 'hash',
      codeIssuedAt: '2026-11-22T10:00:05Z',
      redirectUriAtAuthorization: 'https://client.example.com/cb',
      redirectUriAtExchange: 'https://client.example.com/cb',
    });
    ledger = noteCodeRedeemed(ledger, 'hash', '2026-11-22T10:00:06Z');
    expect(noteCodeRedeemed(ledger, 'hash', '2026-11-22T10:09:00Z').codes.hash!.firstRedeemedAt).toBe('2026-11-22T10:00:06Z');
    expect(historyForCodeExchange(ledger, 'hash', 'https://client.example.com/cb/').codeFirstRedeemedAt).toBe('2026-11-22T10:00:06Z');
  });

  it('tells an authorization request for a code from any other URL', () => {
    expect(isAuthorizationRequest(AUTHORIZE)).toBe(true);
    // OIDC Core §3.3.2.1: a hybrid flow asks for a code too.
    expect(isAuthorizationRequest('https://server.example.com/authorize?response_type=code%20id_token&client_id=s6BhdRkqt3&nonce=n-0S6')).toBe(true);
    expect(isAuthorizationRequest('https://server.example.com/authorize?response_type=token&client_id=s6BhdRkqt3')).toBe(false);
    expect(isAuthorizationRequest('https://api.example.com/items?code=1')).toBe(false);
    expect(isAuthorizationRequest('not a url')).toBe(false);
  });

  it('a redirect without a code, or a code it never saw asked for, still answers sensibly', () => {
    expect(codeInRedirect(emptyLedger(), 'https://client.example.com/cb?error=access_denied')).toBeUndefined();
    expect(codeInRedirect(emptyLedger(), CALLBACK)).toEqual({ code: 'SplxlOBeZQQYbYS6WxSbIA' });
    expect(historyForCodeExchange(emptyLedger(), 'h', undefined)).toEqual({ step: 'token', grantType: 'authorization_code', codeHash: 'h' });
  });
});

describe('a stored ledger of another shape', () => {
  // Found by npm run fuzz: a ledger written by another version (or none) threw, and stopped the watcher's updates.
  it('is read as far as it goes, each part of the wrong type as empty', () => {
    const authorize = 'https://as.example/authorize?response_type=code&state=s&redirect_uri=https%3A%2F%2Fapp.example%2Fcb';
    expect(noteAuthorizationRequest(undefined as never, authorize, 't0').authorizations).toEqual([{ at: 't0', state: 's', redirectUri: 'https://app.example/cb' }]);
    const odd = { authorizations: [null, { state: 'x', redirectUri: { toString: 1 }, at: 't' }], codes: 'codes' } as never;
    expect(codeInRedirect(odd, 'https://app.example/cb?code=c&state=x')).toEqual({ code: 'c' });
    expect(noteCodeIssued(odd, 'h', 't1').codes).toEqual({ h: { issuedAt: 't1' } });
    expect(noteCodeRedeemed('' as never, 'h', 't2').codes).toEqual({ h: { firstRedeemedAt: 't2' } });
    expect(historyForCodeExchange({ authorizations: [], codes: { h: 'x' } } as never, 'h', undefined)).toEqual({ step: 'token', grantType: 'authorization_code', codeHash: 'h' });
    expect(historyForCodeExchange(emptyLedger(), 'toString', undefined)).toEqual({ step: 'token', grantType: 'authorization_code', codeHash: 'toString' });
  });
});
