import { describe, expect, it } from 'vitest';
import { splitTimes } from '../../../../src/core/lib/split-times';

const FIRST = '2026-11-22T14:02:11.000Z';
const REVOKED = '2026-11-22T09:00:00Z';

describe('splitTimes', () => {
  it('cuts a text where it names a given instant as the core writes it', () => {
    expect(splitTimes('This code was already exchanged at 14:02:11 UTC; this request sent it a second time.', [FIRST])).toEqual([
      'This code was already exchanged at ',
      { time: '2026-11-22T14:02:11Z', text: '14:02:11 UTC' },
      '; this request sent it a second time.',
    ]);
  });

  it('finds every mention of every instant, in the order of the text', () => {
    expect(splitTimes('09:00:00 UTC, 14:02:11 UTC and 09:00:00 UTC', [FIRST, REVOKED])).toEqual([
      { time: '2026-11-22T09:00:00Z', text: '09:00:00 UTC' },
      ', ',
      { time: '2026-11-22T14:02:11Z', text: '14:02:11 UTC' },
      ' and ',
      { time: '2026-11-22T09:00:00Z', text: '09:00:00 UTC' },
    ]);
  });

  it('leaves any other time as text: only the instants given are looked for', () => {
    expect(splitTimes('The server says: "retry after 10:00:00 UTC"', [FIRST])).toEqual(['The server says: "retry after 10:00:00 UTC"']);
    expect(splitTimes('at 14:02:11 UTC', undefined)).toEqual(['at 14:02:11 UTC']);
    expect(splitTimes('at 14:02:11 UTC', ['not a date', 42n, null])).toEqual(['at 14:02:11 UTC']);
  });

  it('keeps an empty text as one part and gives nothing for what is no text', () => {
    expect(splitTimes('', [FIRST])).toEqual(['']);
    expect(splitTimes(undefined, [FIRST])).toEqual([]);
  });

  it('takes one pass per instant over a long text with many mentions', () => {
    const text = 'a 14:02:11 UTC '.repeat(20_000);
    const started = performance.now();
    const parts = splitTimes(text, [FIRST, REVOKED, '2026-11-22T00:00:00Z']);
    expect(parts.filter((part) => typeof part !== 'string')).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
