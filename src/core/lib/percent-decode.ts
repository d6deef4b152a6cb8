/**
 * Percent-decoding (RFC 3986 §2.1) that never throws and loses nothing: each escape that is not
 * part of well-formed UTF-8 (`%E9` alone, `%C3` cut short, `%FF`) stays as written, and so does a
 * `%` without two hex digits after it (`%`, `%zz`); everything around them is decoded. Unlike
 * decodeURIComponent, which throws, and form decoding, which puts U+FFFD in their place, what is
 * shown or compared is what was sent. `+` is a plus unless `plusIsSpace` (as in a query).
 */
export function percentDecode(text: string, { plusIsSpace = false }: { plusIsSpace?: boolean } = {}): string {
  const spaced = plusIsSpace ? text.replaceAll('+', ' ') : text;
  return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodeRun);
}

function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // A malformed sequence inside: decode around it, byte by byte.
  }
  const bytes: number[] = [];
  for (let i = 0; i < run.length; i += 3) bytes.push(parseInt(run.slice(i + 1, i + 3), 16));
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      out += run.slice(3 * i, 3 * i + 3);
      i += 1;
      continue;
    }
    let code = length === 1 ? bytes[i]! : bytes[i]! & (0xff >> (length + 1));
    for (let j = 1; j < length; j++) code = (code << 6) | (bytes[i + j]! & 0x3f);
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}

// Well-formed UTF-8 by RFC 3629 §4: no overlong forms, no surrogates, nothing above U+10FFFF.
// The bytes of the sequence starting at `i`, or 0 where none starts there.
function sequenceLength(bytes: number[], i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const [length, low, high] =
    lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < low || second > high) return 0;
  for (let j = 2; j < length; j++) if (bytes[i + j]! < 0x80 || bytes[i + j]! > 0xbf) return 0;
  return length;
}
