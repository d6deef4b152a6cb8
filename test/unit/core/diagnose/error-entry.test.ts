import { describe, expect, it } from 'vitest';
import { addErrorEntry, unseenCount, type ErrorEntry } from '../../../../src/core';

const entry = (id: string): ErrorEntry => ({ id, at: '2026-11-22T10:00:00.000Z', source: 'pasted', exchange: { response: { status: 400, headers: {}, body: '' } }, seen: false });

describe('addErrorEntry', () => {
  it('puts the entry first and drops the oldest beyond the limit', () => {
    const index = [{ id: 'b', bytes: 100, seen: true }, { id: 'c', bytes: 100, seen: false }];
    const added = addErrorEntry(index, entry('a'), 2);
    expect(added.index.map((e) => e.id)).toEqual(['a', 'b']);
    expect(added.dropped).toEqual(['c']);
  });

  // Found by npm run fuzz: an index read from storage in another shape threw.
  it('reads a stored index of another shape as far as it goes', () => {
    expect(addErrorEntry('' as never, entry('a')).index.map((e) => e.id)).toEqual(['a']);
    const odd = [null, { id: 7, bytes: 1, seen: true }, { id: 'b', bytes: { toString: 1 }, seen: true }, { id: 'c', bytes: 10, seen: false }];
    const added = addErrorEntry(odd as never, entry('a'));
    expect(added.index.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(added.dropped).toEqual([]);
  });
});

describe('unseenCount', () => {
  it('counts the entries not seen, and nothing in a log of another shape', () => {
    expect(unseenCount([{ seen: true }, { seen: false }, { seen: false }])).toBe(2);
    expect(unseenCount('' as never)).toBe(0);
    expect(unseenCount([null, { seen: false }] as never)).toBe(1);
  });
});
