import type { BrowserContext, CDPSession } from 'playwright-core';
import type { PageDriver } from './extension-browser';
import { sleep } from './display';
import { setField } from './set-field';

/** How long waitFor waits, as Playwright's own default. */
const WAIT_MS = 30_000;
/** How long one protocol message may go unanswered: a live view answers in milliseconds. */
const MESSAGE_MS = 45_000;

/**
 * Opens the extension's real toolbar popup in Chromium, the one a click on its toolbar button
 * opens (not a tab): `chrome.action.openPopup()` from the service worker, which needs no user
 * gesture there. Resolves once the popup has rendered (`html[data-ready]`).
 *
 * Playwright does not attach to an extension's popup (microsoft/playwright#5593), so the popup is
 * driven over the DevTools protocol directly: a session of its own on the popup's target, from a
 * browser-level session of Playwright's. Clicks are real mouse events (Input.dispatchMouseEvent),
 * so they count as the user gesture permissions.request needs; text is typed with Input.insertText.
 *
 * The popup closes when another window or the permission prompt takes focus, as it does for a
 * person; every call of its driver then fails with "the toolbar popup is closed". That is the
 * point of driving the real popup: what the popup does after the prompt shows never runs.
 */
export async function openChromiumToolbarPopup(context: BrowserContext, origin: string, path: string): Promise<PageDriver> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(origin));
  if (!worker) throw new Error("openToolbarPopup: the extension's service worker is not running (open one of its pages first to wake it)");
  const open = () => worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
  return attachNewView(context, `${origin}${path}`, open, 'chrome.action.openPopup() resolved, but no popup appeared');
}

/**
 * Drives the extension page at `url` that `open` shows somewhere Playwright does not reach (the
 * toolbar popup, the side panel), once it has rendered: the first target with that URL that was
 * not there before. The driver works as the toolbar popup's does (real input events).
 */
export async function attachNewView(context: BrowserContext, url: string, open: () => Promise<unknown>, notShown: string): Promise<PageDriver> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  try {
    // A page, or a frame of its own process (a DevTools panel is one inside the DevTools window).
    const views = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => (t.type === 'page' || t.type === 'iframe' || t.type === 'other') && t.url === url);
    const before = new Set((await views()).map((t) => t.targetId));
    await open();
    let targetId: string | undefined;
    for (const deadline = Date.now() + 10_000; !targetId && Date.now() < deadline; await sleep(100)) {
      targetId = (await views()).find((t) => !before.has(t.targetId))?.targetId;
    }
    if (!targetId) throw new Error(`${notShown} within 10 s`);
    const view = await attach(cdp, targetId, url);
    await view.waitFor('html[data-ready]');
    return view;
  } catch (error) {
    await cdp.detach().catch(() => {});
    throw error;
  }
}

type Reply = { result?: unknown; error?: { message: string } };

/** A PageDriver over one target's own DevTools session, its messages carried by the browser session. */
export async function attach(cdp: CDPSession, targetId: string, url: string): Promise<PageDriver> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let lastId = 0;
  let closed = false;
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  const gone = () => new Error(`the toolbar popup is closed (it closes when a window or the permission prompt takes focus): ${url}`);
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as Reply & { id?: number };
    if (message.id === undefined) return;
    pending.get(message.id)?.resolve(message);
    pending.delete(message.id);
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    closed = true;
    for (const { reject } of pending.values()) reject(gone());
    pending.clear();
    void cdp.detach().catch(() => {});
  });

  const send = <T>(method: string, params: object = {}): Promise<T> => {
    if (closed) return Promise.reject(gone());
    const id = ++lastId;
    return new Promise<Reply>((resolve, reject) => {
      // A view that stops answering must fail its test with the call it stopped at, not hang it.
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method} got no answer within ${MESSAGE_MS / 1000} s from ${url}`));
      }, MESSAGE_MS);
      pending.set(id, { resolve: (reply) => (clearTimeout(timer), resolve(reply)), reject: (error) => (clearTimeout(timer), reject(error)) });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: Error) => {
        clearTimeout(timer);
        pending.delete(id);
        reject(closed ? gone() : error);
      });
    }).then((reply) => {
      if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
      return reply.result as T;
    });
  };

  type Evaluated = { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  async function run<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await send<Evaluated>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }
  // Arguments travel as JSON; an undefined one is left out rather than turned into null.
  const call = <T>(fn: (...args: never[]) => unknown, ...args: unknown[]) =>
    run<T>(`(${fn.toString()})(...${JSON.stringify(args.at(-1) === undefined ? args.slice(0, -1) : args)})`);

  async function waitFor(selector: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!(await call<boolean>((s: string) => document.querySelector(s) !== null, selector))) {
      if (Date.now() > deadline) throw new Error(`toolbar popup: ${selector} did not appear within ${WAIT_MS / 1000} s`);
      await sleep(100);
    }
  }
  /**
   * Waits for the element, scrolls it into view and gives its centre, in the view's viewport, once
   * the element is what lies there: a view still laying out (a chunk arriving, a label changing)
   * moves its buttons, and a click aimed a moment before would land beside them.
   */
  async function centre(selector: string): Promise<{ x: number; y: number }> {
    await waitFor(selector);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const aimed = await call<{ x: number; y: number; hit: boolean }>(async (s: string) => {
        const element = document.querySelector(s)!;
        element.scrollIntoView({ block: 'center', inline: 'center' });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const box = element.getBoundingClientRect();
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        const there = document.elementFromPoint(x, y);
        return { x, y, hit: there !== null && (there === element || element.contains(there)) };
      }, selector);
      if (aimed.hit || Date.now() > deadline) return aimed;
      await sleep(100);
    }
  }

  return {
    async fill(selector, value) {
      await waitFor(selector);
      await call((s: string) => {
        const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(s)!;
        field.focus();
        field.select();
      }, selector);
      // Typed over the selection, as a person would: input events and all. An empty value deletes it.
      if (value) await send('Input.insertText', { text: value });
      else await send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Delete', code: 'Delete', windowsVirtualKeyCode: 46 });
    },
    async select(selector, value) {
      await waitFor(selector);
      await call(setField, selector, value);
    },
    // Resolves once the click is delivered, not once its consequences are: a click that opens the
    // permission prompt returns while the prompt is shown (and the popup is closing).
    async click(selector) {
      const { x, y } = await centre(selector);
      await send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
      await send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', buttons: 1, clickCount: 1 });
      // A click that asks for a permission closes the popup, sometimes before the release's own
      // reply comes back: the click was made all the same.
      await send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', buttons: 0, clickCount: 1 }).catch((error: Error) => {
        if (!closed) throw error;
      });
    },
    waitFor,
    text: async (selector) => {
      await waitFor(selector);
      return call<string>((s: string) => document.querySelector(s)!.textContent ?? '', selector);
    },
    evaluate: (fn, arg) => call(fn as (...args: never[]) => unknown, arg),
    url: () => url,
    async close() {
      if (!closed) await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
    },
  };
}
