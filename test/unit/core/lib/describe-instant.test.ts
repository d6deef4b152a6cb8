import { describe, expect, it } from 'vitest';
import { describeInstant } from '../../../../src/core/lib/describe-instant';

describe('describeInstant', () => {
  it('writes an instant in UTC, as ISO 8601, date and time, and time of day', () => {
    expect(describeInstant('2026-11-22T14:02:11.000Z')).toEqual({ iso: '2026-11-22T14:02:11Z', utc: '2026-11-22 14:02:11 UTC', clock: '14:02:11 UTC' });
  });

  it('keeps milliseconds when there are some, and reads offsets and epoch milliseconds', () => {
    expect(describeInstant('2026-11-22T14:02:11.250Z')?.iso).toBe('2026-11-22T14:02:11.250Z');
    expect(describeInstant('2026-11-22T15:02:11+01:00')?.clock).toBe('14:02:11 UTC');
    expect(describeInstant(Date.UTC(2026, 10, 22, 14, 2, 11))?.utc).toBe('2026-11-22 14:02:11 UTC');
  });

  it('reads the time after the T in years past 9999', () => {
    expect(describeInstant(8.64e15)).toEqual({ iso: '+275760-09-13T00:00:00Z', utc: '+275760-09-13 00:00:00 UTC', clock: '00:00:00 UTC' });
  });

  it('is undefined for what is no instant', () => {
    for (const value of ['', 'not a date', '2026-13-45T99:99:99Z', NaN, Infinity, 8.64e15 + 1, null, undefined, {}, ['2026-11-22T14:02:11Z']]) {
      expect(describeInstant(value)).toBeUndefined();
    }
  });
});
