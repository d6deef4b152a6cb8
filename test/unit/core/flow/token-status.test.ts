import { describe, expect, it } from 'vitest';
import { tokenStatus, type FlowRun, type RecordedExchange } from '../../../../src/core';

const at = (s: number) => new Date(Date.parse('2026-12-01T10:00:00.000Z') + s * 1000).toISOString();
const exchange = (step: RecordedExchange['context']['step'], second: number, status: number, body = '', requestBody = ''): RecordedExchange => ({
  at: at(second),
  context: { step, clientAuth: 'client_secret_basic' },
  request: { method: 'POST', url: 'https://server.example.com/x', body: requestBody },
  response: { status, headers: {}, body },
});
// RFC 6749 §5.1's answer: expires_in 3600.
const run = (...exchanges: RecordedExchange[]): FlowRun => ({
  id: 'r',
  profileName: 'p',
  startedAt: at(0),
  status: 'succeeded',
  redirectUri: 'https://client.example.com/cb',
  clientAuth: 'client_secret_basic',
  exchanges: [exchange('token', 1, 200), ...exchanges],
  tokens: { access_token: '2YotnFZFEjr1zCsicMWpAA', token_type: 'example', expires_in: 3600, refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA' },
});

describe('tokenStatus: what the run\'s own record says of its tokens', () => {
  it('expires expires_in seconds after the answer came (RFC 6749 §5.1)', () => {
    expect(tokenStatus(run(), Date.parse(at(60)))).toEqual({
      access: { state: 'active', issuedAt: at(1), expiresAt: at(3601) },
      refresh: { state: 'active', issuedAt: at(1) },
    });
    expect(tokenStatus(run(), Date.parse(at(3601))).access?.state).toBe('expired');
  });

  it('a 200 to a revocation ends it (RFC 7009 §2.2), by the token_type_hint sent', () => {
    const revoked = run(exchange('revoke', 10, 200, '', 'token=x&token_type_hint=access_token'));
    expect(tokenStatus(revoked, Date.parse(at(20)))).toMatchObject({ access: { state: 'revoked', since: at(10) }, refresh: { state: 'active' } });
    // A refused revocation ends nothing.
    expect(tokenStatus(run(exchange('revoke', 10, 400, '', 'token=x&token_type_hint=access_token')), Date.parse(at(20))).access?.state).toBe('active');
  });

  it('introspection answering active: false ends it (RFC 7662 §2.2); a refresh after it starts anew', () => {
    const inactive = run(exchange('introspect', 10, 200, '{"active":false}', 'token=x&token_type_hint=access_token'));
    expect(tokenStatus(inactive, Date.parse(at(20))).access).toMatchObject({ state: 'inactive', since: at(10) });
    const refreshed = run(exchange('introspect', 10, 200, '{"active":false}', 'token=x&token_type_hint=access_token'), exchange('refresh', 30, 200));
    expect(tokenStatus(refreshed, Date.parse(at(40))).access).toEqual({ state: 'active', issuedAt: at(30), expiresAt: at(3630) });
  });

  it('a run without tokens, or of another shape, says nothing', () => {
    expect(tokenStatus({ ...run(), tokens: undefined } as FlowRun, 0)).toEqual({});
    expect(tokenStatus(null as never, 0)).toEqual({});
  });
});
