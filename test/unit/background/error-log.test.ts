import { describe, expect, it, vi } from 'vitest';
import { ERROR_LOG_LIMIT, STORAGE_BUDGET, type ErrorEntry, type ErrorIndexEntry } from '../../../src/core';
import { memoryArea } from './fakes/memory-area';
import { recordingBadge } from './fakes/recording-badge';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { createErrorLog } = await import('../../../src/background/error-log');

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();

const bigError = (i: number): ErrorEntry => ({
  id: `e${i}`,
  at: at(i),
  source: 'watcher',
  // A 500 whose page is larger than any body the log keeps (a framework's debug page).
  exchange: { request: { method: 'GET', url: `http://127.0.0.1:3000/api/${i}` }, response: { status: 500, headers: {}, body: `<h1>error ${i}</h1>${'x'.repeat(96 * 1024)}` } },
  seen: false,
});

const smallError = (i: number): ErrorEntry => ({
  id: `e${i}`,
  at: at(i),
  source: 'flow',
  exchange: { request: { method: 'POST', url: 'https://login.example.com/token' }, response: { status: 400, headers: {}, body: `{"error":"invalid_grant","n":${i}}` } },
  seen: false,
});

const ids = (count: number, newest: number) => Array.from({ length: count }, (_, i) => `e${newest - i}`);

describe('the error log counted in bytes', () => {
  it('200 large errors: the newest are kept, within the budget, and the quota is never hit', async () => {
    const storage = memoryArea();
    const log = createErrorLog(storage.area, recordingBadge());
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
    const log = createErrorLog(area, recordingBadge());
    await Promise.all(Array.from({ length: 40 }, (_, i) => log.record({ ...bigError(i), exchange: { response: { status: 401, headers: {}, body: '' } } })));
    expect(await log.list()).toHaveLength(40);
  });

  it('an area filled by others: the log drops its oldest and keeps recording', async () => {
    const storage = memoryArea(2 * 1024 * 1024);
    await storage.area.set({ filler: 'z'.repeat(1024 * 1024) });
    const log = createErrorLog(storage.area, recordingBadge());
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
    const shown = recordingBadge();
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
    const log = createErrorLog(memoryArea().area, recordingBadge());
    await log.record({ ...bigError(1), exchange: { response: { status: 401, headers: {}, body: 'first' } } });
    await log.record({ ...bigError(2), exchange: { response: { status: 401, headers: {}, body: 'second' } } });
    await log.record({ ...bigError(1), exchange: { response: { status: 401, headers: {}, body: 'third' } } });
    expect((await log.list()).map((e) => [e.id, e.exchange.response?.body])).toEqual([
      ['e1', 'third'],
      ['e2', 'second'],
    ]);
  });
});

describe('how the error log is stored', () => {
  it('each entry under error:<id>, listed newest first by a small errorIndex of ids, sizes and seen flags', async () => {
    const storage = memoryArea();
    const log = createErrorLog(storage.area, recordingBadge());
    await log.record(smallError(1));
    await log.record(smallError(2));
    const stored = storage.contents();
    expect(Object.keys(stored).sort()).toEqual(['error:e1', 'error:e2', 'errorIndex']);
    expect(stored['error:e2']).toMatchObject({ id: 'e2', source: 'flow', exchange: { response: { status: 400 } } });
    const index = stored.errorIndex as ErrorIndexEntry[];
    expect(index.map(({ id, seen }) => ({ id, seen }))).toEqual([
      { id: 'e2', seen: false },
      { id: 'e1', seen: false },
    ]);
    // The index weighs each entry (as Firefox counts it: two bytes per code unit), and carries nothing else of it.
    expect(index[0]!.bytes).toBeGreaterThanOrEqual(2 * JSON.stringify(stored['error:e2']).length);
    expect(JSON.stringify(index)).not.toContain('invalid_grant');
  });

  it('recording one error writes that entry and the index, never the entries before it', async () => {
    const storage = memoryArea();
    const log = createErrorLog(storage.area, recordingBadge());
    for (let i = 0; i < 5; i += 1) await log.record(smallError(i));
    const written: string[][] = [];
    const set = storage.area.set.bind(storage.area);
    storage.area.set = async (items) => (written.push(Object.keys(items)), set(items));
    await log.record(smallError(5));
    expect(written.flat().sort()).toEqual(['error:e5', 'errorIndex']);
  });

  it('an entry the index lists but whose write never landed is left out of the list, not shown broken', async () => {
    const storage = memoryArea();
    const log = createErrorLog(storage.area, recordingBadge());
    await log.record(smallError(1));
    await log.record(smallError(2));
    await storage.area.remove('error:e1');
    expect((await log.list()).map((e) => e.id)).toEqual(['e2']);
  });

  it('the seen flag is read from the index, so marking all seen rewrites only the index', async () => {
    const storage = memoryArea();
    const log = createErrorLog(storage.area, recordingBadge());
    await log.record(smallError(1));
    const written: string[][] = [];
    const set = storage.area.set.bind(storage.area);
    storage.area.set = async (items) => (written.push(Object.keys(items)), set(items));
    await log.markSeen();
    expect(written).toEqual([['errorIndex']]);
    expect((storage.contents()['error:e1'] as ErrorEntry).seen).toBe(false);
    expect((await log.list())[0]!.seen).toBe(true);
  });
});

describe('what the error log keeps', () => {
  it(`at most ${ERROR_LOG_LIMIT} entries: the oldest goes, its stored entry with it`, async () => {
    const storage = memoryArea();
    const log = createErrorLog(storage.area, recordingBadge());
    for (let i = 0; i < ERROR_LOG_LIMIT + 3; i += 1) await log.record(smallError(i));
    const newest = ERROR_LOG_LIMIT + 2;
    expect((await log.list()).map((e) => e.id)).toEqual(ids(ERROR_LOG_LIMIT, newest));
    const keys = Object.keys(storage.contents());
    expect(keys.filter((key) => key.startsWith('error:'))).toHaveLength(ERROR_LOG_LIMIT);
    expect(keys).not.toContain('error:e0');
    expect(keys).not.toContain('error:e2');
    expect(keys).toContain('error:e3');
  }, 30_000);

  it('within its byte budget: past it, the oldest entries go, their stored entries with them', async () => {
    const storage = memoryArea();
    const log = createErrorLog(storage.area, recordingBadge());
    for (let i = 0; i < 40; i += 1) await log.record(bigError(i));
    const index = storage.contents().errorIndex as ErrorIndexEntry[];
    // A capped body weighs some 128 KiB as Firefox counts it: fewer than 40 fit in 4 MiB.
    expect(index.length).toBeLessThan(40);
    expect(index.length).toBeGreaterThan(20);
    expect(index.map((e) => e.id)).toEqual(ids(index.length, 39));
    expect(index.reduce((sum, e) => sum + e.bytes, 0)).toBeLessThanOrEqual(STORAGE_BUDGET.errorLog);
    const entryKeys = Object.keys(storage.contents()).filter((key) => key.startsWith('error:'));
    expect(entryKeys.sort()).toEqual(index.map((e) => `error:${e.id}`).sort());
  });

  it.each([
    ['Chrome', 'utf8'],
    ['Firefox', 'firefox'],
  ] as const)('a full area (%s quota error): the oldest go until the newest fits, and the stored entries match the index', async (_browser, count) => {
    const storage = memoryArea(1024 * 1024, count);
    await storage.area.set({ filler: 'z'.repeat(400 * 1024) });
    const log = createErrorLog(storage.area, recordingBadge());
    for (let i = 0; i < 12; i += 1) await log.record(bigError(i));
    expect(storage.quotaErrors).toBeGreaterThan(0);
    const index = storage.contents().errorIndex as ErrorIndexEntry[];
    expect(index[0]!.id).toBe('e11');
    expect(index.map((e) => e.id)).toEqual(ids(index.length, 11));
    const entryKeys = Object.keys(storage.contents()).filter((key) => key.startsWith('error:'));
    expect(entryKeys.sort()).toEqual(index.map((e) => `error:${e.id}`).sort());
    // What others stored is theirs: the log frees room only from itself.
    expect(storage.contents().filler).toBe('z'.repeat(400 * 1024));
  });

  it('an error that does not fit even alone fails its record, and the log records on after it', async () => {
    const storage = memoryArea(200 * 1024);
    await storage.area.set({ filler: 'z'.repeat(150 * 1024) });
    const log = createErrorLog(storage.area, recordingBadge());
    await log.record(smallError(1));
    await expect(log.record(bigError(2))).rejects.toThrow(/quota/i);
    await log.record(smallError(3));
    const listed = (await log.list()).map((e) => e.id);
    expect(listed[0]).toBe('e3');
    expect(listed).not.toContain('e2');
  });
});

describe('the badge', () => {
  it('counts the unseen entries, not all of them, and shows 99+ past 99', async () => {
    const badge = recordingBadge();
    const log = createErrorLog(memoryArea().area, badge);
    await log.record(smallError(1));
    await log.markSeen();
    await log.record(smallError(2));
    await log.record(smallError(3));
    expect(badge.shown).toBe('2');
    expect(badge.colors.at(-1)).toBe('#c5221f');
    for (let i = 4; i < 104; i += 1) await log.record(smallError(i));
    expect(badge.shown).toBe('99+');
  });

  it('after a restart of the background, shows what storage still holds', async () => {
    const storage = memoryArea();
    const before = createErrorLog(storage.area, recordingBadge());
    await before.record(smallError(1));
    await before.markSeen();
    await before.record(smallError(2));
    const badge = recordingBadge();
    await createErrorLog(storage.area, badge).restoreBadge();
    expect(badge.texts).toEqual(['1']);
  });

  it('an empty log shows no badge, and sets no colour', async () => {
    const badge = recordingBadge();
    await createErrorLog(memoryArea().area, badge).restoreBadge();
    expect(badge.texts).toEqual(['']);
    expect(badge.colors).toEqual([]);
  });
});

describe('writes in the order they were asked for', () => {
  it('records, a clear and a mark-seen started together apply one after another, in call order', async () => {
    const storage = memoryArea();
    const badge = recordingBadge();
    const log = createErrorLog(storage.area, badge);
    await Promise.all([
      log.record(smallError(1)),
      log.record(smallError(2)),
      log.clear(),
      log.record(smallError(3)),
      log.record(smallError(4)),
      log.markSeen(),
      log.record(smallError(5)),
    ]);
    expect((await log.list()).map((e) => [e.id, e.seen])).toEqual([
      ['e5', false],
      ['e4', true],
      ['e3', true],
    ]);
    expect(Object.keys(storage.contents()).sort()).toEqual(['error:e3', 'error:e4', 'error:e5', 'errorIndex']);
    expect(badge.shown).toBe('1');
  });
});
