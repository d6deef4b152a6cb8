import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledServer, type BundledServer } from '../server/bundled-server';
import { startTestApp, type TestApp } from '../server/test-app';
import type { ExtensionBrowser, PageDriver } from './harness/extension-browser';
import { openError, openErrors } from './harness/errors-view';
import { launchFirefox } from './harness/firefox';

/** Origins the extension holds right now, read from one of its pages. */
function grantedOrigins(page: PageDriver): Promise<string[]> {
  return page.evaluate(async () => {
    type Api = { permissions: { getAll(): Promise<{ origins?: string[] }> } };
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return (await api.permissions.getAll()).origins ?? [];
  }, undefined);
}

async function watch(popup: PageDriver, pattern: string): Promise<void> {
  await popup.click('[role=tab][data-tab=watch]');
  await popup.fill('input[name=watchPattern]', pattern);
  await popup.click('button[data-action=add-watch]');
  await popup.waitFor(`[data-testid=watch-list] li[data-pattern="${pattern}"]`);
}

/** The Errors list once its newest entry is of this category: the watcher records after the page has its answer. */
async function newestError(popup: PageDriver, category: string) {
  for (let i = 0; i < 50; i++) {
    const [newest] = await openErrors(popup);
    if (newest?.category === category) return newest;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return (await openErrors(popup))[0];
}

async function visit(browser: ExtensionBrowser, url: string): Promise<string> {
  const page = await browser.openUrl(url);
  await page.waitFor('body[data-done]');
  const result = await page.text('#result');
  await page.close();
  return result;
}

// Chromium is left out: no driver can answer its permission prompt (see the README), and the
// watcher asks for its host through that prompt, as it must.
describe('firefox: the traffic watcher on a developer\'s own app', () => {
  let app: TestApp;
  let server: BundledServer;
  let browser: ExtensionBrowser;
  let popup: PageDriver;

  beforeAll(async () => {
    app = await startTestApp();
    server = await startBundledServer({ app });
    app.use({ issuer: server.issuer });
    browser = await launchFirefox({ grantOptionalPermissions: true });
    popup = await browser.openPopup();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
  });

  it('a host that is not watched leaves no entry', async () => {
    expect(await visit(browser, `${app.origin}/api`)).toContain('401');
    expect(await openErrors(popup)).toEqual([]);
  });

  it('a 401 with WWW-Authenticate from the watched API, with its body', async () => {
    await watch(popup, `127.0.0.1:${server.port}`);
    expect(await grantedOrigins(popup)).toContain('http://127.0.0.1/*');
    expect(await visit(browser, `${app.origin}/api`)).toContain('401');
    expect(await newestError(popup, 'invalid_token')).toMatchObject({ category: 'invalid_token', status: '401' });
    const shown = await openError(popup, 0);
    expect(shown.detail).toContain('WWW-Authenticate: Bearer');
    expect(shown.detail).toContain('"error":"invalid_token"');
  });

  it('removing the host gives its permission back', async () => {
    await popup.click('[role=tab][data-tab=watch]');
    await popup.click(`[data-testid=watch-list] li[data-pattern="127.0.0.1:${server.port}"] button[data-action=remove-watch]`);
    await popup.waitFor('[data-testid=no-watch]');
    expect(await grantedOrigins(popup)).not.toContain('http://127.0.0.1/*');
  });
});
