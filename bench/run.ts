// `npm run bench`: bundle sizes, popup time-to-ready and the watcher's overhead, printed and written to bench/results.json.
// A benchmark, not a test: over-budget numbers are reported, not failed on. It exits non-zero
// only when it cannot measure what the budgets are about (no build, Chromium will not start).
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DIST_CHROME, DIST_FIREFOX } from '../dev/browsers/paths';
import { ENTRIES, measureBundles, VERIFIER, type BundleSizes, type Entry } from './bundle-sizes';
import { HAR_IMPORT_BUDGET_MS, timeHarImport, type HarImportTiming } from './har-import';
import { INSPECT_BUDGET_MS, timeLargeInputs, type InspectTiming } from './inspect-large';
import { originRemovalChromium, originRemovalFirefox, type OriginRemovalCost } from './origin-removal';
import { popupReadyChromium, popupReadyFirefox, type PopupReady } from './popup-ready';
import { REQUESTS, watcherOverheadChromium, watcherOverheadFirefox, type WatcherOverhead } from './watcher-overhead';

const KB = 1024;
const BUDGETS = {
  unit: '1 KB = 1024 bytes; sizes are gzip level 9, each file on its own, summed per entry',
  popupJsGzipBytes: 40 * KB,
  backgroundJsGzipBytes: 30 * KB,
  popupReadyRatio: 1.5,
  inspectOneMegabyteMs: INSPECT_BUDGET_MS,
  harImportFiftyMegabytesMs: HAR_IMPORT_BUDGET_MS,
  /** A page making 200 requests to a loopback server, against the same page without the extension. */
  watcherNothingWatchedRatio: 1.02,
  /** Watched against the floor: the same page with webRequest held and no listener (issue 16). */
  watcherWatchedOverFloor: { chromium: 1.15, firefox: 1.1 },
};
const JS_BUDGET: Record<Entry, number> = { popup: BUDGETS.popupJsGzipBytes, background: BUDGETS.backgroundJsGzipBytes };
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

type Build = 'chrome' | 'firefox';
type Informational = (PopupReady | { error: string }) & { informational: string };

async function main() {
  const bundles: Record<Build, BundleSizes> = {
    chrome: await measureBundles(DIST_CHROME),
    firefox: await measureBundles(DIST_FIREFOX),
  };
  progress('inspectToken on 1 MB inputs…');
  const inspect = timeLargeInputs();
  progress('HAR import of a 50 MB file…');
  const harImport = timeHarImport();
  progress('Popup time-to-ready in Chromium…');
  const chromium = await popupReadyChromium();
  progress('Popup time-to-ready in Firefox…');
  // Its ratio swung from 1.35 to 1.8 over runs of one build.
  const informational = 'not held to the budget: Firefox timings vary too much between runs';
  const firefox: Informational = await popupReadyFirefox().then(
    (result) => ({ ...result, informational }),
    (error: Error) => ({ error: error.message, informational }),
  );

  progress(`Watcher overhead in Chromium (a page making ${REQUESTS} requests, four browsers taking turns)…`);
  const watcherChromium = await watcherOverheadChromium();
  progress('Watcher overhead in Firefox…');
  const watcherFirefox = await watcherOverheadFirefox();
  const watcherWithin = (w: WatcherOverhead, browser: keyof typeof BUDGETS.watcherWatchedOverFloor) => ({
    nothingWatched: w.ratio.nothingWatched <= BUDGETS.watcherNothingWatchedRatio,
    watched: w.watchedOverFloor <= BUDGETS.watcherWatchedOverFloor[browser],
  });
  const watcherBudgets = { chromium: watcherWithin(watcherChromium, 'chromium'), firefox: watcherWithin(watcherFirefox, 'firefox') };
  progress('Token requests as a server (a declarativeNetRequest rule per request) against as a browser app, Chromium then Firefox…');
  const originRemoval = { chromium: await originRemovalChromium(), firefox: await originRemovalFirefox() };

  const bundleBudgets = mapBuilds((build) => mapEntries((entry) => bundles[build][entry].js.gzip <= JS_BUDGET[entry]));
  const withinBudget = {
    bundles: bundleBudgets,
    popupReadyRatio: { chromium: chromium.ratio <= BUDGETS.popupReadyRatio },
    inspectOneMegabyte: inspect.every((t) => t.withinBudget),
    harImport: harImport.withinBudget,
    watcherOverhead: watcherBudgets,
    all:
      Object.values(bundleBudgets).every((b) => b.popup && b.background) &&
      chromium.ratio <= BUDGETS.popupReadyRatio &&
      inspect.every((t) => t.withinBudget) &&
      harImport.withinBudget &&
      Object.values(watcherBudgets).every((w) => w.nothingWatched && w.watched),
  };
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    bundles,
    popupReady: { chromium, firefox },
    inspectOneMegabyte: inspect,
    harImport,
    watcherOverhead: { chromium: watcherChromium, firefox: watcherFirefox },
    originRemoval,
    budgets: BUDGETS,
    withinBudget,
  };
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

  printBundles(bundles);
  printReady(chromium, firefox);
  printInspect(inspect);
  printHarImport(harImport);
  printWatcher([
    [watcherChromium, BUDGETS.watcherWatchedOverFloor.chromium],
    [watcherFirefox, BUDGETS.watcherWatchedOverFloor.firefox],
  ]);
  printOriginRemoval([originRemoval.chromium, originRemoval.firefox]);
  console.log(`\nWithin budget: ${withinBudget.all ? 'yes ✓' : 'no ✗'}   (details in ${RESULTS})`);
}

function printBundles(bundles: Record<Build, BundleSizes>) {
  const rows = [['build', 'entry', '', 'files', 'raw', 'gzip', 'budget (gzip)']];
  for (const build of Object.keys(bundles) as Build[]) {
    for (const entry of Object.keys(ENTRIES) as Entry[]) {
      const { js, css } = bundles[build][entry];
      const ok = js.gzip <= JS_BUDGET[entry] ? '✓' : '✗';
      rows.push([build, entry, 'JS', `${js.files.length}`, kb(js.raw), kb(js.gzip), `≤ ${kb(JS_BUDGET[entry], 0)} ${ok}`]);
      if (css.files.length) rows.push([build, entry, 'CSS', `${css.files.length}`, kb(css.raw), kb(css.gzip), '']);
      const { onDemand } = bundles[build][entry];
      if (onDemand.files.length) rows.push([build, entry, 'JS on demand', `${onDemand.files.length}`, kb(onDemand.raw), kb(onDemand.gzip), '(not loaded at start)']);
      const { verifier } = bundles[build][entry];
      if (verifier) rows.push([build, entry, '  of which verifier', `${verifier.files.length}`, kb(verifier.raw), kb(verifier.gzip), `(${VERIFIER}: jose, verifyJws, validateIdToken)`]);
    }
  }
  console.log('\nBundle sizes (1 KB = 1024 bytes; gzip -9 per file, summed; JS includes static imports)');
  printTable(rows);
}

function printReady(chromium: PopupReady, firefox: Informational) {
  const rows = [['browser', 'loads', 'popup ms', 'empty ms', 'ratio', 'budget', '1-script page ms', 'popup / 1-script']];
  const ok = chromium.ratio <= BUDGETS.popupReadyRatio ? '✓' : '✗';
  rows.push(readyRow(chromium, `≤ ${BUDGETS.popupReadyRatio} ${ok}`));
  if ('error' in firefox) rows.push(['Firefox', '-', '-', '-', '-', `failed (informational): ${firefox.error}`]);
  else rows.push(readyRow(firefox, 'informational'));
  console.log('\nPopup time-to-ready (medians; ms from navigation start to load end / ready mark, fresh tab each load)');
  printTable(rows);
  console.log('  The 1-script page is the empty page plus one module script that only marks itself ready: the floor of any page that runs code.');
}

function printHarImport(timing: HarImportTiming) {
  console.log(`\nHAR import (Node, median of 5; JSON.parse and judgeHar)\n  ${timing.sizeMb} MB, ${timing.entries} entries: ${timing.medianMs} ms, budget ≤ ${HAR_IMPORT_BUDGET_MS} ${timing.withinBudget ? '✓' : '✗'}`);
}

function printInspect(timings: InspectTiming[]) {
  const rows = [['input', 'median ms', 'budget']];
  for (const t of timings) rows.push([t.input, t.medianMs.toFixed(1), `≤ ${INSPECT_BUDGET_MS} ${t.withinBudget ? '✓' : '✗'}`]);
  console.log('\nInspecting 1 MB of input (Node, median of 15)');
  printTable(rows);
}

function printWatcher(results: [WatcherOverhead, number][]) {
  const rows = [['browser', 'setup', 'median ms', 'ratio', 'budget']];
  const budget = (ratio: number, limit: number) => `≤ ${limit} ${ratio <= limit ? '✓' : '✗'}`;
  for (const [w, floorBudget] of results) {
    rows.push([w.browser, 'without the extension', w.medianMs.withoutExtension.toFixed(1), '1', '']);
    rows.push(['', 'extension, nothing watched', w.medianMs.nothingWatched.toFixed(1), w.ratio.nothingWatched.toFixed(3), budget(w.ratio.nothingWatched, BUDGETS.watcherNothingWatchedRatio)]);
    rows.push(['', 'webRequest held, no listener', w.medianMs.webRequestHeldNoListener.toFixed(1), w.ratio.webRequestHeldNoListener.toFixed(3), "(the browser's own cost)"]);
    rows.push(['', 'host watched', w.medianMs.watched.toFixed(1), w.ratio.watched.toFixed(3), '']);
    rows.push(['', 'host watched / webRequest held', '', w.watchedOverFloor.toFixed(3), budget(w.watchedOverFloor, floorBudget)]);
  }
  console.log(`\nWatcher overhead: a page making ${REQUESTS} requests to a loopback server (ms from first request to last answer; ratio: median over ${results[0]?.[0].rounds ?? 0} rounds of each round's time / the same round's time without the extension, or with webRequest held for the last row)`);
  printTable(rows);
  console.log("  In Chromium, \"nothing watched\" includes the declarativeNetRequestWithHostAccess permission (token requests as a server): like webRequest, held at load it routes every request through the browser process.");
}

function printOriginRemoval(results: OriginRemovalCost[]) {
  const rows = [['browser', 'as a browser app ms', 'as a server ms', 'ratio']];
  for (const r of results) rows.push([r.browser, r.medianMs.asBrowserApp.toFixed(1), r.medianMs.asServer.toFixed(1), r.ratio.toFixed(3)]);
  console.log(`\nToken requests as a server: one Introspect, popup message to answer, recorded and saved (medians over ${results[0]?.rounds ?? 0} alternating rounds; no budget, informational)`);
  printTable(rows);
}

function readyRow(r: PopupReady, budget: string): string[] {
  const loads = `${r.samples.popup.length}×3`;
  return [
    r.browser,
    loads,
    r.popupMedianMs.toFixed(1),
    r.emptyMedianMs.toFixed(1),
    r.ratio.toFixed(2),
    budget,
    r.scriptMedianMs.toFixed(1),
    r.ratioToScriptPage.toFixed(2),
  ];
}

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  for (const row of rows) console.log('  ' + row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd());
}

const progress = (line: string) => process.stderr.write(`${line}\n`);
const kb = (bytes: number, digits = 2) => `${(bytes / KB).toFixed(digits)} KB`;
const mapBuilds = <T>(f: (build: Build) => T) => ({ chrome: f('chrome'), firefox: f('firefox') });
const mapEntries = <T>(f: (entry: Entry) => T) => ({ popup: f('popup'), background: f('background') });

main().catch((error: Error) => {
  console.error(`\nbench could not run: ${error.message}\nbench/results.json was not written.`);
  process.exit(1);
});
