import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../dev/browsers/chromium';
import type { ExtensionBrowser, LaunchOptions } from '../dev/browsers/extension-browser';
import { launchFirefox } from '../dev/browsers/firefox';
import { DIST_CHROME, DIST_FIREFOX, POPUP_PATH } from '../dev/browsers/paths';
import { median, round } from './stats';

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
}

type ReadyArg = { path: string; marksReady: boolean };
/** Opens arg.path of the extension in a fresh tab, returns readyAt(arg) from inside it, closes the tab. */
type Load = (arg: ReadyArg) => Promise<number>;

export function popupReadyChromium(): Promise<PopupReady> {
  return measure(launchChromium, DIST_CHROME);
}

export function popupReadyFirefox(): Promise<PopupReady> {
  return measure(launchFirefox, DIST_FIREFOX);
}

/** Loads the pages in turn in one browser, each in a fresh tab, and reads their timing from inside. */
async function measure(launch: (options: LaunchOptions) => Promise<ExtensionBrowser>, dist: string): Promise<PopupReady> {
  return withExtensionCopy(dist, async (extensionDir) => {
    const browser = await launch({ extensionDir });
    try {
      const result = await alternate(async (arg) => {
        const page = await browser.openPage(arg.path);
        try {
          return await page.evaluate(waitUntilReady, arg);
        } finally {
          await page.close();
        }
      });
      return { browser: await browser.version(), ...result };
    } finally {
      await browser.close();
    }
  });
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
  const popupMedianMs = round(median(popup));
  const emptyMedianMs = round(median(empty));
  const scriptMedianMs = round(median(script));
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
 * was ready. Every page counts from the same start to the end of its load
 * event; a page that marks itself ready must also have done so.
 */
async function waitUntilReady({ marksReady }: ReadyArg): Promise<number> {
  for (;;) {
    // loadEventEnd is still 0 while the load event's handlers run.
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const mark = performance.getEntriesByName('oauth-lens:ready')[0];
    if (navigation && navigation.loadEventEnd > 0 && (!marksReady || mark)) {
      return Math.max(navigation.loadEventEnd, mark?.startTime ?? 0);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
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
