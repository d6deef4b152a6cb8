import type { Page } from 'puppeteer-core';
import type { Display, ScreenWindow } from './display';
import { sleep } from './display';
import type { PageDriver } from './extension-browser';
import { setField } from './set-field';

/** How long waitFor waits, as Puppeteer's own default. */
const WAIT_MS = 30_000;

/**
 * Opens the extension's real toolbar popup in Firefox, the panel its toolbar button opens (not a
 * tab): `browser.action.openPopup()`, called from `helper`, a page of the extension in a tab.
 * Resolves once the popup has rendered (`html[data-ready]`). Needs the harness's display.
 *
 * WebDriver BiDi does not see an extension's popup (it is no tab), so the popup is reached from
 * the helper, through `browser.extension.getViews({ type: 'popup' })`: the same extension process
 * and origin, so the helper may read and write its document. Scripts of the driver's `evaluate`
 * run in the helper with the popup's window as their scope (`with`), so `document`, `browser` or
 * `globalThis` are the popup's. Clicks are real: xdotool moves the pointer to the element on the
 * screen (the popup's mozInnerScreenX/Y plus its place in the page) and clicks there, a user
 * gesture as a person's is. `fill` and `select` set the value and send the input and change
 * events from script.
 *
 * Unlike Chromium's, Firefox's popup stays open under the permission prompt (with a window
 * manager), and a request made from it resolves once the prompt is answered.
 */
export async function openFirefoxToolbarPopup(helper: Page, display: Display, origin: string, path: string, clicking: () => Promise<void>): Promise<PageDriver> {
  const url = `${origin}${path}`;
  await helper.evaluate(async () => {
    type Api = { action: { openPopup(): Promise<void> } };
    await (globalThis as unknown as { browser: Api }).browser.action.openPopup();
  });

  /** Runs `fn(...args)` with the popup's window as its scope; rejects when the popup is closed. */
  async function inPopup<T>(fn: (...args: never[]) => unknown, ...args: unknown[]): Promise<T> {
    const passed = JSON.stringify(args.at(-1) === undefined ? args.slice(0, -1) : args);
    // Sloppy-mode script, evaluated as given by BiDi (the extension's CSP does not apply to it).
    const script = `(() => {
      const view = browser.extension.getViews({ type: 'popup' })[0];
      if (!view) throw new Error('the toolbar popup is closed');
      with (view) { return (${fn.toString()})(...${passed}); }
    })()`;
    return (await helper.evaluate(script)) as T;
  }
  /**
   * Where `selector` (default: the popup's top left corner) is on the screen, once a panel window
   * that is shown covers it. The panel is placed after its page has rendered, so this is asked
   * again until it holds.
   */
  async function onScreen(selector?: string): Promise<{ x: number; y: number }> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const { x, y } = await inPopup<{ x: number; y: number }>((s?: string) => {
        const element = s ? document.querySelector(s)! : undefined;
        element?.scrollIntoView({ block: 'center', inline: 'center' });
        const box = element?.getBoundingClientRect() ?? { x: 0, y: 0, width: 2, height: 2 };
        const scale = devicePixelRatio;
        return { x: (mozInnerScreenX + box.x + box.width / 2) * scale, y: (mozInnerScreenY + box.y + box.height / 2) * scale };
      }, selector);
      const covers = (w: ScreenWindow) => x >= w.x && x < w.x + w.width && y >= w.y && y < w.y + w.height;
      if ((await display.windows({ classname: '^Firefox$' })).some(covers)) return { x, y };
      if (Date.now() > deadline) throw new Error(`toolbar popup: not shown on the screen (at ${x},${y}) within ${WAIT_MS / 1000} s`);
      await sleep(100);
    }
  }
  async function waitFor(selector: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!(await inPopup<boolean>((s: string) => document.querySelector(s) !== null, selector))) {
      if (Date.now() > deadline) throw new Error(`toolbar popup: ${selector} did not appear within ${WAIT_MS / 1000} s`);
      await sleep(100);
    }
  }

  // openPopup resolves before the popup's page is there, and the page renders before the panel
  // is on the screen: a click then would land on the tab behind it.
  for (const deadline = Date.now() + WAIT_MS; ; await sleep(100)) {
    const opened = await inPopup(() => true).catch(() => false);
    if (opened) break;
    if (Date.now() > deadline) throw new Error(`toolbar popup: browser.action.openPopup() resolved, but no popup opened within ${WAIT_MS / 1000} s`);
  }
  await waitFor('html[data-ready]');
  await onScreen();
  return {
    async fill(selector, value) {
      await waitFor(selector);
      await inPopup(setField, selector, value);
    },
    async select(selector, value) {
      await waitFor(selector);
      await inPopup(setField, selector, value);
    },
    // Resolves once the click is made, not once what it started is (the permission prompt).
    async click(selector) {
      await waitFor(selector);
      const { x, y } = await onScreen(selector);
      await clicking();
      await display.clickAt(x, y);
    },
    waitFor,
    async text(selector) {
      await waitFor(selector);
      return inPopup<string>((s: string) => document.querySelector(s)!.textContent ?? '', selector);
    },
    evaluate: (fn, arg) => inPopup(fn as (...args: never[]) => unknown, arg),
    url: () => url,
    async close() {
      await inPopup(() => close()).catch(() => {});
    },
  };
}

declare const mozInnerScreenX: number;
declare const mozInnerScreenY: number;
