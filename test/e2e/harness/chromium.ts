import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { ExtensionBrowser, PageDriver } from './extension-browser';
import { CHROME_PATH, DIST_CHROME, POPUP_PATH } from './paths';

/** Debian Chromium, headless, with dist/chrome loaded in a fresh profile. */
export async function launchChromium(): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'oauth-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    headless: true,
    // Both flags, or no extension worker starts; the rest keeps Chromium off the (closed) network.
    args: [
      `--disable-extensions-except=${DIST_CHROME}`,
      `--load-extension=${DIST_CHROME}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(worker.url()).host}/`;
  return {
    name: 'chromium',
    origin,
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`${origin}${POPUP_PATH}`);
      await page.waitForSelector('html[data-ready]');
      return drive(page);
    },
    async waitForWindow(fragment) {
      const existing = context.pages().find((p) => p.url().includes(fragment));
      return drive(existing ?? (await context.waitForEvent('page', (p) => p.url().includes(fragment))));
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

function drive(page: Page): PageDriver {
  return {
    fill: (selector, value) => page.fill(selector, value),
    select: async (selector, value) => void (await page.selectOption(selector, value)),
    click: (selector) => page.click(selector),
    waitFor: async (selector) => void (await page.waitForSelector(selector)),
    text: async (selector) => (await page.textContent(selector)) ?? '',
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    url: () => page.url(),
  };
}
