import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromeExtensionId } from '../../scripts/extension-identity';
import { findBrowser } from '../../scripts/find-browser';
import manifest from '../../manifest.json' with { type: 'json' };
import { attachNewView, openChromiumToolbarPopup } from './chromium-toolbar-popup';
import { openDevtoolsPanel } from './chromium-devtools-panel';
import { SCREEN, startDisplay, type Display } from './display';
import type { ExtensionBrowser, LaunchOptions, PageDriver } from './extension-browser';
import { answerChromiumPrompt } from './permission-prompt';
import { DIST_CHROME, POPUP_PATH } from './paths';

/** Keeps Chromium off the (closed) network and out of first-run pages. */
export const QUIET_FLAGS = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Chromium (Debian's, or CHROME_PATH) with the built extension loaded in a fresh profile.
 * Playwright drives it; it also serves `npm start`, because Chromium opens a chrome-extension://
 * URL given on its command line before the extension has loaded, and shows an error page.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const { remoteDebuggingPort, ownSignals = false, clipboard = false, extensionDir = DIST_CHROME, realPermissionPrompts = false } = options;
  if (realPermissionPrompts && (options.grantOptionalPermissions || options.headless === true)) {
    throw new Error('realPermissionPrompts shows the real prompt in a headful browser: not with grantOptionalPermissions or headless: true');
  }
  const headless = !realPermissionPrompts && !options.devtools && (options.headless ?? true);
  const profile = await mkdtemp(join(tmpdir(), 'oauth-lens-chromium-'));
  if (options.grantOptionalPermissions) await grantInProfile(profile, options.grantOptionalPermissions);
  // The prompt is answered with keys sent to an X display of the harness's own.
  const display: Display | undefined = realPermissionPrompts || options.devtools ? await startDisplay() : undefined;
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath: findBrowser('chrome'),
      headless,
      ...(headless ? {} : { viewport: null, ignoreDefaultArgs: ['--enable-automation'] }),
      ...(display ? { env: { ...process.env, DISPLAY: display.name } } : {}),
      handleSIGINT: !ownSignals,
      handleSIGTERM: !ownSignals,
      handleSIGHUP: !ownSignals,
      // Both extension flags, or no extension worker starts.
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...QUIET_FLAGS,
        ...(remoteDebuggingPort ? [`--remote-debugging-port=${remoteDebuggingPort}`] : []),
        ...(display ? ['--window-position=0,0', `--window-size=${SCREEN.width},${SCREEN.height}`] : []),
        ...(options.devtools ? ['--auto-open-devtools-for-tabs'] : []),
      ],
    })
    .catch(async (error: unknown) => {
      await display?.close();
      throw error;
    });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  // However the browser goes, its display goes with it.
  if (display) void closed.then(() => display.close());
  /** When the driver last clicked: the prompt, if one comes, shows after that. */
  let lastClick: number | undefined;
  const driveHere = (page: Page) => drive(page, () => void (lastClick = Date.now()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(worker.url()).host}/`;
  const extension: ExtensionBrowser = {
    name: 'chromium',
    origin,
    async version() {
      // The user agent says 156.0.0.0 these days; the DevTools protocol has the full version.
      const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
      const { product } = await cdp.send('Browser.getVersion');
      await cdp.detach();
      return product.replace(/^(Headless)?Chrome\//, 'Chromium ');
    },
    async openPage(path) {
      const blank = context.pages().find((p) => p.url() === 'about:blank');
      const page = blank ?? (await context.newPage());
      await page.goto(`${origin}${path}`);
      return driveHere(page);
    },
    async openUrl(url) {
      const page = await context.newPage();
      await page.goto(url);
      return driveHere(page);
    },
    async openPopup() {
      const popup = await extension.openPage(POPUP_PATH);
      await popup.waitFor('html[data-ready]');
      return popup;
    },
    async openToolbarPopup() {
      const popup = await openChromiumToolbarPopup(context, origin, POPUP_PATH);
      return { ...popup, click: (selector) => ((lastClick = Date.now()), popup.click(selector)) };
    },
    async openViewFrom(from, selector, where) {
      if (!display) throw new Error('openViewFrom: launch the browser with realPermissionPrompts: true (a real click opens the view)');
      const url = `${origin}${POPUP_PATH}`;
      if (where === 'panel') return attachNewView(context, url, () => from.click(selector), 'the click opened no side panel');
      const [page] = await Promise.all([context.waitForEvent('page', (p) => p.url() === url), from.click(selector)]);
      const tab = driveHere(page);
      await tab.waitFor('html[data-ready]');
      return tab;
    },
    async openWithDevtoolsPanel(url) {
      if (!options.devtools) throw new Error('openWithDevtoolsPanel: launch the browser with devtools: true');
      // Once in a few runs on a loaded machine, a DevTools window never finished opening (the
      // protocol stopped answering for it); a second tab, with a window of its own, has always
      // opened. The screen of the first is saved, and the panel is tested in the second alike.
      let firstFailure: Error | undefined;
      for (let attempt = 1; attempt <= 2; attempt++) {
        let page: PageDriver | undefined;
        try {
          const panel = await openDevtoolsPanel(context, `${origin}src/devtools/panel.html`, async () => (page = await extension.openUrl(url)));
          return { page: page!, panel };
        } catch (error) {
          firstFailure ??= error as Error;
          const path = `reports/devtools-panel-attempt-${attempt}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
          await display!.savePng(path).catch(() => {});
          console.warn(`openWithDevtoolsPanel, attempt ${attempt}: ${(error as Error).message} (screen: ${path})`);
          await page?.close().catch(() => {});
        }
      }
      throw firstFailure!;
    },
    async answerPermissionPrompt(answer) {
      if (!display) throw new Error('answerPermissionPrompt: launch the browser with realPermissionPrompts: true');
      await answerChromiumPrompt(display, answer, lastClick);
    },
    waitForWindow: async (fragment) => driveHere(await waitForPage(context, fragment)),
    async findWindow(fragment) {
      const page = context.pages().find((p) => p.url().includes(fragment));
      return page && driveHere(page);
    },
    // Every target, the toolbar popup and the side panel too, which Playwright does not list as pages.
    async windowUrls() {
      const cdp = await context.browser()!.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      await cdp.detach();
      return targetInfos.map((target) => `${target.type} ${target.url}`);
    },
    async stopWorker() {
      const cdp = await context.browser()!.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      for (const target of targetInfos) {
        if (target.type === 'service_worker' && target.url.startsWith(origin)) await cdp.send('Target.closeTarget', { targetId: target.targetId });
      }
      await cdp.detach();
    },
    closed,
    async close() {
      await context.close();
      await display?.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return extension;
}

/**
 * Writes the extension's permissions into a new profile, as Chromium keeps them once a person has
 * accepted its prompt. Chromium reads them when it loads the extension (same id: the manifest's
 * key); on Linux these preferences carry no integrity check.
 */
async function grantInProfile(profile: string, grant: { permissions: string[]; origins: string[] }): Promise<void> {
  const granted = { api: [...manifest.permissions, ...grant.permissions], explicit_host: grant.origins, manifest_permissions: [], scriptable_host: [] };
  const settings = { [chromeExtensionId()]: { active_permissions: granted, granted_permissions: granted } };
  await mkdir(join(profile, 'Default'));
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { settings } }));
}

export async function waitForWindow(context: BrowserContext, fragment: string): Promise<PageDriver> {
  return drive(await waitForPage(context, fragment));
}

async function waitForPage(context: BrowserContext, fragment: string): Promise<Page> {
  const existing = context.pages().find((p) => p.url().includes(fragment));
  return existing ?? (await context.waitForEvent('page', (p) => p.url().includes(fragment)));
}

/**
 * A PageDriver for a Playwright page. `click` resolves once the click is done, not once what it
 * started is (a click that opens the permission prompt returns while the prompt is shown);
 * `clicking` is told just before each.
 */
export function drive(page: Page, clicking?: () => void): PageDriver {
  return {
    fill: (selector, value) => page.fill(selector, value),
    select: async (selector, value) => void (await page.selectOption(selector, value)),
    click: (selector) => (clicking?.(), page.click(selector)),
    waitFor: async (selector) => void (await page.waitForSelector(selector)),
    text: async (selector) => (await page.textContent(selector)) ?? '',
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    url: () => page.url(),
    chooseFile: (selector, path) => page.setInputFiles(selector, path),
    async screenshot(path, size) {
      await page.setViewportSize(size);
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}
