import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { judgeHar } from '../../../src/core';

vi.mock('webextension-polyfill', () => ({ default: { runtime: {} } }));
const { inspectedTraffic } = await import('../../../src/shell/inspected-traffic');

type Entry = { request: { url: string }; response: { status: number; content: { text?: string; mimeType?: string } } };
// Entries Chromium recorded while the test app redeemed one code twice (npm run record-hars).
const RECORDED = (JSON.parse(readFileSync(new URL('../core/traffic/har-recorded/reused-code.har', import.meta.url), 'utf8')) as { log: { entries: Entry[] } }).log.entries;

/** devtools.network as a browser gives it: entries without their bodies, each with its getContent. */
function network(kind: 'chrome' | 'firefox', before: Entry[]) {
  const listeners = new Set<(entry: unknown) => void>();
  const fetched: string[] = [];
  const asGiven = (entry: Entry) => {
    const { text, ...content } = entry.response.content;
    const getContent =
      kind === 'chrome'
        ? // Chrome: a callback with (content, encoding).
          (callback: (content: string, encoding: string) => void) => (fetched.push(entry.request.url), setTimeout(() => callback(text ?? '', ''), 0))
        : // Firefox: a promise of [content, mimeType] (MDN).
          () => (fetched.push(entry.request.url), Promise.resolve([text ?? '', entry.response.content.mimeType ?? '']));
    return { ...entry, response: { ...entry.response, content }, getContent };
  };
  const api = {
    getHAR: (callback: (log: { entries: unknown[] }) => void) => setTimeout(() => callback({ entries: before.map(asGiven) }), 0),
    onRequestFinished: { addListener: (l: (entry: unknown) => void) => listeners.add(l), removeListener: (l: (entry: unknown) => void) => listeners.delete(l) },
  };
  (globalThis as { chrome?: unknown }).chrome = { devtools: { network: api } };
  return { fetched, finish: (entry: Entry) => listeners.forEach((listener) => listener(asGiven(entry))), listeners };
}

afterEach(() => void delete (globalThis as { chrome?: unknown }).chrome);

describe.each(['chrome', 'firefox'] as const)("%s: the inspected tab's traffic, as the panel reads it", (kind) => {
  it('what came before, then each request as it finishes; bodies fetched only where they matter', async () => {
    const tab = network(kind, RECORDED.slice(0, -1));
    const seen: object[] = [];
    const stop = inspectedTraffic((entries) => seen.push(...entries));
    await vi.waitFor(() => expect(seen).toHaveLength(RECORDED.length - 1));
    tab.finish(RECORDED.at(-1)!);
    await vi.waitFor(() => expect(seen).toHaveLength(RECORDED.length));
    // The sign-in pages' bodies are not asked for; the token requests' are.
    expect(tab.fetched.some((url) => url.includes('/interaction/'))).toBe(false);
    expect(tab.fetched.filter((url) => url.endsWith('/token'))).toHaveLength(2);
    // Plain data, with the bodies, judged as the file would be.
    const judged = judgeHar({ log: { entries: seen } });
    expect('items' in judged && judged.items.map((item) => item.diagnosis?.category).filter(Boolean)).toEqual(['code_reused']);
    const reused = 'items' in judged ? judged.items.find((item) => item.diagnosis)!.error!.exchange.response.body : '';
    expect(reused).toContain('invalid_grant');
    stop();
    expect(tab.listeners.size).toBe(0);
  });
});
