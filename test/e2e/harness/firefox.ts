import { randomUUID } from 'node:crypto';
import puppeteer, { TimeoutError, type Page } from 'puppeteer-core';
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
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      ...(options.grantOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    },
  });
  await browser.installExtension(extensionDir);
  const origin = `moz-extension://${uuid}/`;
  const closed = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
  const extension: ExtensionBrowser = {
    name: 'firefox',
    origin,
    version: async () => `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    async openPage(path) {
      const url = `${origin}${path}`;
      for (let attempt = 1; ; attempt++) {
        const blank = attempt === 1 ? (await browser.pages()).find((p) => p.url() === 'about:blank') : undefined;
        const page = blank ?? (await browser.newPage());
        // page.goto never resolves for moz-extension:// (puppeteer #14314): wait for the page itself.
        page.goto(url).catch(() => {});
        try {
          await page.waitForFunction((expected) => location.href === expected && document.readyState === 'complete', {}, url);
          return drive(page);
        } catch (error) {
          // Now and then a check lands just as the tab moves from about:blank into the extension's
          // process; BiDi fails it ("right-hand side of 'in' should be an object, got null") and the
          // tab stays unreadable. That says nothing about the page: open it again in a new tab.
          await page.close().catch(() => {});
          if (error instanceof TimeoutError || attempt === 3) throw error;
        }
      }
    },
    async openUrl(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return drive(page);
    },
    async openPopup() {
      const popup = await extension.openPage(POPUP_PATH);
      await popup.waitFor('html[data-ready]');
      return popup;
    },
    async findWindow(fragment) {
      const page = await browser.targets().find((t) => t.url().includes(fragment))?.page();
      return page ? drive(page) : undefined;
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
  return extension;
}

export function drive(page: Page): PageDriver {
  return {
    fill: (selector, value) => page.locator(selector).fill(value),
    select: async (selector, value) => void (await page.select(selector, value)),
    click: (selector) => page.locator(selector).click(),
    waitFor: async (selector) => void (await page.waitForSelector(selector)),
    text: async (selector) => (await page.$eval(selector, (el) => el.textContent)) ?? '',
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    url: () => page.url(),
    close: () => page.close(),
  };
}
