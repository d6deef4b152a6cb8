import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_BUDGET } from '../../src/core';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { largeErrorMarker, startTestApp, type TestApp } from '../../dev/server/test-app';
import { launchChromium } from '../../dev/browsers/chromium';
import { openError, openErrors } from './harness/errors-view';
import type { ExtensionBrowser, PageDriver } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { fillProfile, run } from '../../dev/browsers/popup-flow';
import { LOOPBACK_WATCH_GRANT, watchHost } from '../../dev/browsers/watch-view';

const browsers = { chromium: launchChromium, firefox: launchFirefox };

/** `storage.session` holds this much in both browsers. */
const SESSION_QUOTA = 10 * 1024 * 1024;
/** As many as the log keeps entries (ERROR_LOG_LIMIT); before the fix, Firefox's area was full after 80. */
const COUNT = 200;
/** Larger than any body the log keeps. */
const SIZE = 96 * 1024;

type Session = {
  /** Every key's length plus its value's JSON in UTF-8, as Chrome counts the quota. */
  bytes: number;
  /** The browser's own count, where it has one. */
  bytesInUse?: number;
  /** The error log's share (its index and its entries), counted as Chrome does. */
  errorLogBytes: number;
  /** The same, in the browser's own count: Firefox counts a structured clone, not JSON. */
  errorLogInUse?: number;
  /** The log, newest first: which request each entry is, what the log weighed it, what it kept of the body. */
  entries: { n: number; weight: number; bodyBytes: number; bodyStart: string; bodyUnavailable: boolean }[];
  runs: { status: string }[];
};

/** What `storage.session` holds, read and measured in an extension page (only the summary travels). */
function readSession(page: PageDriver): Promise<Session> {
  return page.evaluate(async () => {
    type Area = { get(keys: null): Promise<Record<string, unknown>>; getBytesInUse?(keys: string[] | null): Promise<number> };
    type Api = { storage: { session: Area } };
    type Entry = { exchange: { request?: { url: string }; response?: { body?: string } }; bodyUnavailable?: boolean };
    const area = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome).storage.session;
    const all = await area.get(null);
    const utf8 = (text: string) => new TextEncoder().encode(text).length;
    const weigh = (key: string) => utf8(key) + utf8(JSON.stringify(all[key]));
    const inUse = async (keys: string[] | null) => {
      try {
        return await area.getBytesInUse?.(keys);
      } catch {
        return undefined; // Not every browser counts storage.session.
      }
    };
    const index = (all.errorIndex ?? []) as { id: string; bytes: number }[];
    const errorKeys = Object.keys(all).filter((key) => key === 'errorIndex' || key.startsWith('error:'));
    const bytesInUse = await inUse(null);
    const errorLogInUse = await inUse(errorKeys);
    return {
      bytes: Object.keys(all).reduce((sum, key) => sum + weigh(key), 0),
      ...(bytesInUse === undefined ? {} : { bytesInUse }),
      errorLogBytes: errorKeys.reduce((sum, key) => sum + weigh(key), 0),
      ...(errorLogInUse === undefined ? {} : { errorLogInUse }),
      entries: index.map(({ id, bytes }) => {
        const entry = all[`error:${id}`] as Entry | undefined;
        const body = entry?.exchange.response?.body ?? '';
        return {
          n: Number(/\/large-error\/(\d+)/.exec(entry?.exchange.request?.url ?? '')?.[1] ?? NaN),
          weight: bytes,
          bodyBytes: utf8(body),
          bodyStart: body.slice(0, 40),
          bodyUnavailable: entry?.bodyUnavailable === true,
        };
      }),
      runs: ((all.flowRuns ?? []) as { status: string }[]).map(({ status }) => ({ status })),
    };
  }, undefined);
}

/** The session once the log's newest entry is the last request's: the watcher records in turn, after each answer. */
async function onceRecorded(page: PageDriver, n: number): Promise<Session> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const session = await readSession(page);
    if (session.entries[0]?.n === n) return session;
    if (Date.now() > deadline) throw new Error(`After 30 s the newest error recorded is request ${session.entries[0]?.n ?? 'none'}, not ${n} (${session.entries.length} listed)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

describe.each(Object.entries(browsers))('%s: an error log full of large errors', (name, launch) => {
  let app: TestApp;
  let server: BundledServer;
  let browser: ExtensionBrowser;
  // Chrome does not let an extension read response bodies; Firefox does for OAuth endpoints' paths, and these are large.
  const readsBodies = name === 'firefox';

  beforeAll(async () => {
    app = await startTestApp();
    server = await startBundledServer({ app });
    app.use({ issuer: server.issuer });
    // The watch grant holds 127.0.0.1's origins, which the run needs too.
    browser = await launch({ grantOptionalPermissions: LOOPBACK_WATCH_GRANT });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), app?.close()]);
  });

  it(`${COUNT} watched 500s of ${SIZE / 1024} KiB: the newest are kept within the budget, the quota is never hit, and a flow run afterwards succeeds`, async () => {
    const popup = await browser.openPopup();
    await watchHost(popup, `127.0.0.1:${new URL(app.origin).port}`);

    const started = Date.now();
    const page = await browser.openUrl(`${app.origin}/large-errors?count=${COUNT}&size=${SIZE}`);
    await page.waitFor('body[data-done]');
    expect((await page.text('#result')).trim()).toBe(`${COUNT} 500`);
    await page.close();
    const session = await onceRecorded(popup, COUNT);
    const recordedIn = Date.now() - started;

    const kept = session.entries.map((e) => e.n);
    // Newest first, with no gap: each entry landed, and none was dropped for lack of room.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => COUNT - i));
    expect(session.bytes).toBeLessThan(SESSION_QUOTA);
    if (session.bytesInUse !== undefined) expect(session.bytesInUse).toBeLessThan(SESSION_QUOTA);
    // The log keeps to its share in Chrome's count and in the browser's own (the index and the
    // structured clone's own overhead add some bytes per entry to what the budget counts).
    expect(session.errorLogBytes).toBeLessThanOrEqual(STORAGE_BUDGET.errorLog + 100 * kept.length);
    if (session.errorLogInUse !== undefined) expect(session.errorLogInUse).toBeLessThanOrEqual(STORAGE_BUDGET.errorLog + 200 * kept.length);
    if (readsBodies) {
      // Each body is its own request's, read up to the stored limit and no further.
      for (const entry of session.entries) {
        expect(entry.bodyStart.startsWith(`${largeErrorMarker(entry.n)} `), `entry ${entry.n} starts ${JSON.stringify(entry.bodyStart)}`).toBe(true);
        expect(entry.bodyBytes).toBeGreaterThan(STORAGE_BUDGET.body - 100);
        expect(entry.bodyBytes).toBeLessThanOrEqual(STORAGE_BUDGET.body + 100);
      }
      // The oldest went, and only as many as the budget needed: the log is full, not halved by a
      // quota error (the area's last resort), so one more entry would not have fitted.
      expect(kept.length).toBeLessThan(COUNT);
      const weighed = session.entries.reduce((sum, e) => sum + e.weight + 1, 0);
      expect(weighed).toBeLessThanOrEqual(STORAGE_BUDGET.errorLog);
      expect(weighed + Math.max(...session.entries.map((e) => e.weight)) + 1).toBeGreaterThan(STORAGE_BUDGET.errorLog);
    } else {
      // No bodies: each entry is small, and the log holds every one of its 200.
      expect(kept).toHaveLength(COUNT);
      expect(session.entries.every((e) => e.bodyUnavailable)).toBe(true);
    }

    const listed = await openErrors(popup);
    expect(listed).toHaveLength(kept.length);
    expect(listed[0]!.status).toBe('500');
    const newest = await openError(popup, 0);
    expect(newest.detail).toContain(`/oauth/large-error/${COUNT}`);
    if (readsBodies) expect(newest.detail).toContain(largeErrorMarker(COUNT));

    const flowStarted = Date.now();
    await popup.click('[role=tab][data-tab=flow]');
    await fillProfile(popup, { issuer: server.issuer });
    const flow = await run(browser, popup);
    expect(flow.status).toBe('succeeded');
    const after = await readSession(popup);
    expect(after.runs[0]?.status).toBe('succeeded');
    expect(after.entries.map((e) => e.n)).toEqual(kept);
    expect(after.bytes).toBeLessThan(SESSION_QUOTA);
    if (after.bytesInUse !== undefined) expect(after.bytesInUse).toBeLessThan(SESSION_QUOTA);

    console.info(
      `${name}: after ${COUNT} errors of ${SIZE / 1024} KiB, storage.session holds ${session.bytes} bytes (${mib(session.bytes)}` +
        `${session.bytesInUse === undefined ? '' : `; ${session.bytesInUse} in the browser's count`}), the error log ${session.errorLogBytes} (${mib(session.errorLogBytes)}` +
        `${session.errorLogInUse === undefined ? '' : `; ${session.errorLogInUse} in the browser's count`}) ` +
        `in ${kept.length} entries (${kept.at(-1)}–${kept[0]}); with the flow run ${after.bytes}${after.bytesInUse === undefined ? '' : ` (${after.bytesInUse} in the browser's count)`}. ` +
        `Requests and recording ${recordedIn} ms, flow ${Date.now() - flowStarted} ms.`,
    );
  });
});
