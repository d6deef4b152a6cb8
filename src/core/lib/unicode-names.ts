// Characters that sneak into pasted tokens, named so the warning says what to look for.
// Names from the Unicode Character Database (https://www.unicode.org/Public/UCD/latest/ucd/UnicodeData.txt).
const NAMES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x00ab: 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK',
  0x00ad: 'SOFT HYPHEN (invisible)',
  0x00bb: 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK',
  0x2010: 'HYPHEN (looks like "-")',
  0x2011: 'NON-BREAKING HYPHEN (looks like "-")',
  0x2012: 'FIGURE DASH (looks like "-")',
  0x2013: 'EN DASH (looks like "-")',
  0x2014: 'EM DASH',
  0x2018: 'LEFT SINGLE QUOTATION MARK',
  0x2019: 'RIGHT SINGLE QUOTATION MARK',
  0x201c: 'LEFT DOUBLE QUOTATION MARK',
  0x201d: 'RIGHT DOUBLE QUOTATION MARK',
  0x2026: 'HORIZONTAL ELLIPSIS',
  0x200b: 'ZERO WIDTH SPACE (invisible)',
  0x200c: 'ZERO WIDTH NON-JOINER (invisible)',
  0x200d: 'ZERO WIDTH JOINER (invisible)',
  0x2060: 'WORD JOINER (invisible)',
  0x2212: 'MINUS SIGN (looks like "-")',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE / BYTE ORDER MARK (invisible)',
  0xff0d: 'FULLWIDTH HYPHEN-MINUS (looks like "-")',
};

// Letters that look like ASCII ones (https://www.unicode.org/Public/security/latest/confusables.txt).
const LOOK_ALIKES: Record<number, [name: string, looksLike: string]> = {
  0x0410: ['CYRILLIC CAPITAL LETTER A', 'A'], 0x0412: ['CYRILLIC CAPITAL LETTER VE', 'B'],
  0x0415: ['CYRILLIC CAPITAL LETTER IE', 'E'], 0x041a: ['CYRILLIC CAPITAL LETTER KA', 'K'],
  0x041c: ['CYRILLIC CAPITAL LETTER EM', 'M'], 0x041d: ['CYRILLIC CAPITAL LETTER EN', 'H'],
  0x041e: ['CYRILLIC CAPITAL LETTER O', 'O'], 0x0420: ['CYRILLIC CAPITAL LETTER ER', 'P'],
  0x0421: ['CYRILLIC CAPITAL LETTER ES', 'C'], 0x0422: ['CYRILLIC CAPITAL LETTER TE', 'T'],
  0x0425: ['CYRILLIC CAPITAL LETTER HA', 'X'], 0x0430: ['CYRILLIC SMALL LETTER A', 'a'],
  0x0435: ['CYRILLIC SMALL LETTER IE', 'e'], 0x043e: ['CYRILLIC SMALL LETTER O', 'o'],
  0x0440: ['CYRILLIC SMALL LETTER ER', 'p'], 0x0441: ['CYRILLIC SMALL LETTER ES', 'c'],
  0x0443: ['CYRILLIC SMALL LETTER U', 'y'], 0x0445: ['CYRILLIC SMALL LETTER HA', 'x'],
  0x0456: ['CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'i'], 0x0391: ['GREEK CAPITAL LETTER ALPHA', 'A'],
  0x0392: ['GREEK CAPITAL LETTER BETA', 'B'], 0x0395: ['GREEK CAPITAL LETTER EPSILON', 'E'],
  0x039f: ['GREEK CAPITAL LETTER OMICRON', 'O'], 0x03bf: ['GREEK SMALL LETTER OMICRON', 'o'],
  0x03b1: ['GREEK SMALL LETTER ALPHA', 'a'],
};

/** "U+200B ZERO WIDTH SPACE (invisible)", "U+0430 CYRILLIC SMALL LETTER A (looks like "a")", "U+00E9 é (e with a diacritic)". */
export function nameCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const named = NAMES[code];
  if (named) return `${hex} ${named}`;
  const lookAlike = LOOK_ALIKES[code];
  if (lookAlike) return `${hex} ${lookAlike[0]} (looks like "${lookAlike[1]}")`;
  if (code >= 0xd800 && code <= 0xdfff) return `${hex} (a lone surrogate: broken text)`;
  if (code < 0x20 || code === 0x7f) return `${hex} (a control character)`;
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base !== char && /^[A-Za-z]$/.test(base)) return `${hex} ${char} (${base} with a diacritic)`;
  return `${hex} ${char}`;
}
