import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, utf8 } from '../../../../src/core';

// RFC 4648 §10 test vectors.
const VECTORS: [string, string][] = [
  ['', ''],
  ['f', 'Zg=='],
  ['fo', 'Zm8='],
  ['foo', 'Zm9v'],
  ['foob', 'Zm9vYg=='],
  ['fooba', 'Zm9vYmE='],
  ['foobar', 'Zm9vYmFy'],
];

describe('base64', () => {
  it.each(VECTORS)('encodes %j as %j (RFC 4648 §10)', (plain, encoded) => {
    expect(encodeBase64(utf8(plain))).toBe(encoded);
    expect(encodeBase64(utf8(plain), 'url')).toBe(encoded.replace(/=+$/, ''));
  });

  it.each(VECTORS)('decodes %j back from %j, padded or not', (plain, encoded) => {
    expect(new TextDecoder().decode(decodeBase64(encoded))).toBe(plain);
    expect(new TextDecoder().decode(decodeBase64(encoded.replace(/=+$/, '')))).toBe(plain);
  });

  it('uses - and _ in the URL alphabet and + and / in the standard one', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf]);
    expect(encodeBase64(bytes)).toBe('+/+/');
    expect(encodeBase64(bytes, 'url')).toBe('-_-_');
    expect(decodeBase64('-_-_')).toEqual(bytes);
    expect(decodeBase64('+/+/')).toEqual(bytes);
  });

  it.each(['a', 'ab$c', 'Zm9v=Zm9v', 'Zg===', 'Z g=='])('returns undefined for %j, which is not base64', (text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });
});
