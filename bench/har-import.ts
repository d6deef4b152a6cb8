import { readFileSync } from 'node:fs';
import { medianTime } from './median-time';
import { judgeHar } from '../src/core';

const MB = 1 << 20;
export const HAR_IMPORT_BUDGET_MS = 2000;
const RUNS = 5;

export type HarImportTiming = { sizeMb: number; entries: number; medianMs: number; withinBudget: boolean };

/**
 * A 50 MB HAR as a developer's network panel exports one after a morning's work: the recorded
 * flows (test/unit/core/traffic/har-recorded/) again and again among page assets with their
 * bodies (scripts, JSON answers), as text. Timed from the text to the judged list, as HAR import does it.
 */
export function timeHarImport(targetMb = 50): HarImportTiming {
  const text = bigHar(targetMb * MB);
  const entries = (text.match(/"startedDateTime"/g) ?? []).length;
  const medianMs = Number(medianTime(() => judgeHar(JSON.parse(text) as object), RUNS).toFixed(0));
  return { sizeMb: Number((text.length / MB).toFixed(1)), entries, medianMs, withinBudget: medianMs <= HAR_IMPORT_BUDGET_MS };
}

function bigHar(bytes: number): string {
  const flows = ['clean-flow', 'reused-code', 'redirect-uri-mismatch', 'api-401'].map(
    (name) => (JSON.parse(readFileSync(new URL(`../test/unit/core/traffic/har-recorded/${name}.har`, import.meta.url), 'utf8')) as { log: { entries: object[] } }).log.entries,
  );
  const asset = (i: number) => ({
    startedDateTime: new Date(Date.UTC(2026, 11, 1, 9) + i * 50).toISOString(),
    time: 12,
    request: { method: 'GET', url: `https://app.example.com/assets/chunk-${i}.js`, httpVersion: 'HTTP/2', headers: [{ name: 'accept', value: '*/*' }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: '', httpVersion: 'HTTP/2', headers: [{ name: 'content-type', value: 'text/javascript' }], cookies: [], content: { size: 20_000, mimeType: 'text/javascript', text: `export const chunk${i}=${JSON.stringify('x'.repeat(20_000))};` }, redirectURL: '', headersSize: -1, bodySize: 20_000 },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
  });
  const entries: object[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const entry = i % 40 === 0 ? flows[(i / 40) % flows.length]! : [asset(i)];
    entries.push(...entry);
    size += JSON.stringify(entry).length;
  }
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'OAuth Lens bench', version: '1' }, entries } });
}
