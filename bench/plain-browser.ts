import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../scripts/find-browser';
import { drive as driveChromiumPage, QUIET_FLAGS } from '../dev/browsers/chromium';
import type { ExtensionBrowser } from '../dev/browsers/extension-browser';
import { drive as driveFirefoxPage } from '../dev/browsers/firefox';

/** A browser without the extension, for the baseline: only what a bench needs of the harness's drivers. */
export type PlainBrowser = Pick<ExtensionBrowser, 'openUrl' | 'close'>;

/** Debian's Chromium with the harness's flags, minus the extension. */
export async function launchPlainChromium(): Promise<PlainBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'oauth-lens-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chrome'),
    headless: true,
    args: QUIET_FLAGS,
  });
  return {
    async openUrl(url) {
      const page = await context.newPage();
      await page.goto(url);
      return driveChromiumPage(page);
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Debian's Firefox ESR, driven as the harness drives it, with no add-on installed. */
export async function launchPlainFirefox(): Promise<PlainBrowser> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: findBrowser('firefox'), headless: true });
  return {
    async openUrl(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return driveFirefoxPage(page);
    },
    close: () => browser.close(),
  };
}
