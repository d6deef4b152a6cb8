import { describe, expect, it } from 'vitest';
import { authorizationSent, bundledDemoProfile, callbackFailed, exchangeRecorded, redirectReceived, runFailed, runTimeline, startRun, type RecordedExchange } from '../../../../src/core';

const started = startRun({ id: 'r1', profile: bundledDemoProfile(), startedAt: '2026-12-01T10:00:00.000Z', redirectUri: 'https://client.example.com/cb' });
const exchange = (step: RecordedExchange['context']['step'], status: number, at: string): RecordedExchange => ({
  at,
  context: { step, clientAuth: 'client_secret_basic' },
  request: { method: step === 'discovery' ? 'GET' : 'POST', url: `https://server.example.com/${step}` },
  response: { status, headers: {}, body: 'é' },
});
// RFC 6749 §4.1.1 and §4.1.2.1's examples.
const AUTHORIZE = 'https://server.example.com/authorize?response_type=code&client_id=s6BhdRkqt3&state=xyz&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('runTimeline', () => {
  it('puts the front channel after discovery and before the token request, actions last', () => {
    let run = exchangeRecorded(started, exchange('discovery', 200, '2026-12-01T10:00:00.100Z'));
    run = authorizationSent(run, { state: 'xyz' }, { url: AUTHORIZE, at: '2026-12-01T10:00:00.200Z' });
    run = redirectReceived(run, { url: 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz&iss=https%3A%2F%2Fserver.example.com', at: '2026-12-01T10:00:04.200Z', outcome: 'code' });
    run = exchangeRecorded(run, exchange('token', 200, '2026-12-01T10:00:04.300Z'));
    run = exchangeRecorded(run, exchange('refresh', 400, '2026-12-01T10:01:00.000Z'));
    const steps = runTimeline(run);
    expect(steps.map((s) => [s.kind, s.outcome, s.failed])).toEqual([
      ['discovery', '200', false],
      ['authorize', 'sent', false],
      ['redirect', 'code', false],
      ['token', '200', false],
      ['refresh', '400', true],
    ]);
    expect(steps[1]).toMatchObject({ durationMs: 4000, method: 'GET' });
    // Sizes are bytes, not characters.
    expect(steps[0]!.sizeBytes).toBe(2);
    // Parameters as the stored (redacted) URL has them: the code masked, state and iss as sent.
    expect(Object.fromEntries(steps[2]!.params!)).toMatchObject({ state: 'xyz', iss: 'https://server.example.com' });
    expect(JSON.stringify(steps)).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
    expect(Object.fromEntries(steps[1]!.params!)).toMatchObject({ response_type: 'code', client_id: 's6BhdRkqt3' });
  });

  it('an error redirect carries the provider error; a refused one, why the run refused it', () => {
    const sent = authorizationSent(started, { state: 'xyz' }, { url: AUTHORIZE, at: '2026-12-01T10:00:00.200Z' });
    const denied = callbackFailed(redirectReceived(sent, { url: 'https://client.example.com/cb?error=access_denied&state=xyz', at: '2026-12-01T10:00:02.000Z', outcome: 'error' }), { error: 'access_denied' });
    expect(runTimeline(denied).map((s) => [s.kind, s.outcome, s.failed])).toEqual([
      ['authorize', 'sent', false],
      ['redirect', 'access_denied', true],
    ]);
    const refused = runFailed(redirectReceived(sent, { url: 'https://client.example.com/cb?code=a&state=other', at: '2026-12-01T10:00:02.000Z', outcome: 'refused' }), { stage: 'callback', message: 'state', reason: 'state_mismatch' });
    expect(runTimeline(refused).at(-1)).toMatchObject({ kind: 'redirect', outcome: 'state mismatch', failed: true });
  });

  it('a fragment response (response_mode=fragment, a hash-routed app) has its parameters read', () => {
    const run = redirectReceived(authorizationSent(started, { state: 'xyz' }, { url: AUTHORIZE, at: '2026-12-01T10:00:00.200Z' }), { url: 'https://app.example.com/#/cb?code=abc&state=xyz', at: '2026-12-01T10:00:01.000Z', outcome: 'code' });
    expect(Object.fromEntries(runTimeline(run)[1]!.params!)).toMatchObject({ state: 'xyz' });
  });

  it('a run without a front channel (recorded before it was kept) is its exchanges', () => {
    const run = exchangeRecorded(started, exchange('token', 200, '2026-12-01T10:00:04.300Z'));
    expect(runTimeline(run).map((s) => s.kind)).toEqual(['token']);
  });
});
