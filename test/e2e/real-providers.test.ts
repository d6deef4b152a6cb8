import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../src/core';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { quirksFromNames } from '../../dev/server/quirks';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, PageDriver } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { grantedOrigins } from './harness/granted';
import { fillProfile, followRun, lastRun, openFlowTab } from '../../dev/browsers/popup-flow';
import { SIGN_IN_WINDOW } from '../../dev/browsers/sign-in';

const browsers = { chromium: launchChromium, firefox: launchFirefox };
const LOOPBACK = 'http://127.0.0.1/*';

// A provider whose token endpoint sends no CORS headers at all, like GitHub's: before this, the
// first Run redeemed the code where the extension could not read the answer. Every step here is
// the user's own: the browser's real prompt, answered with the keyboard, nothing granted before.
describe.each(Object.entries(browsers))('%s: the first Run against a provider that sends no CORS headers', (name, launch) => {
  let server: BundledServer;
  // A browser per test: each crosses the first prompt of a fresh profile (Chromium grants again
  // without asking a host that was granted once and given back).
  let browser: ExtensionBrowser | undefined;
  const authorizationRequests = () => server.requests.filter((r) => r.method === 'GET' && r.path === '/auth');
  const redemptions = () => server.requests.filter((r) => r.token?.grantType === 'authorization_code');

  beforeAll(async () => {
    server = await startBundledServer({ quirks: quirksFromNames(['no-cors']) });
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  afterAll(() => server?.close());

  /** A fresh browser that shows its real prompts, the Flow tab filled in for `client`. */
  async function start(client: { clientId: string; clientSecret?: string; clientAuth: string }) {
    browser = await launch({ realPermissionPrompts: true });
    const popup = await openFlowTab(browser);
    await fillProfile(popup, { issuer: server.issuer, clientId: client.clientId, clientSecret: client.clientSecret ?? '', clientAuth: client.clientAuth });
    return { browser, popup };
  }

  /**
   * Until the server has heard nothing for a while: the popup reads discovery to plan the run
   * while the profile is typed, and that must not be mistaken for the run's first request.
   */
  async function quiet() {
    for (let seen = -1; seen !== server.requests.length; ) {
      seen = server.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
  }

  /** Presses Run, checks nothing reaches the provider while the prompt is open, and answers it. */
  async function pressRunAndAnswer(page: PageDriver, answer: 'allow' | 'deny') {
    await quiet();
    server.requests.length = 0;
    await page.click('form.profile button[type=submit]');
    const answered = browser!.answerPermissionPrompt(answer);
    // The prompt is open now (it shows within 0.7 s; the answer goes after it has been up 1 s).
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(await browser!.findWindow(SIGN_IN_WINDOW)).toBeUndefined();
    await answered;
  }

  for (const client of [DEMO_CLIENTS.post, DEMO_CLIENTS.basic]) {
    it(`${client.clientAuth}: the first Run asks for the host before any sign-in window, then ends with tokens; the server redeemed the code once`, async () => {
      const { browser, popup } = await start(client);
      // Said before the click: which host, and why.
      await popup.waitFor('[data-testid=run-hosts]');
      expect(await popup.text('[data-testid=run-hosts]')).toMatch(/Run will first ask to reach 127\.0\.0\.1/);

      const before = (await lastRun(popup))?.id;
      await pressRunAndAnswer(popup, 'allow');
      const flow = await followRun(browser, popup, before);
      expect(flow.failure).toBeUndefined();
      expect(flow.tokens?.access_token).toBeTruthy();
      expect(redemptions()).toEqual([expect.objectContaining({ origin: undefined, token: { grantType: 'authorization_code', issued: true }, status: 200 })]);
      expect(await grantedOrigins(popup)).toContain(LOOPBACK);
    });
  }

  it('declining: no sign-in window, no authorization request at the server, and the popup says why', async () => {
    const { browser, popup } = await start(DEMO_CLIENTS.post);
    await popup.waitFor('[data-testid=run-hosts]');
    const before = (await lastRun(popup))?.id;
    await pressRunAndAnswer(popup, 'deny');
    const flow = await followRun(browser, popup, before);
    expect(flow.failure).toMatchObject({ stage: 'permission', reason: 'host_access_declined' });
    expect(await popup.text('[data-testid=flow-result] [role=alert]')).toMatch(/was not allowed to reach 127\.0\.0\.1, so the run stopped before asking for an authorization code: none was requested/);
    expect(authorizationRequests()).toEqual([]);
    expect(redemptions()).toEqual([]);
    expect(await browser.findWindow(SIGN_IN_WINDOW)).toBeUndefined();
    expect(await grantedOrigins(popup)).not.toContain(LOOPBACK);
  });

  // Chromium closes the toolbar popup as its prompt takes focus, and the popup's own promise never
  // settles: the background, which received the run from the same click, carries it on.
  it.runIf(name === 'chromium')('from the real toolbar popup, closed under the prompt: Allow, and the run ends with tokens; reopened, the popup shows them', async () => {
    browser = await launch({ realPermissionPrompts: true });
    const toolbar = await browser.openToolbarPopup!();
    await toolbar.click('[role=tab][data-tab=flow]');
    const { clientId, clientSecret, clientAuth } = DEMO_CLIENTS.post;
    await fillProfile(toolbar, { issuer: server.issuer, clientId, clientSecret, clientAuth });
    await toolbar.waitFor('[data-testid=run-hosts]');
    await pressRunAndAnswer(toolbar, 'allow');
    await expect(toolbar.text('h1')).rejects.toThrow(/toolbar popup is closed/);

    // The sign-in window (if the server needs one) is the person's next step; the popup is gone.
    const flow = await followRun(browser, await openFlowTab(browser), undefined);
    expect(flow.failure).toBeUndefined();
    expect(flow.tokens?.access_token).toBeTruthy();
    expect(redemptions()).toEqual([expect.objectContaining({ origin: undefined, token: { grantType: 'authorization_code', issued: true } })]);

    const reopened = await browser.openToolbarPopup!();
    await reopened.click('[role=tab][data-tab=flow]');
    await reopened.waitFor('[data-testid=flow-result][data-status=succeeded] [data-testid=access-token]');
    await reopened.close();
  });
});
