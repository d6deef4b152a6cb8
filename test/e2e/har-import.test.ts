import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, PageDriver } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';

const browsers = { chromium: launchChromium, firefox: launchFirefox };
// Written by Chromium while the test app ran its flows against the bundled server (npm run record-hars).
const recorded = (name: string) => fileURLToPath(new URL(`../unit/core/traffic/har-recorded/${name}.har`, import.meta.url));

// A HAR file chosen in the Watch tab, as a developer chooses the one their network panel exported.
describe.each(Object.entries(browsers))('%s: HAR import', (_name, launch) => {
  let browser: ExtensionBrowser;
  let page: PageDriver;

  beforeAll(async () => {
    browser = await launch();
    page = await browser.openPopup();
    await page.click('[role=tab][data-tab=watch]');
  });
  afterAll(() => browser?.close());

  it('a code redeemed twice: the second redemption is the reused code, opened to its diagnosis', async () => {
    await page.chooseFile!('input[name=harFile]', recorded('reused-code'));
    await page.waitFor('[data-testid=har-item][data-category=code_reused]');
    await page.click('[data-testid=har-item][data-category=code_reused] button');
    await page.waitFor('[data-testid=har-item][data-category=code_reused] [data-testid=error-detail]');
    expect(await page.text('[data-testid=har-item][data-category=code_reused] [data-testid=error-detail]')).toMatch(/already/i);
    const kinds = await page.evaluate(() => [...document.querySelectorAll('[data-testid=har-item]')].map((item) => item.getAttribute('data-kind')), undefined);
    expect(kinds).toEqual(expect.arrayContaining(['authorization_request', 'authorization_response', 'token_request']));
  });

  it("another file: the redirect_uri mismatch, and no other file's judgement left behind", async () => {
    await page.chooseFile!('input[name=harFile]', recorded('redirect-uri-mismatch'));
    await page.waitFor('[data-testid=har-item][data-category=redirect_uri_mismatch]');
    const categories = await page.evaluate(() => [...document.querySelectorAll('[data-testid=har-item][data-category]')].map((item) => item.getAttribute('data-category')), undefined);
    expect(categories).toEqual(['redirect_uri_mismatch']);
  });
});
