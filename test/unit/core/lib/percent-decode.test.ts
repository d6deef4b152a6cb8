import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentDecode } from '../../../../src/core/lib/percent-decode';

describe('percentDecode', () => {
  it('decodes UTF-8 escapes, in either hex case', () => {
    expect(percentDecode('caf%C3%A9%20%e2%82%ac')).toBe('café €');
    expect(percentDecode('%F0%9F%94%91')).toBe('🔑');
  });

  it('keeps a "%" without two hex digits after it, and decodes the rest', () => {
    expect(percentDecode('100%')).toBe('100%');
    expect(percentDecode('%')).toBe('%');
    expect(percentDecode('%zz%41')).toBe('%zzA');
    expect(percentDecode('%4')).toBe('%4');
    expect(percentDecode('50%%20off')).toBe('50% off');
  });

  it('keeps the escapes of bytes that are not well-formed UTF-8, and only those', () => {
    // Latin-1 é alone, a lone continuation byte, bytes UTF-8 never uses.
    expect(percentDecode('%E9')).toBe('%E9');
    expect(percentDecode('%80')).toBe('%80');
    expect(percentDecode('%FF%FE')).toBe('%FF%FE');
    // A bad byte inside a run spoils only itself.
    expect(percentDecode('%41%E9%42')).toBe('A%E9B');
    expect(percentDecode('%C3%A9%E9%C3%A9')).toBe('é%E9é');
  });

  it('keeps an incomplete sequence as written, whether cut short at the end or by another byte', () => {
    expect(percentDecode('%C3')).toBe('%C3');
    expect(percentDecode('%E2%82')).toBe('%E2%82');
    expect(percentDecode('%E2%82%41')).toBe('%E2%82A');
    expect(percentDecode('%F0%9F%94')).toBe('%F0%9F%94');
    expect(percentDecode('%E2%82x')).toBe('%E2%82x');
  });

  it('refuses what RFC 3629 forbids: overlong forms, surrogates, beyond U+10FFFF', () => {
    expect(percentDecode('%C0%AF')).toBe('%C0%AF');
    expect(percentDecode('%E0%80%AF')).toBe('%E0%80%AF');
    expect(percentDecode('%ED%A0%80')).toBe('%ED%A0%80');
    expect(percentDecode('%F4%90%80%80')).toBe('%F4%90%80%80');
    expect(percentDecode('%F4%8F%BF%BF')).toBe('\u{10FFFF}');
  });

  it('reads "+" as a plus, or as a space when asked (a query)', () => {
    expect(percentDecode('a+b%2B')).toBe('a+b+');
    expect(percentDecode('a+b%2B', { plusIsSpace: true })).toBe('a b+');
    expect(percentDecode('%E9+x', { plusIsSpace: true })).toBe('%E9 x');
  });

  it('agrees with decodeURIComponent wherever that does not throw, and never loses a byte to U+FFFD', () => {
    fc.assert(
      // Graphemes: no lone surrogate, on which encodeURIComponent throws.
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(percentDecode(encodeURIComponent(text))).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('%', '+', 'a', '%zz'), fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`))), (parts) => {
        const text = parts.join('');
        let expected: string | undefined;
        try {
          expected = decodeURIComponent(text);
        } catch {
          expected = undefined;
        }
        const decoded = percentDecode(text);
        if (expected !== undefined) expect(decoded).toBe(expected);
        // Nothing is replaced by U+FFFD: a byte that does not decode is shown as it was sent.
        expect(decoded).not.toContain('\uFFFD');
      }),
    );
  });
});
