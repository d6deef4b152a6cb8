import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, PageDriver } from '../../dev/browsers/extension-browser';
import { signInOn } from '../../dev/browsers/sign-in';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { startTestApp, type TestApp } from '../../dev/server/test-app';
import { openError, openErrors } from './harness/errors-view';

const ITEM = (category: string) => `[data-testid=har-item][data-category=${category}]`;

// A developer with DevTools open on their app's tab (Chromium, headful on the harness's display,
// --auto-open-devtools-for-tabs) chooses the OAuth panel: it reads the tab's traffic from
// devtools.network, bodies included, which no webRequest watcher in Chrome can.
// Once, on a loaded CI machine, the DevTools window never finished opening and both tests hung
// to their timeout; the harness now bounds every protocol call, saves the screen and opens a
// second tab when the first window does not come (openWithDevtoolsPanel).
describe('chromium: the DevTools panel on the app’s own tab', () => {
  let app: TestApp;
  let server: BundledServer;
  let browser: ExtensionBrowser;
  let page: PageDriver;
  let panel: PageDriver;

  beforeAll(async () => {
    app = await startTestApp();
    server = await startBundledServer({ app });
    app.use({ issuer: server.issuer });
    browser = await launchChromium({ devtools: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
  });

  it('a code the app redeems twice: the panel names the reuse, with the answer’s body, and the Errors list has it', async () => {
    // DevTools open and the panel chosen first, then the sign-in started, as a developer does it.
    ({ page, panel } = await browser.openWithDevtoolsPanel!('about:blank'));
    await page.evaluate((url) => void (location.href = url), `${app.origin}/login`);
    await page.waitFor(`input[name=login], body[data-done]`);
    if (!(await page.evaluate(() => document.body.dataset.done === 'true', undefined))) await signInOn(page);
    await page.waitFor('body[data-done]');
    await panel.waitFor(ITEM('code_reused'));
    const kinds = await panel.evaluate(() => [...document.querySelectorAll('[data-testid=har-item]')].map((item) => item.getAttribute('data-kind')), undefined);
    expect(kinds).toEqual(expect.arrayContaining(['authorization_request', 'authorization_response', 'token_request']));
    await panel.click(`${ITEM('code_reused')} button`);
    await panel.waitFor(`${ITEM('code_reused')} [data-testid=error-detail]`);
    const detail = await panel.text(`${ITEM('code_reused')} [data-testid=error-detail]`);
    expect(detail).toMatch(/already/i);
    // The answer's body, which Chrome gives no webRequest watcher.
    expect(detail).toContain('invalid_grant');

    const popup = await browser.openPopup();
    const listed = await openErrors(popup);
    expect(listed.map((entry) => entry.category)).toContain('code_reused');
    const shown = await openError(popup, listed.findIndex((entry) => entry.category === 'code_reused'));
    expect(shown.detail).toContain('invalid_grant');
    expect(shown.explanation).not.toContain('Judged from the status and headers alone');
    await popup.close();
  });

  it('an API 401: explained from its challenge and body', async () => {
    await page.evaluate((url) => void (location.href = url), `${app.origin}/api`);
    await panel.waitFor(`[data-testid=har-item][data-kind=api_call][data-category]`);
    const category = await panel.evaluate(() => document.querySelector('[data-testid=har-item][data-kind=api_call][data-category]')?.getAttribute('data-category'), undefined);
    expect(category).toBe('invalid_token');
    await panel.click('[data-testid=har-item][data-kind=api_call][data-category] button');
    await panel.waitFor('[data-testid=har-item][data-kind=api_call] [data-testid=error-detail]');
    // oidc-provider's own words, in the body.
    expect(await panel.text('[data-testid=har-item][data-kind=api_call] [data-testid=error-detail]')).toContain('invalid token provided');
  });
});
