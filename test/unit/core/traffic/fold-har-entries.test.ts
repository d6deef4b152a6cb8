import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldHarEntries, judgeHar, startHarFold, type HarFold } from '../../../../src/core';

// What the DevTools panel does: entries handed over as requests finish, each judged once with the
// history of those before it. It must judge as the whole file is judged.
const entriesOf = (name: string) => (JSON.parse(readFileSync(new URL(`./har-recorded/${name}.har`, import.meta.url), 'utf8')) as { log: { entries: object[] } }).log.entries;
const byStart = (entries: object[]) => [...entries].sort((a, b) => Date.parse((a as { startedDateTime: string }).startedDateTime) - Date.parse((b as { startedDateTime: string }).startedDateTime));

describe('foldHarEntries', () => {
  it.each(['reused-code', 'redirect-uri-mismatch', 'rate-limited', 'api-401', 'clean-flow'])('%s, one entry at a time, judges as the whole file does', (name) => {
    const entries = byStart(entriesOf(name));
    const whole = judgeHar({ log: { entries } });
    if ('error' in whole) throw new Error(whole.error);
    const fold = entries.reduce<HarFold>((carried, entry, index) => foldHarEntries(carried, [entry], index), startHarFold());
    expect(fold.items.map(({ entryIndex, kind, diagnosis }) => ({ entryIndex, kind, category: diagnosis?.category }))).toEqual(
      whole.items.map(({ entryIndex, kind, diagnosis }) => ({ entryIndex, kind, category: diagnosis?.category })),
    );
    expect(fold.items.some((item) => item.diagnosis)).toBe(name !== 'clean-flow');
  });

  it('a code redeemed in a later batch is judged with the history of the earlier one', () => {
    const entries = byStart(entriesOf('reused-code'));
    const tokenRequests = entries.flatMap((entry, index) => ((entry as { request: { url: string } }).request.url.endsWith('/token') ? [index] : []));
    const split = tokenRequests.at(-1)!;
    const first = foldHarEntries(startHarFold(), entries.slice(0, split), 0);
    const later = foldHarEntries(first, entries.slice(split), split);
    expect(later.items.slice(0, first.items.length)).toEqual(first.items);
    expect(later.items.find((item) => item.entryIndex === split)?.diagnosis?.category).toBe('code_reused');
    // Alone, the same entry has no history: a plain invalid_grant, not a reuse.
    expect(foldHarEntries(startHarFold(), entries.slice(split), split).items[0]?.diagnosis?.category).not.toBe('code_reused');
  });

  it('skips what is no entry with a note, never throwing', () => {
    const fold = foldHarEntries(startHarFold(), [null, 'x', { request: {} }], 0);
    expect(fold.items).toEqual([]);
    expect(fold.problems).toHaveLength(3);
    expect(foldHarEntries(fold, 42 as never, Number.NaN).problems).toHaveLength(3);
  });
});
