import type { FlowRun } from '../../src/core';
import type { ExtensionBrowser, PageDriver } from './extension-browser';
import { SIGN_IN_WINDOW, signInOn } from './sign-in';

/**
 * What a person accepts when Run first asks to reach the bundled server on 127.0.0.1: its token
 * requests go as a server's, without an Origin header, which needs the host. A fast path for the
 * tests about other things; test/e2e/real-providers.test.ts crosses the real prompt.
 */
export const LOOPBACK_RUN_GRANT = { permissions: [], origins: ['http://127.0.0.1/*'] };

/** The popup, on its Flow tab. */
export async function openFlowTab(browser: ExtensionBrowser): Promise<PageDriver> {
  const popup = await browser.openPopup();
  await popup.click('[role=tab][data-tab=flow]');
  return popup;
}

/** Types into the profile form by field name; select fields are chosen, others filled. */
export async function fillProfile(popup: PageDriver, fields: Record<string, string>): Promise<void> {
  // Endpoints and redirect overrides sit in collapsed sections, as a person would open them.
  await popup.evaluate(() => document.querySelectorAll('form.profile details').forEach((d) => ((d as HTMLDetailsElement).open = true)), undefined);
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'clientAuth' || name === 'pkce' || name === 'tokenRequestsAs') await popup.select(`select[name=${name}]`, value);
    else await popup.fill(`form.profile [name=${name}]`, value);
  }
  // A field that does not read back what was typed would make the run fail for a reason of the
  // harness's own, far from here: say so at once.
  const shown = await popup.evaluate(
    (names) => Object.fromEntries(names.map((name) => [name, (document.querySelector(`form.profile [name=${name}]`) as HTMLInputElement | null)?.value])),
    Object.keys(fields),
  );
  const wrong = Object.entries(fields).filter(([name, value]) => shown[name] !== value);
  if (wrong.length > 0) throw new Error(`fillProfile: ${wrong.map(([name, value]) => `${name} shows ${JSON.stringify(shown[name])}, not ${JSON.stringify(value)}`).join('; ')}`);
}

const FINISHED = '[data-testid=flow-result]:not([data-status=running])';

/**
 * Presses Run and waits for the result, signing in when the server asks: with a session left
 * by an earlier run, the bundled server redirects back at once and no window appears.
 */
export async function run(browser: ExtensionBrowser, popup: PageDriver): Promise<FlowRun> {
  const before = (await lastRun(popup))?.id;
  await popup.click('form.profile button[type=submit]');
  return followRun(browser, popup, before);
}

/**
 * After Run was pressed (and any permission prompt answered): signs in if a window asks, and
 * waits until `page` shows a run other than `before` finished. `page` may be another page of the
 * extension than the one that pressed Run (a toolbar popup closed under the prompt, say).
 */
export async function followRun(browser: ExtensionBrowser, page: PageDriver, before: string | undefined): Promise<FlowRun> {
  // Poll rather than wait for a window: a waiter left behind by a run that needed none would
  // later grab the next run's window and click it twice.
  let finished = false;
  let signedIn = 'no sign-in window was seen';
  const done = page.waitFor(FINISHED).then(
    () => void (finished = true),
    (error: unknown) => error,
  );
  while (!finished) {
    const window = await browser.findWindow(SIGN_IN_WINDOW);
    if (window) {
      signedIn = `signed in on ${window.url()}`;
      await signInOn(window);
      break;
    }
    if ((await Promise.race([done, new Promise((resolve) => setTimeout(() => resolve('poll'), 100))])) !== 'poll') break;
  }
  const failed = await done;
  if (failed) {
    // Say where it stopped: a window never found, a sign-in that went nowhere, or a run still going.
    const latest = await lastRun(page).catch(() => undefined);
    const state = latest ? `${latest.status}${latest.failure ? ` (${latest.failure.message})` : ''}` : 'none';
    throw new Error(`The run did not finish: ${signedIn}; the last run is ${state}; windows: ${(await browser.windowUrls()).join(', ')}`, { cause: failed });
  }
  for (let i = 0; i < 50; i++) {
    const latest = await lastRun(page);
    if (latest && latest.id !== before && latest.status !== 'running') return latest;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('No new finished run was recorded.');
}

/** Clicks an action of the last run (data-action) and waits for its exchange to be recorded. */
export async function act(popup: PageDriver, action: string): Promise<FlowRun> {
  const count = (await lastRun(popup))?.exchanges.length ?? 0;
  await popup.click(`[data-testid=flow-result] button[data-action=${action}]`);
  for (let i = 0; i < 100; i++) {
    const latest = await lastRun(popup);
    if (latest && latest.exchanges.length > count) {
      // The exchange is saved before the answer is applied (new tokens, say): wait for the popup to finish.
      await popup.waitFor('[data-testid=flow-result]:not([data-busy])');
      return (await lastRun(popup))!;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The action ${action} recorded no exchange.`);
}

type Storage = { get(keys: null | string): Promise<Record<string, unknown>> };
type Api = { storage: { session: Storage; local: Storage } };

export function storageOf(popup: PageDriver, area: 'session' | 'local'): Promise<Record<string, unknown>> {
  return popup.evaluate(async (which) => {
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return api.storage[which].get(null);
  }, area);
}

export async function lastRun(popup: PageDriver): Promise<FlowRun | undefined> {
  return ((await storageOf(popup, 'session')).flowRuns as FlowRun[] | undefined)?.[0];
}

/**
 * Copies one recorded request of the last run (its index in `exchanges`) as the person would:
 * opens its step in the timeline, ticks "Copy with secrets", clicks the snippet's button. Returns
 * what went to the clipboard, caught on its way there (Firefox gives a test no way to read the
 * clipboard back).
 */
export async function copySnippet(popup: PageDriver, index: number, kind: 'curl' | 'php' | 'fetch'): Promise<string> {
  const entry = `[data-testid=flow-result] section.exchanges li[data-exchange="${index}"]`;
  await popup.waitFor(`${entry} details`);
  await catchCopies(popup);
  await popup.evaluate((selector) => ((document.querySelector(`${selector} details`) as HTMLDetailsElement).open = true), entry);
  if (!(await popup.evaluate(() => (document.querySelector('input[name=copyWithSecrets]') as HTMLInputElement).checked, undefined))) {
    await popup.click('input[name=copyWithSecrets]');
  }
  await popup.click(`${entry} button[data-snippet=${kind}]`);
  return (await copiedTexts(popup, 1))[0]!;
}

/** From here on, what `page` writes to the clipboard is kept on its way there, for copiedTexts. */
export async function catchCopies(page: PageDriver): Promise<void> {
  await page.evaluate(() => {
    const scope = globalThis as unknown as { copied: string[] };
    scope.copied = [];
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => (scope.copied.push(text), write(text));
  }, undefined);
}

/** What `page` copied since catchCopies, once it has copied `count` times (5 s at most). */
export async function copiedTexts(page: PageDriver, count: number): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const texts = await page.evaluate(() => (globalThis as unknown as { copied: string[] }).copied, undefined);
    if (texts.length >= count) return texts;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Fewer than ${count} copies were made.`);
}
