import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { rateLimit } from '../../dev/server/quirks';
import { startTestApp, type TestApp } from '../../dev/server/test-app';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, LaunchOptions, PageDriver } from '../../dev/browsers/extension-browser';
import { openError, openErrors } from './harness/errors-view';
import { launchFirefox } from '../../dev/browsers/firefox';
import { SIGN_IN_WINDOW, signInOn } from '../../dev/browsers/sign-in';
import { granted } from './harness/granted';
import { LOOPBACK_WATCH_GRANT, watchHost } from '../../dev/browsers/watch-view';

const browsers = { chromium: launchChromium, firefox: launchFirefox };

async function unwatch(popup: PageDriver, pattern: string): Promise<void> {
  await popup.click('[role=tab][data-tab=watch]');
  await popup.click(`[data-testid=watch-list] li[data-pattern="${pattern}"] button[data-action=remove-watch]`);
  await popup.waitFor(`[data-testid=watch-list]:not(:has(li[data-pattern="${pattern}"])), [data-testid=no-watch]`);
}

/** Watches these hosts in the popup's Watch tab, as a person would, one after the other. */
async function watchHosts(popup: PageDriver, patterns: string[]): Promise<void> {
  for (const pattern of patterns) await watchHost(popup, pattern);
}

/**
 * The Errors list once it holds `count` entries: the watcher records a failure after the page
 * has its answer (in Firefox, once the body has been read).
 */
async function errorsOnceListed(popup: PageDriver, count: number) {
  let listed = await openErrors(popup);
  for (let i = 0; i < 50 && listed.length < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    listed = await openErrors(popup);
  }
  return listed;
}

/** Opens a page of the test app, signs in if the bundled server asks, and returns what the page wrote. */
async function visit(browser: ExtensionBrowser, url: string): Promise<string> {
  const page = await browser.openUrl(url);
  if (page.url().includes(SIGN_IN_WINDOW)) await signInOn(page);
  await page.waitFor('body[data-done]');
  const result = await page.text('#result');
  await page.close();
  return result;
}

describe.each(Object.entries(browsers))("%s: the traffic watcher on a developer's own app", (name, launch) => {
  let app: TestApp;
  let server: BundledServer;
  let limited: BundledServer;
  let browser: ExtensionBrowser;
  let popup: PageDriver;
  const options: LaunchOptions = { grantOptionalPermissions: LOOPBACK_WATCH_GRANT };
  const hostOf = (s: BundledServer) => `127.0.0.1:${s.port}`;
  // Chrome does not let an extension read response bodies; Firefox does, through filterResponseData,
  // for the requests to OAuth endpoints.
  const readsBodies = name === 'firefox';

  beforeAll(async () => {
    app = await startTestApp();
    server = await startBundledServer({ app });
    limited = await startBundledServer({ app, quirks: [rateLimit({ perMinute: 1 })] });
    app.use({ issuer: server.issuer, limited: limited.issuer });
  });
  // A browser per test: each sets up what it needs (the hosts it watches, an empty Errors list)
  // and can run alone, in any order. Chromium would ask again for a host given back by an earlier
  // test, and the fast path cannot answer a prompt.
  beforeEach(async () => {
    browser = await launch(options);
    popup = await browser.openPopup();
  });
  afterEach(async () => {
    await browser?.close();
  });
  afterAll(async () => {
    await Promise.all([server?.close(), limited?.close(), app?.close()]);
  });

  it('a 429 with Retry-After from a watched host is listed; a host that is not watched leaves no entry', async () => {
    await watchHosts(popup, [hostOf(limited)]);
    expect(await granted(popup)).toEqual({ origins: expect.arrayContaining(['http://127.0.0.1/*']), webRequest: true });
    expect(await visit(browser, `${app.origin}/api`)).toContain('401');
    expect((await visit(browser, `${app.origin}/limited`)).trim().split('\n')).toEqual(['400', '429']);
    const listed = await errorsOnceListed(popup, 2);
    // The API's 401 came first, from the host not watched: only the watched host's two are there.
    expect(listed.map((e) => [e.category, e.status])).toEqual([
      ['rate_limited', '429'],
      // The first request was let through, to be refused for its made-up code.
      [expect.any(String), '400'],
    ]);
    expect(listed[0]!.text).toContain(hostOf(limited));
    const shown = await openError(popup, 0);
    expect(shown.detail).toMatch(/Retry-After: \d+/i);
    expect(shown.explanation).toMatch(/retry|wait/i);
  });

  // An API call's body is not read in either browser (only OAuth endpoints' are: bodyWorthyUrls);
  // the challenge says what was wrong, and the body can be pasted or seen in DevTools' OAuth panel.
  it('a 401 with WWW-Authenticate from the watched API is explained, its body pasted', async () => {
    await watchHosts(popup, [hostOf(server)]);
    expect(await visit(browser, `${app.origin}/api`)).toContain('401');
    const [listed] = await errorsOnceListed(popup, 1);
    expect(listed).toMatchObject({ category: 'invalid_token', status: '401' });
    expect(listed!.text).toContain(`${hostOf(server)}`);
    const shown = await openError(popup, 0);
    expect(shown.detail).toMatch(/WWW-Authenticate: Bearer/i);
    expect(shown.detail).not.toContain('"error":"invalid_token"');
    expect(shown.explanation).toContain('Judged from the status and headers alone');
    // The body, as the developer copies it from the network panel.
    // In the opened error: its row when narrow, the pane beside the list when wide.
    await popup.fill('textarea[name=pastedBody]', '{"error":"invalid_token","error_description":"invalid token provided"}');
    const judged = await openError(popup, 0);
    expect(judged.explanation).not.toContain('Judged from the status and headers alone');
    expect(judged.detail).toContain('invalid token provided');
  });

  it('a code the app redeems twice is a reused code, with when it was first redeemed', async () => {
    await watchHosts(popup, [hostOf(server)]);
    expect((await visit(browser, `${app.origin}/login`)).trim().split('\n')).toEqual(['200', '400']);
    const listed = await errorsOnceListed(popup, 1);
    // Only the second redemption failed; the sign-in pages' own requests (a favicon's 404) are not listed.
    expect(listed.map((e) => [e.category, e.status])).toEqual([['code_reused', '400']]);
    const reused = await openError(popup, 0);
    expect(reused.explanation).toMatch(/This code was already exchanged at \d{1,2}:\d\d:\d\d/);
    // Redacted at capture: neither the code nor the verifier is kept.
    expect(reused.detail).toContain('code_verifier=');
    expect(reused.detail).not.toContain('test-app-verifier');
    if (readsBodies) expect(reused.detail).toContain('"error":"invalid_grant"');
  });

  it("a token request's redirect_uri that differs from the authorization request's is a mismatch, both shown", async () => {
    await watchHosts(popup, [hostOf(server)]);
    expect((await visit(browser, `${app.origin}/login?case=mismatch`)).trim()).toBe('400');
    const [mismatch] = await errorsOnceListed(popup, 1);
    expect(mismatch).toMatchObject({ category: 'redirect_uri_mismatch', status: '400' });
    const shown = await openError(popup, 0);
    expect(shown.explanation).toContain(`The authorization request sent redirect_uri ${app.redirectUri}, the token request ${app.redirectUri}/`);
  });

  // Chrome stops an idle service worker; the watched request itself must wake it and be caught.
  it.runIf(name === 'chromium')('a watched request wakes a stopped worker and is still listed', async () => {
    await watchHosts(popup, [hostOf(server)]);
    await browser.stopWorker!();
    expect(await visit(browser, `${app.origin}/api`)).toContain('401');
    const listed = await errorsOnceListed(popup, 1);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ category: 'invalid_token', status: '401' });
  });

  it('pausing gives the webRequest permission back and keeps the hosts; resuming asks for it again', async () => {
    await watchHosts(popup, [hostOf(server)]);
    await popup.click('input[name=pauseWatch]');
    await popup.waitFor('[data-testid=watch-list][data-active=false]');
    expect(await granted(popup)).toEqual({ origins: expect.arrayContaining(['http://127.0.0.1/*']), webRequest: false });
    // A host added while paused is kept for later; watching stays paused, and free.
    await watchHost(popup, '127.0.0.1:9');
    expect(await granted(popup)).toMatchObject({ webRequest: false });
    await unwatch(popup, '127.0.0.1:9');
    await popup.click('input[name=pauseWatch]');
    await popup.waitFor('[data-testid=watch-list][data-active=true]');
    expect(await granted(popup)).toEqual({ origins: expect.arrayContaining(['http://127.0.0.1/*']), webRequest: true });
  });

  it('removing a host gives back only the origins no other watched host needs', async () => {
    await watchHosts(popup, [hostOf(server), hostOf(limited)]);
    await unwatch(popup, hostOf(server));
    // Both hosts are 127.0.0.1: its origin stays while one of them is watched.
    expect(await granted(popup)).toEqual({ origins: expect.arrayContaining(['http://127.0.0.1/*']), webRequest: true });
    await unwatch(popup, hostOf(limited));
    await popup.waitFor('[data-testid=no-watch]');
    // With the last host goes the webRequest permission: nothing can be watched now, not merely nothing is.
    expect(await granted(popup)).toEqual({ origins: [], webRequest: false });
  });
});
