import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { rateLimit } from '../../dev/server/quirks';
import { startTestApp, type TestApp } from '../../dev/server/test-app';
import { launchChromium } from '../../dev/browsers/chromium';
import { openError, openErrors } from './harness/errors-view';
import type { ExtensionBrowser } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { granted } from './harness/granted';
import { askToWatch } from '../../dev/browsers/watch-view';

const browsers = { chromium: launchChromium, firefox: launchFirefox };

// Watching, as a person starts it: from the toolbar popup, through the browser's real prompt,
// nothing granted beforehand. Chromium closes that popup as the prompt takes focus; what the
// click meant was sent to the background first, which adds the host once Allow is clicked.
describe.each(Object.entries(browsers))("%s: watching starts after the browser's real prompt", (name, launch) => {
  let app: TestApp;
  let server: BundledServer;
  let limited: BundledServer;
  let browser: ExtensionBrowser | undefined;
  const hostOf = (s: BundledServer) => `127.0.0.1:${s.port}`;

  beforeAll(async () => {
    app = await startTestApp();
    server = await startBundledServer({ app });
    limited = await startBundledServer({ app, quirks: [rateLimit({ perMinute: 1 })] });
    app.use({ issuer: server.issuer, limited: limited.issuer });
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  afterAll(async () => {
    await Promise.all([server?.close(), limited?.close(), app?.close()]);
  });

  /** Opens a page of the test app and returns what it wrote. */
  async function visit(url: string): Promise<string> {
    const page = await browser!.openUrl(url);
    await page.waitFor('body[data-done]');
    const result = await page.text('#result');
    await page.close();
    return result;
  }

  it("from the toolbar popup: Allow, and the reopened popup shows the host watched; the app's 401 and 429 are then listed with their diagnoses", async () => {
    browser = await launch({ realPermissionPrompts: true });
    const toolbar = await browser.openToolbarPopup!();
    // Without a port, every port of 127.0.0.1: the API and the rate-limited server alike.
    await askToWatch(toolbar, '127.0.0.1');
    await browser.answerPermissionPrompt('allow');
    if (name === 'chromium') await expect(toolbar.text('h1')).rejects.toThrow(/toolbar popup is closed/);
    else await toolbar.close();

    const reopened = await browser.openToolbarPopup!();
    await reopened.click('[role=tab][data-tab=watch]');
    await reopened.waitFor('[data-testid=watch-list] li[data-pattern="127.0.0.1"]');
    expect(await granted(reopened)).toEqual({ origins: expect.arrayContaining(['http://127.0.0.1/*']), webRequest: true });
    await reopened.close();

    expect(await visit(`${app.origin}/api`)).toContain('401');
    expect((await visit(`${app.origin}/limited`)).trim().split('\n')).toEqual(['400', '429']);
    const popup = await browser.openToolbarPopup!();
    let listed = await openErrors(popup);
    for (let i = 0; i < 50 && listed.length < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      listed = await openErrors(popup);
    }
    expect(listed.map((e) => [e.category, e.status])).toEqual([
      ['rate_limited', '429'],
      [expect.any(String), '400'],
      ['invalid_token', '401'],
    ]);
    expect(listed[0]!.text).toContain(hostOf(limited));
    expect(listed[2]!.text).toContain(hostOf(server));
    expect((await openError(popup, 0)).detail).toMatch(/Retry-After: \d+/i);
    expect((await openError(popup, 2)).detail).toMatch(/WWW-Authenticate: Bearer/i);
    // The Watch tab says what reached it: evidence, not a claim.
    await popup.click('[role=tab][data-tab=watch]');
    await popup.waitFor('[data-testid=watch-seen]');
    expect(Number(await popup.evaluate(() => document.querySelector<HTMLElement>('[data-testid=watch-seen]')!.dataset.requests, undefined))).toBeGreaterThanOrEqual(3);
  });

  it('Deny: nothing granted, nothing watched, and the popup says so', async () => {
    browser = await launch({ realPermissionPrompts: true });
    const popup = await browser.openPopup();
    await askToWatch(popup, hostOf(server));
    await browser.answerPermissionPrompt('deny');
    await popup.waitFor('[role=alert]');
    expect(await popup.text('[role=alert]')).toBe(`Access to ${hostOf(server)} was not granted, so it is not watched.`);
    await popup.waitFor('[data-testid=no-watch]');
    expect(await granted(popup)).toEqual({ origins: [], webRequest: false });
  });

  it('removing the host gives back every permission it needed', async () => {
    browser = await launch({ realPermissionPrompts: true });
    const popup = await browser.openPopup();
    await askToWatch(popup, hostOf(server));
    await browser.answerPermissionPrompt('allow');
    await popup.waitFor(`[data-testid=watch-list] li[data-pattern="${hostOf(server)}"]`);
    expect(await granted(popup)).toEqual({ origins: expect.arrayContaining(['http://127.0.0.1/*']), webRequest: true });
    await popup.click(`[data-testid=watch-list] li[data-pattern="${hostOf(server)}"] button[data-action=remove-watch]`);
    await popup.waitFor('[data-testid=no-watch]');
    expect(await granted(popup)).toEqual({ origins: [], webRequest: false });
  });
});
