import type { BrowserContext } from 'playwright-core';
import { sleep } from './display';
import type { PageDriver } from './extension-browser';
import { attach, attachNewView } from './chromium-toolbar-popup';
import { within } from './within';

const WAIT_MS = 30_000;

/**
 * Shows the extension's panel in the DevTools window (Chromium opened it with
 * --auto-open-devtools-for-tabs) and drives it. DevTools' own page is reached over the DevTools
 * protocol like any target; its views are named in `UI.panels`, an extension's by its origin, and
 * shown by DevTools' own API (`UI.viewManager.showView`, or `InspectorFrontendAPI.showPanel` in
 * other versions), which is what a click on the panel's name does. The panel is then a frame
 * target of its own, driven as the toolbar popup is.
 */
export async function openDevtoolsPanel(context: BrowserContext, panelUrl: string, opening: () => Promise<unknown>): Promise<PageDriver> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const devtoolsTargets = async () => (await within(cdp.send('Target.getTargets'), 10_000, 'Target.getTargets')).targetInfos.filter((t) => t.url.startsWith('devtools://'));
  // Every tab has a DevTools window of its own: the one wanted is the one the opened page brought.
  const before = new Set((await devtoolsTargets()).map((t) => t.targetId));
  await within(opening(), WAIT_MS, 'opening the page DevTools is to inspect');
  let targetId: string | undefined;
  let devtoolsUrl = '';
  for (const deadline = Date.now() + WAIT_MS; !targetId; await sleep(200)) {
    const found = (await devtoolsTargets()).find((t) => !before.has(t.targetId));
    if (found) ({ targetId, url: devtoolsUrl } = found);
    if (!targetId && Date.now() > deadline) throw new Error('openDevtoolsPanel: the page opened no DevTools window within 30 s (launched with devtools: true?)');
  }
  const devtools = await within(attach(cdp, targetId, devtoolsUrl), 10_000, 'attaching to the DevTools window');
  // URL's origin is "null" for chrome-extension: URLs in Node: the scheme and host, read by hand.
  const origin = /^[a-z-]+:\/\/[^/]+/.exec(panelUrl)?.[0] ?? panelUrl;
  let panel: string | undefined;
  for (const deadline = Date.now() + WAIT_MS; !panel; await sleep(200)) {
    panel = await devtools
      .evaluate((prefix) => {
        const ui = (globalThis as { UI?: { panels?: Record<string, unknown> } }).UI;
        return Object.keys(ui?.panels ?? {}).find((key) => key.startsWith(prefix));
      }, origin)
      .catch(() => undefined);
    if (!panel && Date.now() > deadline) throw new Error(`openDevtoolsPanel: DevTools lists no panel of ${origin} within 30 s`);
  }
  const show = () =>
    devtools.evaluate((id) => {
      type Api = { UI?: { viewManager?: { showView(id: string): unknown } }; InspectorFrontendAPI?: { showPanel(id: string): unknown } };
      const scope = globalThis as Api;
      if (scope.UI?.viewManager?.showView) return void scope.UI.viewManager.showView(id);
      scope.InspectorFrontendAPI?.showPanel(id);
    }, panel);
  return attachNewView(context, panelUrl, show, 'DevTools showed no panel of the extension');
}
