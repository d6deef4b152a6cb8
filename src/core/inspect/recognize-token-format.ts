import { TOKEN_FORMATS, type TokenFormat } from '../catalog/token-formats';

export type FormatMatch = {
  format: TokenFormat;
  /** A sentence: the token is a bare prefix, or shorter than its documented length or minimum. */
  truncated?: string;
  /** A sentence: the token is longer than its documented length or maximum (still recognised). */
  tooLong?: string;
  /** Distinct characters after the prefix outside the documented alphabet, in order of first appearance (at most 32). */
  alphabetMismatch?: string[];
};

const MAX_REPORTED_CHARACTERS = 32;

// Compiled once per source; undefined when a caller-supplied source is not a valid regex.
const compiled = new Map<string, RegExp | undefined>();

function regex(source: string, flags: string): RegExp | undefined {
  const key = `${flags}/${source}`;
  if (!compiled.has(key)) {
    try {
      compiled.set(key, new RegExp(source, flags));
    } catch {
      compiled.set(key, undefined);
    }
  }
  return compiled.get(key);
}

function matchesShape(format: TokenFormat, token: string): boolean {
  if (format.pattern === undefined) return true;
  return regex(`^(?:${format.pattern})$`, '')?.test(token) ?? false;
}

/** Counts code points, so a character outside the BMP counts once, as a reader would count it. */
function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function outsideAlphabet(alphabet: string, rest: string): string[] {
  const member = regex(`^[${alphabet}]$`, 'u');
  if (!member) return [];
  // One regex test per distinct character keeps a megabyte of the same character cheap.
  const verdicts = new Map<string, boolean>();
  const stray: string[] = [];
  for (const character of rest) {
    if (verdicts.has(character)) continue;
    const inside = member.test(character);
    verdicts.set(character, inside);
    if (!inside && stray.push(character) === MAX_REPORTED_CHARACTERS) break;
  }
  return stray;
}

/**
 * Names the provider and kind of a token from its documented prefix; the longest matching
 * prefix wins. Says when the token is a bare prefix or shorter than its documented length, so
 * a copy cut short is caught before it is sent. Never rejects a token for its length or
 * alphabet, since providers change both; only formats with a `pattern` require their shape.
 * Never throws; linear in the length of the token.
 */
export function recognizeTokenFormat(token: string, formats: readonly TokenFormat[] = TOKEN_FORMATS): FormatMatch | undefined {
  let best: TokenFormat | undefined;
  for (const format of formats) {
    if (format.prefix === '' || !token.startsWith(format.prefix)) continue;
    if (best && best.prefix.length >= format.prefix.length) continue;
    if (matchesShape(format, token) || cutShort(format, token)) best = format;
  }
  return best && describeMatch(best, token);
}

/**
 * A token of a format whose whole shape is required (a short prefix) that is that shape cut
 * short: shorter than documented, every character after the prefix in the documented alphabet,
 * and at least half of the documented body there, so that ordinary words are not taken for one.
 */
function cutShort(format: TokenFormat, token: string): boolean {
  const shortest = format.length ?? format.minLength;
  if (format.pattern === undefined || format.alphabet === undefined || shortest === undefined) return false;
  const rest = token.slice(format.prefix.length);
  const body = shortest - format.prefix.length;
  if (token.length >= shortest || rest.length < Math.max(8, Math.ceil(body / 2))) return false;
  return regex(`^[${format.alphabet}]+$`, 'u')?.test(rest) ?? false;
}

function describeMatch(format: TokenFormat, token: string): FormatMatch {
  const match: FormatMatch = { format };
  const count = characterCount(token);
  const exact = format.length !== undefined;
  const shortest = format.length ?? format.minLength;
  const longest = format.length ?? format.maxLength;
  const documented = (limit: number, bound: string): string =>
    `This is ${count} characters long; ${format.provider} documents ${exact ? '' : `${bound} `}${limit} for its ${format.kind}.`;

  if (token === format.prefix) match.truncated = `Only the prefix "${format.prefix}" (${format.provider} ${format.kind}), with nothing after it.`;
  else if (shortest !== undefined && count < shortest) match.truncated = documented(shortest, 'at least');
  if (longest !== undefined && count > longest) match.tooLong = documented(longest, 'at most');

  if (format.alphabet !== undefined) {
    const stray = outsideAlphabet(format.alphabet, token.slice(format.prefix.length));
    if (stray.length > 0) match.alphabetMismatch = stray;
  }
  return match;
}
