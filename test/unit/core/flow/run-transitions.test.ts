import { describe, expect, it } from 'vitest';
import {
  authorizationSent,
  bundledDemoProfile,
  codeReceived,
  exchangeRecorded,
  hostsAnswered,
  readTokenAnswer,
  runFailed,
  runSettled,
  runSucceeded,
  startRun,
  tokensAccepted,
  tokensRefused,
  type RecordedExchange,
} from '../../../../src/core';

const profile = { ...bundledDemoProfile(), clientSecret: 'gX1fBat3bV' };
const started = () => startRun({ id: 'r1', profile, startedAt: '2026-12-01T10:00:00.000Z', redirectUri: 'https://client.example.com/cb' });
// RFC 6749 §5.1's successful answer and §5.2's error.
const answer = (status: number, body: string): RecordedExchange => ({
  at: '2026-12-01T10:00:05.000Z',
  context: { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_basic' },
  request: { method: 'POST', url: 'https://server.example.com/token', body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA' },
  response: { status, headers: { 'Content-Type': 'application/json;charset=UTF-8' }, body },
});
const TOKENS = '{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"}';
/** A JWT (unsigned: only its claims matter here) carrying the given nonce. */
const idToken = (claims: Record<string, unknown>) => `${b64({ alg: 'none' })}.${b64(claims)}.`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('a run changes through pure transitions', () => {
  it('from start to success: each step returns a new run and leaves the one it was given as it was', () => {
    const run = started();
    expect(run).toMatchObject({ id: 'r1', status: 'running', profileName: profile.name, clientAuth: profile.clientAuth, exchanges: [] });
    expect(run.awaitingHosts).toBeUndefined();
    const sent = authorizationSent(run, { state: 'xyz', codeVerifier: 'v' });
    const received = codeReceived(sent, { code: 'SplxlOBeZQQYbYS6WxSbIA', tokenEndpoint: 'https://server.example.com/token', clientId: 's6BhdRkqt3', clientSecret: 'gX1fBat3bV', clientAuth: 'client_secret_basic' });
    const exchange = answer(200, TOKENS);
    const recorded = exchangeRecorded(received, exchange);
    const read = readTokenAnswer(exchange);
    expect(read.ok).toBe(true);
    const done = runSettled(runSucceeded(tokensAccepted(recorded, read.ok ? read.tokens : ({} as never))), '2026-12-01T10:00:06.000Z');

    expect(done).toMatchObject({ status: 'succeeded', finishedAt: '2026-12-01T10:00:06.000Z', tokens: { access_token: '2YotnFZFEjr1zCsicMWpAA', refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA' } });
    expect(done.exchanges).toEqual([exchange]);
    // Settled, the run keeps no state, verifier, code or client secret.
    expect(done.pending).toBeUndefined();
    expect(JSON.stringify(done)).not.toContain('gX1fBat3bV');
    // Nothing was changed in place.
    expect(run.exchanges).toEqual([]);
    expect(run.pending).toBeUndefined();
    expect(sent.pending?.exchange).toBeUndefined();
    expect(recorded.status).toBe('running');
  });

  it('a run started from a click that asks for hosts waits for them, until answered', () => {
    const waiting = startRun({ id: 'r2', profile, startedAt: 't', redirectUri: 'https://c/cb', awaiting: { permissions: ['https://server.example.com/*'], until: 'u' } });
    expect(waiting.awaitingHosts).toEqual({ permissions: ['https://server.example.com/*'], until: 'u', profile });
    expect(hostsAnswered(waiting).awaitingHosts).toBeUndefined();
    expect(startRun({ id: 'r3', profile, startedAt: 't', redirectUri: 'x', awaiting: { permissions: [], until: 'u' } }).awaitingHosts).toBeUndefined();
  });

  it('a refresh without a refresh token keeps the one the run had', () => {
    const run = tokensAccepted(started(), { access_token: 'a1', refresh_token: 'r1' });
    expect(tokensAccepted(run, { access_token: 'a2' }).tokens).toEqual({ access_token: 'a2', refresh_token: 'r1' });
  });

  it('a failure keeps the exchanges; a refused ID token takes the tokens away', () => {
    const withTokens = tokensAccepted(exchangeRecorded(started(), answer(200, TOKENS)), { access_token: 'a' }, 'mismatch');
    const refused = runFailed(tokensRefused(withTokens, 'mismatch'), { stage: 'token', message: 'nonce', reason: 'nonce_mismatch' });
    expect(refused).toMatchObject({ status: 'failed', nonceCheck: 'mismatch', failure: { reason: 'nonce_mismatch' } });
    expect(refused.tokens).toBeUndefined();
    expect(refused.exchanges).toHaveLength(1);
  });
});

describe('readTokenAnswer reads a token endpoint\'s answer once', () => {
  it('an error is no success, whatever the status (RFC 6749 §5.2; GitHub answers it with 200)', () => {
    expect(readTokenAnswer(answer(400, '{"error":"invalid_grant","error_description":"The code was already used"}'))).toEqual({ ok: false, message: 'HTTP 400. invalid_grant: The code was already used' });
    expect(readTokenAnswer(answer(200, '{"error":"bad_verification_code"}'))).toEqual({ ok: false, message: 'HTTP 200. bad_verification_code' });
    expect(readTokenAnswer(answer(200, '{"token_type":"Bearer"}'))).toMatchObject({ ok: false, message: expect.stringContaining('There is no access_token') });
    expect(readTokenAnswer(answer(200, '<html>Sign in</html>'))).toMatchObject({ ok: false });
    expect(readTokenAnswer({} as never)).toMatchObject({ ok: false, message: expect.stringContaining('HTTP 0') });
  });

  it('compares the ID token\'s nonce with the one sent (OIDC Core §3.1.3.7)', () => {
    const withId = (claims: Record<string, unknown>) => answer(200, JSON.stringify({ access_token: 'a', token_type: 'Bearer', id_token: idToken(claims) }));
    expect(readTokenAnswer(withId({ nonce: 'n-0S6_WzA2Mj' }), 'n-0S6_WzA2Mj')).toMatchObject({ ok: true, nonceCheck: 'match' });
    expect(readTokenAnswer(withId({ nonce: 'other' }), 'n-0S6_WzA2Mj')).toMatchObject({ ok: true, nonceCheck: 'mismatch', idTokenNonce: 'other' });
    expect(readTokenAnswer(withId({ sub: '24400320' }), 'n-0S6_WzA2Mj')).toMatchObject({ ok: true, nonceCheck: 'missing' });
    expect(readTokenAnswer(answer(200, TOKENS), 'n-0S6_WzA2Mj')).toMatchObject({ ok: true, nonceCheck: 'no_id_token' });
    expect(readTokenAnswer(withId({ nonce: 'x' })).ok && 'nonceCheck' in readTokenAnswer(withId({ nonce: 'x' }))).toBe(false);
  });
});
