import { describe, expect, it, vi } from 'vitest';
import { STORAGE_BUDGET, type ErrorEntry } from '../../../src/core';
import { memoryArea } from './memory-area';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { createErrorLog } = await import('../../../src/background/error-log');

function badge() {
  const texts: string[] = [];
  return { texts, setBadgeText: async ({ text }: { text: string }) => void texts.push(text), setBadgeBackgroundColor: async () => {} };
}

const bigError = (i: number): ErrorEntry => ({
  id: `e${i}`,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  source: 'watcher',
  // A 500 whose page is larger than any body the log keeps (a framework's debug page).
  exchange: { request: { method: 'GET', url: `http://127.0.0.1:3000/api/${i}` }, response: { status: 500, headers: {}, body: `<h1>error ${i}</h1>${'x'.repeat(96 * 1024)}` } },
  seen: false,
});

describe('the error log counted in bytes', () => {
  it('200 large errors: the newest are kept, within the budget, and the quota is never hit', async () => {
    const storage = memoryArea();
    const log = createErrorLog(storage.area, badge());
    for (let i = 0; i < 200; i += 1) await log.record(bigError(i));
    const kept = await log.list();
    expect(kept[0]!.id).toBe('e199');
    expect(kept.map((e) => e.id)).toEqual(Array.from({ length: kept.length }, (_, i) => `e${199 - i}`));
    expect(storage.bytes()).toBeLessThanOrEqual(STORAGE_BUDGET.errorLog + 1024);
    expect(storage.quotaErrors).toBe(0);
    // Each body is cut to the stored limit, and says so.
    expect(kept[0]!.exchange.response!.body).toMatch(/OAuth Lens kept the first \d+ of \d+ bytes\]$/);
  }, 60_000);

  it('errors recorded at once are all kept', async () => {
    const { area } = memoryArea();
    const log = createErrorLog(area, badge());
    await Promise.all(Array.from({ length: 40 }, (_, i) => log.record({ ...bigError(i), exchange: { response: { status: 401, headers: {}, body: '' } } })));
    expect(await log.list()).toHaveLength(40);
  });

  it('an area filled by others: the log drops its oldest and keeps recording', async () => {
    const storage = memoryArea(2 * 1024 * 1024);
    await storage.area.set({ filler: 'z'.repeat(1024 * 1024) });
    const log = createErrorLog(storage.area, badge());
    for (let i = 0; i < 40; i += 1) await log.record(bigError(i));
    const kept = await log.list();
    expect(kept[0]!.id).toBe('e39');
    expect(kept.length).toBeGreaterThan(1);
    expect(storage.quotaErrors).toBeGreaterThan(0);
  });
});

describe('the error log and its badge', () => {
  it('counts the unseen, clears the count when seen, and empties on clear', async () => {
    const storage = memoryArea();
    const shown = badge();
    const log = createErrorLog(storage.area, shown);
    await log.record({ ...bigError(1), exchange: { response: { status: 401, headers: {}, body: '' } } });
    await log.record({ ...bigError(2), exchange: { response: { status: 429, headers: {}, body: '' } } });
    expect(shown.texts.at(-1)).toBe('2');
    await log.markSeen();
    expect(shown.texts.at(-1)).toBe('');
    expect((await log.list()).map((e) => [e.id, e.seen])).toEqual([['e2', true], ['e1', true]]);
    await log.clear();
    expect(await log.list()).toEqual([]);
    // Nothing of the cleared entries stays behind in the area.
    expect(storage.bytes()).toBeLessThan(100);
  });

  it('recording the same id again replaces the entry', async () => {
    const log = createErrorLog(memoryArea().area, badge());
    await log.record({ ...bigError(1), exchange: { response: { status: 401, headers: {}, body: 'first' } } });
    await log.record({ ...bigError(1), exchange: { response: { status: 401, headers: {}, body: 'second' } } });
    expect((await log.list()).map((e) => e.exchange.response?.body)).toEqual(['second']);
  });
});
