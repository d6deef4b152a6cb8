import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer, { TimeoutError } from 'puppeteer-core';
import { GECKO_ID } from '../scripts/extension-identity';
import { findBrowser } from '../scripts/find-browser';
import { DIST_CHROME, DIST_FIREFOX, POPUP_PATH } from '../test/e2e/harness/paths';

// The baseline the budget names: an extension page with nothing in it.
const EMPTY_PATH = 'bench-empty.html';
const EMPTY_HTML = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>empty</title></head><body></body></html>\n';
// The floor for any page that runs code: the same page with one module script that only marks
// itself ready. Creating a script context for an extension page costs Chromium a fixed 15–25 ms
// here, which a page without script never pays; this page shows how much of the gap that is.
const SCRIPT_PATH = 'bench-script.html';
const SCRIPT_HTML = EMPTY_HTML.replace('</head>', '<script type="module" src="bench-script.js"></script></head>');
const SCRIPT_JS = "performance.mark('oauth-lens:ready'); document.documentElement.dataset.ready = 'true';\n";
const WARM_UP = 2;
const RUNS = 20;
const POLL_MS = 10;
const LOAD_TIMEOUT_MS = 15_000;
const MAX_ATTEMPTS = 3;

export interface PopupReady {
  browser: string;
  popupMedianMs: number;
  emptyMedianMs: number;
  scriptMedianMs: number;
  /** popup / empty page: the budget's ratio. */
  ratio: number;
  /** popup / one-script page: what the popup's own code costs above the floor of any scripted page. */
  ratioToScriptPage: number;
  /** Every measured load, in order, ms from navigation start to ready. */
  samples: { popup: number[]; empty: number[]; script: number[] };
  /** Loads thrown away and done again because the browser driver failed, not the page (Firefox). */
  redoneLoads?: number;
}

type ReadyArg = { path: string; marksReady: boolean };
/** Opens arg.path of the extension in a fresh tab, returns readyAt(arg) from inside it, closes the tab. */
type Load = (arg: ReadyArg) => Promise<number>;

export function popupReadyChromium(): Promise<PopupReady> {
  return withExtensionCopy(DIST_CHROME, (dir) => withTempDir('chromium-profile', (profile) => chromiumRun(dir, profile)));
}

export function popupReadyFirefox(): Promise<PopupReady> {
  return withExtensionCopy(DIST_FIREFOX, firefoxRun);
}

/** As test/e2e/harness/chromium.ts launches it, but with the copy that has the empty page, and a tab per load. */
async function chromiumRun(extensionDir: string, profile: string): Promise<PopupReady> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chrome'),
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}/`;
    // The user agent string says 156.0.0.0 these days; the DevTools protocol still has the full version.
    const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
    const { product } = await cdp.send('Browser.getVersion');
    const result = await alternate(async (arg) => {
      const page = await context.newPage();
      try {
        await page.goto(origin + arg.path);
        const handle = await page.waitForFunction(readyAt, arg, { polling: POLL_MS, timeout: LOAD_TIMEOUT_MS });
        return (await handle.jsonValue()) as number;
      } finally {
        await page.close();
      }
    });
    return { browser: product.replace(/^(Headless)?Chrome\//, 'Chromium '), ...result };
  } finally {
    await context.close();
  }
}

/** As test/e2e/harness/firefox.ts launches it, but with the copy that has the empty page, and a tab per load. */
async function firefoxRun(extensionDir: string): Promise<PopupReady> {
  // A fixed internal UUID makes the moz-extension:// origin known.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  try {
    await browser.installExtension(extensionDir);
    const origin = `moz-extension://${uuid}/`;
    const loadOnce = async (arg: ReadyArg) => {
      const page = await browser.newPage();
      try {
        // page.goto never resolves for moz-extension:// (puppeteer #14314); readyAt checks the URL itself.
        page.goto(origin + arg.path).catch(() => {});
        const handle = await page.waitForFunction(readyAt, { polling: POLL_MS, timeout: LOAD_TIMEOUT_MS }, arg);
        return (await handle.jsonValue()) as number;
      } finally {
        await page.close();
      }
    };
    let redoneLoads = 0;
    const result = await alternate(async (arg) => {
      // Now and then an evaluate races the tab's switch from about:blank to the extension's process,
      // Firefox's BiDi fails it ("right-hand side of 'in' should be an object, got null") and that
      // tab stays unreadable. It says nothing about the page, so the load is done again in a new tab.
      for (let attempt = 1; ; attempt++) {
        try {
          return await loadOnce(arg);
        } catch (error) {
          if (error instanceof TimeoutError || attempt === MAX_ATTEMPTS) throw error;
          redoneLoads++;
        }
      }
    });
    return { browser: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`, ...result, redoneLoads };
  } finally {
    await browser.close();
  }
}

/** Popup, empty and one-script page take turns, so drift over the run (caches, CPU clock, GC) hits both alike. */
async function alternate(load: Load): Promise<Omit<PopupReady, 'browser'>> {
  const popup: number[] = [];
  const empty: number[] = [];
  const script: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const p = await load({ path: POPUP_PATH, marksReady: true });
    const e = await load({ path: EMPTY_PATH, marksReady: false });
    const s = await load({ path: SCRIPT_PATH, marksReady: true });
    if (i < WARM_UP) continue;
    popup.push(round(p));
    empty.push(round(e));
    script.push(round(s));
  }
  const popupMedianMs = median(popup);
  const emptyMedianMs = median(empty);
  const scriptMedianMs = median(script);
  return {
    popupMedianMs,
    emptyMedianMs,
    scriptMedianMs,
    ratio: round(popupMedianMs / emptyMedianMs, 2),
    ratioToScriptPage: round(popupMedianMs / scriptMedianMs, 2),
    samples: { popup, empty, script },
  };
}

/**
 * Runs in the page (serialised, so self-contained): ms since navigation start at which the page
 * is ready, or 0 while it is not. Every page counts from the same start to the end of its load
 * event; a page that marks itself ready must also have done so.
 */
function readyAt({ path, marksReady }: ReadyArg): number {
  // The tab starts at about:blank, which is "complete" too.
  if (location.pathname !== `/${path}` || document.readyState !== 'complete') return 0;
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (!navigation || navigation.loadEventEnd <= 0) return 0;
  if (!marksReady) return navigation.loadEventEnd;
  const mark = performance.getEntriesByName('oauth-lens:ready')[0];
  if (!document.documentElement.dataset.ready || !mark) return 0;
  return Math.max(navigation.loadEventEnd, mark.startTime);
}

/** A temporary copy of the build with the empty page added; the manifest's key/gecko id keep the extension's id. */
function withExtensionCopy<T>(dist: string, run: (dir: string) => Promise<T>): Promise<T> {
  return withTempDir('extension', async (dir) => {
    await cp(dist, dir, { recursive: true });
    await writeFile(join(dir, EMPTY_PATH), EMPTY_HTML);
    await writeFile(join(dir, SCRIPT_PATH), SCRIPT_HTML);
    await writeFile(join(dir, 'bench-script.js'), SCRIPT_JS);
    return run(dir);
  });
}

async function withTempDir<T>(name: string, run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `oauth-lens-bench-${name}-`));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}
