import type { Page } from 'puppeteer-core';
import type { Display, ScreenWindow } from './display';
import { sleep } from './display';
import type { PageDriver } from './extension-browser';
import { setField } from './set-field';

/** How long waitFor waits, as Puppeteer's own default. */
const WAIT_MS = 30_000;

/**
 * A view of the extension that WebDriver BiDi does not see as a tab (the toolbar popup, the
 * sidebar) or did not open (a tab the extension opened): `find` is a script expression, run in a
 * page of the extension, that yields the view's window (`browser.extension.getViews(…)`).
 */
export type FirefoxView = {
  name: string;
  find: string;
  /** The X class name of the window that shows it: `Firefox` for the toolbar popup's panel, `Navigator` for a browser window. */
  windowClass: 'Firefox' | 'Navigator';
};

/**
 * Drives a view of the extension from `helper`, a page of the extension in a tab, once the view
 * has rendered (`html[data-ready]`) and is on the screen. The same extension process and origin,
 * so the helper may read and write the view's document. Scripts of the driver's `evaluate` run in
 * the helper with the view's window as their scope (`with`), so `document`, `browser` or
 * `globalThis` are the view's. Clicks are real: xdotool moves the pointer to the element on the
 * screen (the view's mozInnerScreenX/Y plus its place in the page) and clicks there, a user
 * gesture as a person's is. `fill` and `select` set the value and send the input and change
 * events from script.
 */
export async function driveFirefoxView(helper: Page, display: Display, url: string, view: FirefoxView, clicking: () => Promise<void>): Promise<PageDriver> {
  const { name } = view;

  /** Runs `fn(...args)` with the view's window as its scope; rejects when the view is closed. */
  async function inView<T>(fn: (...args: never[]) => unknown, ...args: unknown[]): Promise<T> {
    const passed = JSON.stringify(args.at(-1) === undefined ? args.slice(0, -1) : args);
    // Sloppy-mode script, evaluated as given by BiDi (the extension's CSP does not apply to it).
    const script = `(() => {
      const view = ${view.find};
      if (!view) throw new Error(${JSON.stringify(`the ${view.name} is closed`)});
      with (view) { return (${fn.toString()})(...${passed}); }
    })()`;
    return (await helper.evaluate(script)) as T;
  }
  /**
   * Where `selector` (default: the view's top left corner) is on the screen, once a window
   * of Firefox that is shown covers it. A panel is placed after its page has rendered, so this is asked
   * again until it holds.
   */
  async function onScreen(selector?: string): Promise<{ x: number; y: number }> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const { x, y } = await inView<{ x: number; y: number }>((s?: string) => {
        const element = s ? document.querySelector(s)! : undefined;
        element?.scrollIntoView({ block: 'center', inline: 'center' });
        const box = element?.getBoundingClientRect() ?? { x: 0, y: 0, width: 2, height: 2 };
        const scale = devicePixelRatio;
        return { x: (mozInnerScreenX + box.x + box.width / 2) * scale, y: (mozInnerScreenY + box.y + box.height / 2) * scale };
      }, selector);
      const covers = (w: ScreenWindow) => x >= w.x && x < w.x + w.width && y >= w.y && y < w.y + w.height;
      if ((await display.windows({ classname: `^${view.windowClass}$` })).some(covers)) return { x, y };
      if (Date.now() > deadline) throw new Error(`${name}: not shown on the screen (at ${x},${y}) within ${WAIT_MS / 1000} s`);
      await sleep(100);
    }
  }
  async function waitFor(selector: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!(await inView<boolean>((s: string) => document.querySelector(s) !== null, selector))) {
      if (Date.now() > deadline) throw new Error(`${name}: ${selector} did not appear within ${WAIT_MS / 1000} s`);
      await sleep(100);
    }
  }

  // The view's page comes a moment after what opened it (openPopup resolves first), and renders
  // before it is on the screen: a click then would land on what is behind it.
  for (const deadline = Date.now() + WAIT_MS; ; await sleep(100)) {
    const opened = await inView(() => true).catch(() => false);
    if (opened) break;
    if (Date.now() > deadline) throw new Error(`${name}: not opened within ${WAIT_MS / 1000} s`);
  }
  await waitFor('html[data-ready]');
  await onScreen();
  return {
    async fill(selector, value) {
      await waitFor(selector);
      await inView(setField, selector, value);
    },
    async select(selector, value) {
      await waitFor(selector);
      await inView(setField, selector, value);
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
      return inView<string>((s: string) => document.querySelector(s)!.textContent ?? '', selector);
    },
    evaluate: (fn, arg) => inView(fn as (...args: never[]) => unknown, arg),
    url: () => url,
    async close() {
      await inView(() => close()).catch(() => {});
    },
  };
}

declare const mozInnerScreenX: number;
declare const mozInnerScreenY: number;
