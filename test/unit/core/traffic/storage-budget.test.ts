import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capBody, capExchangeBodies, keepNewestWithin, storedBytes, utf8Length } from '../../../../src/core';

describe('utf8Length', () => {
  it('counts as UTF-8 encoding does, for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => utf8Length(text) === Buffer.byteLength(text)));
  });

  it('counts a lone surrogate as the replacement character it becomes', () => {
    expect(utf8Length('\ud800')).toBe(3);
    expect(utf8Length('a\udc00b')).toBe(5);
  });
});

describe('storedBytes', () => {
  it("counts what the more demanding browser counts: two bytes per code unit (Firefox's network strings), or UTF-8 when larger (Chrome)", () => {
    expect(storedBytes('x'.repeat(10))).toBe(24);
    expect(storedBytes('€'.repeat(10))).toBe(32);
    expect(storedBytes({ a: 1 })).toBe(14);
    expect(storedBytes(undefined)).toBe(0);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(value);
        expect(storedBytes(value)).toBe(Math.max(Buffer.byteLength(json), 2 * json.length));
      }),
    );
  });
});

describe('capBody', () => {
  it('keeps a body that fits byte for byte', () => {
    expect(capBody('{"error":"invalid_grant"}', 64)).toBe('{"error":"invalid_grant"}');
  });

  it('cuts a longer body to the limit in bytes, at a character boundary, and says how much was kept', () => {
    const body = 'é'.repeat(100); // 200 bytes
    const capped = capBody(body, 51);
    expect(capped).toBe(`${'é'.repeat(25)}\n… [OAuth Lens kept the first 50 of 200 bytes]`);
  });

  it('never splits a surrogate pair, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (body, limit) => {
        const capped = capBody(body, limit);
        const kept = capped === body ? body : capped.slice(0, capped.lastIndexOf('\n… [OAuth Lens kept'));
        expect(body.startsWith(kept)).toBe(true);
        expect(utf8Length(kept)).toBeLessThanOrEqual(Math.max(limit, utf8Length(body) <= limit ? utf8Length(body) : 0));
      }),
    );
  });

  it('caps both bodies of an exchange, leaving the rest as it was', () => {
    const exchange = { request: { method: 'POST', url: 'https://x/', body: 'a'.repeat(10) }, response: { status: 500, headers: { a: 'b' }, body: 'b'.repeat(10) } };
    const capped = capExchangeBodies(exchange, 4);
    expect(capped.request.body).toMatch(/^aaaa\n… \[OAuth Lens kept the first 4 of 10 bytes\]$/);
    expect(capped.response.headers).toEqual({ a: 'b' });
    expect(capExchangeBodies({ response: { status: 200, headers: {}, body: 'ok' } }, 4)).toEqual({ response: { status: 200, headers: {}, body: 'ok' } });
  });
});

describe('keepNewestWithin', () => {
  it('keeps the newest that fit, and always the newest one', () => {
    const items = ['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)];
    expect(keepNewestWithin(items, 2 * (storedBytes(items[0]) + 1))).toEqual(items.slice(0, 2));
    expect(keepNewestWithin(items, 1)).toEqual(items.slice(0, 1));
    expect(keepNewestWithin([], 1)).toEqual([]);
  });

  it('never keeps more bytes than the budget, beyond the newest item', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.integer({ min: 0, max: 500 }), (items, budget) => {
        const kept = keepNewestWithin(items, budget);
        expect(items.slice(0, kept.length)).toEqual(kept);
        if (kept.length > 1) expect(kept.reduce((sum, item) => sum + storedBytes(item) + 1, 0)).toBeLessThanOrEqual(budget);
      }),
    );
  });
});

describe('keepNewestWithin a stored list of another shape', () => {
  // Found by npm run fuzz: a list that is not a list threw.
  it('keeps nothing of it', () => {
    expect(keepNewestWithin(0 as never, 100)).toEqual([]);
    expect(keepNewestWithin({ length: 2 } as never, 100)).toEqual([]);
  });
});
