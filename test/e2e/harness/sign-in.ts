import { DEMO_ACCOUNT } from '../../../src/core';
import type { ExtensionBrowser } from './extension-browser';

/** Clicks through the bundled server's sign-in and consent pages, as a person would. */
export async function signInAndConsent(browser: Pick<ExtensionBrowser, 'waitForWindow'>): Promise<void> {
  const window = await browser.waitForWindow('/interaction/');
  await window.waitFor('input[name=login]');
  await window.fill('input[name=login]', DEMO_ACCOUNT.login);
  await window.fill('input[name=password]', DEMO_ACCOUNT.password);
  await window.click('form button[type=submit]');
  await window.waitFor('form[action$="/confirm"] button[type=submit]');
  await window.click('form[action$="/confirm"] button[type=submit]');
}
