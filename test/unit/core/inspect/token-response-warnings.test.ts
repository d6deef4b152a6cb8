import { describe, expect, it } from 'vitest';
import { tokenResponseWarnings, type FlowHistory, type HttpExchange } from '../../../../src/core';

// A code exchange at an Auth0 tenant sent as a browser app sends it (with the extension's Origin),
// answered as Auth0 answers a browser when the client does not rotate refresh tokens: RFC 6749
// §5.1's response, without its refresh_token, plus the id_token an openid request gets.
const request = {
  method: 'POST',
  url: 'https://dev-example.us.auth0.com/oauth/token',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp' },
  body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Ffbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org%2F&client_id=abc&code_verifier=v',
};
const withoutRefresh = { access_token: '2YotnFZFEjr1zCsicMWpAA', token_type: 'Bearer', expires_in: 86400, id_token: 'eyJhbGciOiJub25lIn0.e30.', scope: 'openid profile offline_access' };
const ok = (body: unknown) => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const history: FlowHistory = { step: 'token', grantType: 'authorization_code', requestedScope: 'openid profile offline_access', tokenRequestsAs: 'browser' };
const exchange: HttpExchange = { request, response: ok(withoutRefresh) };

describe('tokenResponseWarnings: no refresh token for a code redeemed with an Origin header', () => {
  it('warns, naming the setting and citing Auth0\'s documentation', () => {
    const warnings = tokenResponseWarnings(exchange, history);
    expect(warnings.map((w) => w.code)).toEqual(['no_refresh_token_with_origin']);
    const [warning] = warnings;
    expect(warning!.explanation).toContain('chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp');
    expect(warning!.fixes[0]).toContain('Token requests: "as a server (no Origin header)"');
    expect(warning!.references.some((r) => r.includes('https://auth0.com/docs/secure/tokens/refresh-tokens/use-refresh-token-rotation'))).toBe(true);
  });

  it('reads a form-encoded answer too', () => {
    const form = { status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'access_token=2YotnFZFEjr1zCsicMWpAA&token_type=bearer' };
    expect(tokenResponseWarnings({ request, response: form }, history)).toHaveLength(1);
  });

  it.each([
    ['a refresh token came', { request, response: ok({ ...withoutRefresh, refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA' }) }, history],
    ['no Origin header was sent (as a server)', { request: { ...request, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, response: ok(withoutRefresh) }, history],
    ['offline_access was not asked for', exchange, { ...history, requestedScope: 'openid profile' }],
    ['the scope is unknown', exchange, { step: 'token', grantType: 'authorization_code' } as FlowHistory],
    ['the answer is an error', { request, response: { status: 403, headers: {}, body: '{"error":"invalid_grant"}' } }, history],
    ['the status is NaN (stored data of another shape)', { request, response: { ...ok(withoutRefresh), status: Number.NaN } }, history],
    ['the answer carries no access token', { request, response: ok({ token_type: 'Bearer' }) }, history],
    // RFC 6749 §6: a refresh may keep the old refresh token valid and send none.
    ['it is a refresh', { request: { ...request, body: 'grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA' }, response: ok(withoutRefresh) }, { ...history, grantType: 'refresh_token', step: 'refresh' } as FlowHistory],
  ] as const)('says nothing when %s', (_, ex, hist) => {
    expect(tokenResponseWarnings(ex as HttpExchange, hist)).toEqual([]);
  });

  it('matches the Origin header whatever its case', () => {
    const upper = { ...request, headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'moz-extension://2f1a8c54-9b7e-4c1d-8a3f-5e6b7c8d9e0f' } };
    expect(tokenResponseWarnings({ request: upper, response: ok(withoutRefresh) }, history)[0]!.explanation).toContain('moz-extension://');
  });
});
