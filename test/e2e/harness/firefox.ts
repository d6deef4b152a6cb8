import { randomUUID } from 'node:crypto';
import puppeteer, { type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../scripts/extension-identity';
import { findBrowser } from '../../../scripts/find-browser';
import type { ExtensionBrowser, LaunchOptions, PageDriver } from './extension-browser';
import { DIST_FIREFOX, POPUP_PATH } from './paths';

/**
 * Firefox (Debian's ESR, or FIREFOX_PATH) with the built extension installed as a temporary
 * add-on, driven by Puppeteer over WebDriver BiDi. Also serves `npm run start:firefox`.
 */
export async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const { headless = true, ownSignals = false, extensionDir = DIST_FIREFOX } = options;
  // Firefox gives each add-on a random internal UUID per profile; fixing it makes moz-extension:// URLs known.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless,
    defaultViewport: headless ? undefined : null,
    handleSIGINT: !ownSignals,
    handleSIGTERM: !ownSignals,
    handleSIGHUP: !ownSignals,
    // Without it, WebDriver BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  await browser.installExtension(extensionDir);
  const origin = `moz-extension://${uuid}/`;
  const closed = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
  return {
    name: 'firefox',
    origin,
    async openPopup() {
      const blank = (await browser.pages()).find((p) => p.url() === 'about:blank');
      const page = blank ?? (await browser.newPage());
      // page.goto never resolves for moz-extension:// (puppeteer #14314): wait for the page itself.
      page.goto(`${origin}${POPUP_PATH}`).catch(() => {});
      await page.waitForFunction(() => location.protocol === 'moz-extension:' && document.documentElement.dataset.ready);
      return drive(page);
    },
    async waitForWindow(fragment) {
      const target = await browser.waitForTarget((t) => t.url().includes(fragment));
      const page = await target.page();
      if (!page) throw new Error(`No page for window ${target.url()}`);
      return drive(page);
    },
    closed,
    close: () => browser.close(),
  };
}

function drive(page: Page): PageDriver {
  return {
    fill: (selector, value) => page.locator(selector).fill(value),
    select: async (selector, value) => void (await page.select(selector, value)),
    click: (selector) => page.locator(selector).click(),
    waitFor: async (selector) => void (await page.waitForSelector(selector)),
    text: async (selector) => (await page.$eval(selector, (el) => el.textContent)) ?? '',
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    url: () => page.url(),
  };
}
