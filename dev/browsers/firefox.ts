import { randomUUID } from 'node:crypto';
import puppeteer, { TimeoutError, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../scripts/extension-identity';
import { findBrowser } from '../../scripts/find-browser';
import { startDisplay, type Display } from './display';
import type { ExtensionBrowser, LaunchOptions, PageDriver } from './extension-browser';
import { driveFirefoxView } from './firefox-extension-view';
import { openFirefoxToolbarPopup } from './firefox-toolbar-popup';
import { answerFirefoxPrompt, firefoxPanels } from './permission-prompt';
import { DIST_FIREFOX, POPUP_PATH } from './paths';

type FirefoxApi = { browser: { extension: { getViews(filter: { type: string }): object[] } } };

/**
 * Firefox (Debian's ESR, or FIREFOX_PATH) with the built extension installed as a temporary
 * add-on, driven by Puppeteer over WebDriver BiDi. Also serves `npm run start:firefox`.
 */
export async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const { ownSignals = false, extensionDir = DIST_FIREFOX, realPermissionPrompts = false } = options;
  if (realPermissionPrompts && (options.grantOptionalPermissions || options.headless === true)) {
    throw new Error('realPermissionPrompts shows the real prompt in a headful browser: not with grantOptionalPermissions or headless: true');
  }
  const headless = !realPermissionPrompts && (options.headless ?? true);
  // Firefox gives each add-on a random internal UUID per profile; fixing it makes moz-extension:// URLs known.
  const uuid = randomUUID();
  // The prompt is answered with keys sent to an X display of the harness's own; without a window
  // manager, Firefox's panels (the prompt among them) close as soon as the pointer enters them.
  const display: Display | undefined = realPermissionPrompts ? await startDisplay({ windowManager: true }) : undefined;
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: findBrowser('firefox'),
      headless,
      defaultViewport: headless ? undefined : null,
      ...(display ? { env: { ...process.env, DISPLAY: display.name } } : {}),
      handleSIGINT: !ownSignals,
      handleSIGTERM: !ownSignals,
      handleSIGHUP: !ownSignals,
      // Without it, WebDriver BiDi refuses to navigate to moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        ...(options.grantOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
      },
    })
    .catch(async (error: unknown) => {
      await display?.close();
      throw error;
    });
  const closed = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
  // However the browser goes, its display goes with it.
  if (display) void closed.then(() => display.close());
  await browser.installExtension(extensionDir);
  const origin = `moz-extension://${uuid}/`;
  /**
   * The panels Firefox showed just before the driver's last click, and when it clicked: a prompt
   * that click brings is a panel not among them.
   */
  let beforeClick: { panels: Set<string>; at: number } | undefined;
  const clicking = display ? async () => void (beforeClick = { panels: await firefoxPanels(display), at: Date.now() }) : undefined;
  const driveHere = (page: Page) => drive(page, clicking);
  /** The extension's page from which its toolbar popup is opened and reached. */
  let helper: Page | undefined;
  /**
   * Opens a page of the extension in the first blank tab, or a new one. Puppeteer goes on saying
   * about:blank for a tab it took to a moz-extension:// page, so that "blank" tab may be a page
   * opened before, which is then opened again; `newTab` avoids it.
   */
  async function openExtensionPage(path: string, newTab = false): Promise<Page> {
    const url = `${origin}${path}`;
    for (let attempt = 1; ; attempt++) {
      const blank = attempt === 1 && !newTab ? (await browser.pages()).find((p) => p.url() === 'about:blank') : undefined;
      const page = blank ?? (await browser.newPage());
      // page.goto never resolves for moz-extension:// (puppeteer #14314): wait for the page itself.
      page.goto(url).catch(() => {});
      try {
        await page.waitForFunction((expected) => location.href === expected && document.readyState === 'complete', {}, url);
        // The tab a person works in is the one in front; a headful Firefox does not count elements
        // of a background tab as visible, so a click there would wait for ever.
        await page.bringToFront();
        return page;
      } catch (error) {
        // Now and then a check lands just as the tab moves from about:blank into the extension's
        // process; BiDi fails it ("right-hand side of 'in' should be an object, got null") and the
        // tab stays unreadable. That says nothing about the page: open it again in a new tab.
        await page.close().catch(() => {});
        if (error instanceof TimeoutError || attempt === 3) throw error;
      }
    }
  }
  const extension: ExtensionBrowser = {
    name: 'firefox',
    origin,
    version: async () => `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    openPage: async (path) => driveHere(await openExtensionPage(path)),
    async openUrl(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return driveHere(page);
    },
    async openPopup() {
      const popup = await extension.openPage(POPUP_PATH);
      await popup.waitFor('html[data-ready]');
      return popup;
    },
    async openToolbarPopup() {
      if (!display) throw new Error('openToolbarPopup: in Firefox, launch the browser with realPermissionPrompts: true (the popup is clicked on the screen)');
      // In a tab of its own, not over a page the test holds.
      if (!helper || helper.isClosed()) helper = await openExtensionPage(POPUP_PATH, true);
      return openFirefoxToolbarPopup(helper, display, origin, POPUP_PATH, clicking!);
    },
    async openViewFrom(from, selector, where) {
      if (!display || !clicking) throw new Error('openViewFrom: in Firefox, launch the browser with realPermissionPrompts: true (the view is clicked on the screen)');
      if (!helper || helper.isClosed()) helper = await openExtensionPage(POPUP_PATH, true);
      // A tab the extension opens is told from those open before by a mark these carry.
      if (where === 'tab') await helper.evaluate(() => (globalThis as unknown as FirefoxApi).browser.extension.getViews({ type: 'tab' }).forEach((view) => ((view as { lensSeen?: boolean }).lensSeen = true)));
      await from.click(selector);
      const view =
        where === 'panel'
          ? { name: 'sidebar', find: "browser.extension.getViews({ type: 'sidebar' })[0]", windowClass: 'Navigator' as const }
          : { name: 'tab the click opened', find: "browser.extension.getViews({ type: 'tab' }).find((view) => !view.lensSeen)", windowClass: 'Navigator' as const };
      return driveFirefoxView(helper, display, `${origin}${POPUP_PATH}`, view, clicking);
    },
    windowUrls: async () => browser.targets().map((t) => `${t.type()} ${t.url()}`),
    async findWindow(fragment) {
      const page = await browser.targets().find((t) => t.url().includes(fragment))?.page();
      return page ? driveHere(page) : undefined;
    },
    async waitForWindow(fragment) {
      const target = await browser.waitForTarget((t) => t.url().includes(fragment));
      const page = await target.page();
      if (!page) throw new Error(`No page for window ${target.url()}`);
      return driveHere(page);
    },
    async answerPermissionPrompt(answer) {
      if (!display) throw new Error('answerPermissionPrompt: launch the browser with realPermissionPrompts: true');
      await answerFirefoxPrompt(display, answer, beforeClick?.panels ?? new Set(), beforeClick?.at);
    },
    closed,
    async close() {
      await browser.close();
      await display?.close();
    },
  };
  return extension;
}

// Page scripts are source text, not functions: tsx (npm run bench, npm start) compiles named inner
// functions with a __name helper the page does not have.

// Resolves once the element is in the page, shown and enabled, polled with timers: Puppeteer's own
// waits poll on animation frames, which a second headless Firefox on a busy machine was seen to
// hold back for 30 s.
const READY_TO_CLICK = `(selector) => new Promise((resolve, reject) => {
  const started = Date.now();
  const check = () => {
    const el = document.querySelector(selector);
    if (el && !el.disabled && el.getClientRects().length > 0) resolve();
    else if (Date.now() - started > 30000) reject(new Error('not shown and enabled within 30 s'));
    else setTimeout(check, 50);
  };
  check();
})`;

// Scrolls the element into view, resolves once its box has stayed put for three 50 ms looks (3 s
// at most), and arms a record of the click it is about to get: whether it reached the element, and
// where the pointer went down.
const SETTLE_AND_ARM = `(selector) => new Promise((resolve) => {
  const el = document.querySelector(selector);
  if (!el) return resolve();
  const record = (globalThis.__lensClick = { hit: false, down: null });
  el.addEventListener('click', () => (record.hit = true), { once: true, capture: true });
  addEventListener('pointerdown', (event) => {
    const t = event.target;
    record.down = { x: event.clientX, y: event.clientY, target: t && t.nodeType === 1 ? t.outerHTML.slice(0, 80) : String(t) };
  }, { once: true, capture: true });
  el.scrollIntoView({ block: 'center' });
  let last = JSON.stringify(el.getBoundingClientRect());
  let still = 0;
  const started = Date.now();
  const check = () => {
    const now = JSON.stringify(el.getBoundingClientRect());
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= 3 || Date.now() - started > 3000) resolve();
    else setTimeout(check, 50);
  };
  setTimeout(check, 50);
})`;

// What the armed record saw, with the element's box now; undefined when the page is gone (a click
// may close it).
const CLICK_RECORD = `(selector) => {
  const el = document.querySelector(selector);
  const r = el && el.getBoundingClientRect();
  return { ...globalThis.__lensClick, rect: r ? [r.x, r.y, r.width, r.height] : null };
}`;

/**
 * A PageDriver for a Puppeteer page. `click` resolves once the click is done, not once what it
 * started is (a click that opens the permission prompt returns while the prompt is shown);
 * `clicking` runs just before each.
 */
export function drive(page: Page, clicking?: () => Promise<void>): PageDriver {
  return {
    async fill(selector, value) {
      // Puppeteer 24's Locator.fill over BiDi does not always replace what the field holds:
      // fill('') leaves it as it was, and a headful Firefox has been seen appending to it. So the
      // field is cleared as a person would, with the keyboard, before anything is typed.
      await page.focus(selector);
      await page.$eval(selector, (field) => (field as HTMLInputElement).select());
      await page.keyboard.press('Backspace');
      // Typed into the focused field, as a person types: the locator's fill waits on the same
      // rendering checks as its click (see below).
      if (value !== '') await page.keyboard.type(value);
    },
    select: async (selector, value) => void (await page.select(selector, value)),
    click: async (selector) => {
      await clicking?.();
      try {
        await page.evaluate(`(${READY_TO_CLICK})(${JSON.stringify(selector)})`);
        for (let attempt = 1; ; attempt++) {
          await page.evaluate(`(${SETTLE_AND_ARM})(${JSON.stringify(selector)})`);
          const handle = await page.$(selector);
          const element = (handle as unknown as { remoteValue(): { sharedId?: string } } | null)?.remoteValue();
          if (!element?.sharedId) throw new Error('the element left the page before it was clicked');
          try {
            // Aimed at the element itself (WebDriver BiDi's element origin): Firefox finds its
            // centre as it dispatches the click. Aimed at coordinates read a moment before, a click
            // now and then landed where the button had been, off the screen.
            await page.mouse.click(0, 0, { origin: { type: 'element', element: { sharedId: element.sharedId } } } as never);
            break;
          } catch (error) {
            // Headless Firefox now and then scrolls back to a field just typed into, after the
            // element had settled in view (a button seen 367 px lower than where it had been
            // scrolled). Refused as "out of bounds", nothing was dispatched: scroll and aim again.
            if (attempt === 3 || !String(error).includes('out of bounds')) throw error;
            console.warn(`click(${selector}): aimed again after ${String(error).split('\n')[0]}`);
          }
        }
      } catch (error) {
        // The wait says only that it timed out; what the element looked like says why.
        const state = await page
          .evaluate((s) => {
            const el = document.querySelector(s) as HTMLButtonElement | null;
            if (!el) return 'not in the page';
            const r = el.getBoundingClientRect();
            return JSON.stringify({ disabled: el.disabled, rect: [r.x, r.y, r.width, r.height], viewport: [innerWidth, innerHeight], visibility: document.visibilityState, focus: document.hasFocus(), text: el.textContent });
          }, selector)
          .catch((e: Error) => `unreadable: ${e.message}`);
        throw new Error(`click(${selector}) failed (${error instanceof Error ? error.message : String(error)}); the element: ${state}`, { cause: error });
      }
      // A click that did not reach its element is the harness's miss, not the extension's: say
      // where the pointer went down, so that it is fixed here rather than waited out.
      const record = (await page.evaluate(`(${CLICK_RECORD})(${JSON.stringify(selector)})`).catch(() => undefined)) as { hit?: boolean } | undefined;
      if (record && record.hit === false) throw new Error(`click(${selector}) did not reach the element: ${JSON.stringify(record)}`);
    },
    waitFor: async (selector) => void (await page.waitForSelector(selector)),
    text: async (selector) => (await page.$eval(selector, (el) => el.textContent)) ?? '',
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    url: () => page.url(),
    async chooseFile(selector, path) {
      const input = await page.waitForSelector(selector);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
    },
    async screenshot(path, size) {
      await page.setViewport(size);
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
  };
}
