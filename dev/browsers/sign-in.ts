import { DEMO_ACCOUNT } from '../../src/core';
import type { ExtensionBrowser, PageDriver } from './extension-browser';

const LOGIN = 'input[name=login]';
const CONSENT = 'form[action$="/confirm"] button[type=submit]';

/** Clicks through the bundled server's sign-in and consent pages, as a person would. */
export async function signInAndConsent(browser: Pick<ExtensionBrowser, 'waitForWindow'>): Promise<void> {
  await signInOn(await browser.waitForWindow(SIGN_IN_WINDOW));
}

export const SIGN_IN_WINDOW = '/interaction/';

/** The same, on a sign-in window already found. */
export async function signInOn(window: PageDriver): Promise<void> {
  await window.waitFor(`${LOGIN}, ${CONSENT}`);
  if (await has(window, LOGIN)) {
    await window.fill(LOGIN, DEMO_ACCOUNT.login);
    await window.fill('input[name=password]', DEMO_ACCOUNT.password);
    await window.click('form button[type=submit]');
    await window.waitFor(CONSENT);
  }
  // A grant from an earlier run may make consent unnecessary: then the window has already closed.
  await window.click(CONSENT);
}

function has(window: PageDriver, selector: string): Promise<boolean> {
  return window.evaluate((s) => document.querySelector(s) !== null, selector);
}
