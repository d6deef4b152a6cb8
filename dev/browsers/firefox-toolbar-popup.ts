import type { Page } from 'puppeteer-core';
import type { Display } from './display';
import type { PageDriver } from './extension-browser';
import { driveFirefoxView } from './firefox-extension-view';

/**
 * Opens the extension's real toolbar popup in Firefox, the panel its toolbar button opens (not a
 * tab): `browser.action.openPopup()`, called from `helper`, a page of the extension in a tab.
 * Resolves once the popup has rendered (`html[data-ready]`). Needs the harness's display.
 *
 * WebDriver BiDi does not see an extension's popup (it is no tab), so the popup is reached from
 * the helper, through `browser.extension.getViews({ type: 'popup' })` (driveFirefoxView), and
 * clicked on the screen.
 *
 * Unlike Chromium's, Firefox's popup stays open under the permission prompt (with a window
 * manager), and a request made from it resolves once the prompt is answered.
 */
export async function openFirefoxToolbarPopup(helper: Page, display: Display, origin: string, path: string, clicking: () => Promise<void>): Promise<PageDriver> {
  await helper.evaluate(async () => {
    type Api = { action: { openPopup(): Promise<void> } };
    await (globalThis as unknown as { browser: Api }).browser.action.openPopup();
  });
  return driveFirefoxView(helper, display, `${origin}${path}`, { name: 'toolbar popup', find: "browser.extension.getViews({ type: 'popup' })[0]", windowClass: 'Firefox' }, clicking);
}
