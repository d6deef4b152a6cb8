import { describe, expect, it } from 'vitest';
import { redactExchange, runIdToken, type FlowRun, type HttpRequest, type RecordedExchange } from '../../../../src/core';

const ISSUER = 'https://login.example.com';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT-shaped token: runIdToken reads claims and compares masks, it verifies nothing. */
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(claims)}.${'s'.repeat(43)}`;
const ID_TOKEN = jwt({ iss: ISSUER, sub: 'alice', aud: 'client-1', nonce: 'n-1', iat: 1, exp: 2 });
const ACCESS = 'access-token-of-the-code-exchange-0123456789';

/** A token answer as the background stores it: redacted, with the request as sent beside it. */
function answer(at: string, grantType: 'authorization_code' | 'refresh_token', body: Record<string, unknown>, sentBody: string): RecordedExchange {
  const sent: HttpRequest = { method: 'POST', url: `${ISSUER}/token`, body: sentBody };
  const exchange = redactExchange({ request: sent, response: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } });
  return { ...exchange, at, durationMs: 250, context: { step: grantType === 'refresh_token' ? 'refresh' : 'token', grantType, clientAuth: 'client_secret_basic' }, sent };
}

const CODE_ANSWER = answer('2026-12-01T10:00:01.000Z', 'authorization_code', { access_token: ACCESS, id_token: ID_TOKEN, token_type: 'Bearer' }, 'grant_type=authorization_code&code=the-code&redirect_uri=x');
const RUN: FlowRun = {
  id: 'r1',
  profileName: 'Demo',
  startedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: '2026-12-01T10:00:02.000Z',
  status: 'succeeded',
  redirectUri: 'https://x.chromiumapp.org/',
  clientAuth: 'client_secret_basic',
  issuer: { identifier: ISSUER },
  authorization: { url: `${ISSUER}/auth?client_id=client-1&scope=openid&state=s&nonce=n-1&max_age=300`, at: '2026-12-01T10:00:00.000Z' },
  exchanges: [CODE_ANSWER],
  tokens: { access_token: ACCESS, id_token: ID_TOKEN, refresh_token: 'refresh-token-0123456789-0123456789' },
};

describe("runIdToken: what a run's ID token must say", () => {
  it('from the authorization request (client_id, nonce, max_age), the code redeemed, the access token beside it, and when it came', () => {
    expect(runIdToken(RUN)).toEqual({
      token: ID_TOKEN,
      issuer: ISSUER,
      expected: {
        issuer: ISSUER,
        clientId: 'client-1',
        nonce: 'n-1',
        now: Date.parse('2026-12-01T10:00:01.250Z'),
        maxAgeSeconds: 300,
        accessToken: ACCESS,
        code: 'the-code',
        clockToleranceSeconds: 60,
      },
      notes: [],
    });
  });

  it('a refresh that brought a new ID token without nonce: the nonce is not compared, the new access token is paired, no code', () => {
    const idToken = jwt({ iss: ISSUER, sub: 'alice', aud: 'client-1', iat: 3, exp: 4 });
    const access = 'access-token-of-the-refresh-0123456789-abc';
    const refreshed = answer('2026-12-01T11:00:00.000Z', 'refresh_token', { access_token: access, id_token: idToken }, 'grant_type=refresh_token&refresh_token=r');
    const found = runIdToken({ ...RUN, exchanges: [CODE_ANSWER, refreshed], tokens: { ...RUN.tokens!, access_token: access, id_token: idToken } })!;
    expect(found.expected).toMatchObject({ accessToken: access, now: Date.parse('2026-12-01T11:00:00.250Z') });
    expect(found.expected.nonce).toBeUndefined();
    expect(found.expected.code).toBeUndefined();
    expect(found.notes).toEqual([expect.stringContaining('OIDC Core §12.2')]);
  });

  it('a refresh without an ID token: the first ID token is held to its own answer, not paired with the new access token', () => {
    const access = 'access-token-of-the-refresh-0123456789-abc';
    const refreshed = answer('2026-12-01T11:00:00.000Z', 'refresh_token', { access_token: access }, 'grant_type=refresh_token&refresh_token=r');
    const found = runIdToken({ ...RUN, exchanges: [CODE_ANSWER, refreshed], tokens: { ...RUN.tokens!, access_token: access } })!;
    expect(found.expected).toMatchObject({ nonce: 'n-1', code: 'the-code', now: Date.parse('2026-12-01T10:00:01.250Z') });
    expect(found.expected.accessToken).toBeUndefined();
  });

  it("a run that knows no issuer takes the token's own iss, and says so", () => {
    const { issuer: _none, ...run } = RUN;
    const found = runIdToken(run)!;
    expect([found.issuer, found.expected.issuer]).toEqual([ISSUER, ISSUER]);
    expect(found.notes).toEqual([expect.stringContaining('knows no issuer')]);
  });

  it('nothing to check: no ID token, or no client_id anywhere', () => {
    expect(runIdToken({ ...RUN, tokens: { access_token: ACCESS } })).toBeUndefined();
    const { authorization: _gone, ...run } = RUN;
    expect(runIdToken({ ...run, exchanges: [{ ...CODE_ANSWER, sent: { ...CODE_ANSWER.sent!, body: 'code=c' } }] })).toBeUndefined();
  });
});
