import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, type FlowRun } from '../../src/core';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { quirksFromNames } from '../../dev/server/quirks';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, PageDriver } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { openError, openErrors } from './harness/errors-view';
import { act, fillProfile, LOOPBACK_RUN_GRANT, openFlowTab, run } from '../../dev/browsers/popup-flow';

const browsers = { chromium: launchChromium, firefox: launchFirefox };
const last = (r: FlowRun) => r.exchanges[r.exchanges.length - 1]!;
const header = (r: FlowRun, name: string) => last(r).response.headers[name];

// The seed story's provider: a reused code answered 401 "HTTP Basic: Access denied", a client
// that only takes client_secret_post, and a per-minute rate limit.
describe.each(Object.entries(browsers))('%s: the flow runner against providers that bend the rules', (_, launch) => {
  let quirky: BundledServer;
  let limited: BundledServer;
  let browser: ExtensionBrowser;
  let popup: PageDriver;

  beforeAll(async () => {
    quirky = await startBundledServer({ quirks: quirksFromNames(['reused-code-401', 'post-only']) });
    limited = await startBundledServer({ quirks: quirksFromNames(['rate-limit=1']) });
    browser = await launch({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
    popup = await openFlowTab(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await quirky?.close();
    await limited?.close();
  });

  it('records a reused code answered 401 HTTP Basic: Access denied, with when the code was first sent', async () => {
    await fillProfile(popup, { issuer: quirky.issuer });
    const flow = await run(browser, popup);
    expect(flow.status).toBe('succeeded');
    const again = await act(popup, 'exchange-again');
    expect(last(again).response.status).toBe(401);
    expect(header(again, 'www-authenticate')).toMatch(/^Basic /);
    expect(last(again).response.body).toBe('HTTP Basic: Access denied.\n');
    expect(last(again).context.codeFirstRedeemedAt).toBe(flow.exchanges.find((e) => e.context.grantType === 'authorization_code')!.at);

    const [listed] = await openErrors(popup);
    expect(listed).toMatchObject({ category: 'code_reused', status: '401' });
    const shown = await openError(popup, 0);
    expect(shown.explanation).toMatch(/This code was already exchanged at \d{1,2}:\d\d:\d\d/);
    expect(shown.detail).toContain('HTTP Basic: Access denied.');
    await popup.click('[role=tab][data-tab=flow]');
  });

  it('records a post-only client refusing HTTP Basic, and accepting client_secret_post', async () => {
    const { clientId, clientSecret } = DEMO_CLIENTS.postOnly;
    await fillProfile(popup, { clientId, clientSecret, clientAuth: 'client_secret_basic' });
    const refused = await run(browser, popup);
    expect(refused.failure?.reason).toBe('token_error');
    expect(last(refused).response.status).toBe(401);
    expect(JSON.parse(last(refused).response.body).error).toBe('invalid_client');
    const [listed] = await openErrors(popup);
    expect(listed).toMatchObject({ category: 'client_auth_method', status: '401' });
    await popup.click('[role=tab][data-tab=flow]');
    await fillProfile(popup, { clientAuth: 'client_secret_post' });
    expect((await run(browser, popup)).status).toBe('succeeded');
  });

  it('records a 429 with Retry-After and the rate-limit headers', async () => {
    // A browser of its own: both servers are on 127.0.0.1, and cookies ignore the port, so the
    // other server's session cookie would meet this one.
    const own = await launch({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
    try {
      const page = await openFlowTab(own);
      await fillProfile(page, { issuer: limited.issuer });
      const flow = await run(own, page);
      expect(flow.failure).toBeUndefined();
      const limitedAgain = await act(page, 'exchange-again');
      expect(last(limitedAgain).response.status).toBe(429);
      expect(Number(header(limitedAgain, 'retry-after'))).toBeGreaterThan(0);
      expect(header(limitedAgain, 'x-ratelimit-remaining')).toBe('0');

      const [listed] = await openErrors(page);
      expect(listed).toMatchObject({ category: 'rate_limited', status: '429' });
      await openError(page, 0);
      const left = Number(await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid=retry-countdown]')?.dataset.secondsLeft, undefined));
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(Number(header(limitedAgain, 'retry-after')));
    } finally {
      await own.close();
    }
  });
});
