import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { authorizationSent, bundledDemoProfile, exchangeRecorded, redactExchange, redirectReceived, startRun, type FlowRun, type HttpExchange, type RecordedExchange } from '../../src/core';
import { RunTimeline } from '../../src/popup/RunTimeline';
import { renderWith } from './render-with';

afterEach(cleanup);

// RFC 6749 §4.1.3's token request and §5.1's answer.
const SENT: HttpExchange = {
  request: {
    method: 'POST',
    url: 'https://server.example.com/token',
    headers: { authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb',
  },
  response: {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': '30', 'x-ratelimit-remaining': '0' },
    body: '{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example"}',
  },
};
// As the flow runner records them: redacted once, the request as sent kept beside it.
const EXCHANGE: RecordedExchange = {
  ...redactExchange(SENT),
  at: '2026-11-22T10:00:03.000Z',
  context: { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_basic' },
  sent: SENT.request!,
  durationMs: 84,
  bodyBytes: 2048,
};
const DISCOVERY: RecordedExchange = {
  at: '2026-11-22T10:00:00.000Z',
  context: { step: 'discovery', clientAuth: 'client_secret_basic' },
  request: { method: 'GET', url: 'https://server.example.com/.well-known/openid-configuration' },
  response: { status: 200, headers: {}, body: '{"issuer":"https://server.example.com"}' },
  durationMs: 12,
};
// RFC 6749 §4.1.1's request and §4.1.2's answer, as a run records them (with discovery before them).
const AUTHORIZE = 'https://server.example.com/authorize?response_type=code&client_id=s6BhdRkqt3&state=xyz&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb';
const REDIRECT = 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz';
const run: FlowRun = exchangeRecorded(
  redirectReceived(
    authorizationSent(exchangeRecorded(startRun({ id: 'r1', profile: bundledDemoProfile(), startedAt: '2026-11-22T10:00:00.000Z', redirectUri: 'https://client.example.com/cb' }), DISCOVERY), { state: 'xyz' }, { url: AUTHORIZE, at: '2026-11-22T10:00:01.000Z' }),
    { url: REDIRECT, at: '2026-11-22T10:00:02.500Z', outcome: 'code' },
  ),
  EXCHANGE,
);

describe('Run timeline', () => {
  it('shows every step in order with its outcome, duration and size', () => {
    renderWith(<RunTimeline run={run} />, { copy: async () => {} });
    const steps = [...document.querySelectorAll<HTMLElement>('ol.timeline > li')];
    expect(steps.map((step) => step.dataset.step)).toEqual(['discovery', 'authorize', 'redirect', 'token']);
    expect(steps.map((step) => step.querySelector('[data-outcome]')?.textContent)).toEqual(['200', 'sent', 'code', '429']);
    // The time at the sign-in page, and the token answer's size before storage cut it.
    expect(steps[1]!.textContent).toContain('1.5 s');
    expect(steps[3]!.textContent).toContain('84 ms');
    expect(steps[3]!.textContent).toContain('2.0 KB');
    // The redirect's parameters: the state as sent, the code masked.
    fireEvent.click(steps[2]!.querySelector('summary')!);
    const redirect = steps[2]!.querySelector('dl.params')!.textContent!;
    expect(redirect).toContain('statexyz');
    expect(redirect).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
    expect(steps[1]!.querySelector('dl.params')!.textContent).toContain('client_ids6BhdRkqt3');
  });

  it('shows requests and responses redacted, with the rate-limit headers', () => {
    renderWith(<RunTimeline run={run} />, { copy: async () => {} });
    const text = document.body.textContent!;
    for (const secret of ['czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'SplxlOBeZQQYbYS6WxSbIA', '2YotnFZFEjr1zCsicMWpAA']) expect(text).not.toContain(secret);
    expect(text).toContain('client_id "s6BhdRkqt3"');
    expect(text).toContain('retry-after: 30');
  });

  it('copies as curl redacted, and with secrets only when asked', async () => {
    const copied: string[] = [];
    renderWith(<RunTimeline run={run} />, { copy: async (t) => void copied.push(t) });
    const token = document.querySelector('li[data-step=token]') as HTMLElement;
    fireEvent.click(token.querySelector('[data-snippet=curl]')!);
    await screen.findByRole('button', { name: 'Copied ✓' });
    expect(copied[0]).toContain("curl -i -X POST 'https://server.example.com/token'");
    expect(copied[0]).not.toContain('SplxlOBeZQQYbYS6WxSbIA');

    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(token.querySelector('[data-snippet=php]')!);
    await screen.findAllByRole('button', { name: 'Copied ✓' });
    expect(copied[1]).toContain('SplxlOBeZQQYbYS6WxSbIA');
    expect(copied[1]).toContain("'authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW'");
  });

  it('a run stopped at the sign-in window ends its timeline there, with why', () => {
    const closed: FlowRun = { ...authorizationSent(run, { state: 'xyz' }, { url: AUTHORIZE, at: '2026-11-22T10:00:01.000Z' }), exchanges: [DISCOVERY], status: 'failed', failure: { stage: 'authorize', message: 'closed', reason: 'user_closed' } };
    delete closed.redirect;
    renderWith(<RunTimeline run={closed} />, { copy: async () => {} });
    const steps = [...document.querySelectorAll<HTMLElement>('ol.timeline > li')];
    expect(steps.map((step) => [step.dataset.step, step.dataset.failed])).toEqual([
      ['discovery', 'false'],
      ['authorize', 'true'],
    ]);
    expect(steps[1]!.querySelector('[data-outcome]')?.textContent).toBe('user closed');
  });
});
