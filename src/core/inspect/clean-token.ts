import { extractToken } from './extract-token';
import { readAuthorizationError } from './read-authorization-error';
import type { TokenInspection, TokenWarning } from './token-inspection';
import { nameCodePoint } from '../lib/unicode-names';
import { splitBasic } from './read-basic-credentials';
import { percentDecode } from '../lib/percent-decode';
import { shorten } from '../lib/shorten';
import { withoutTrailing } from '../lib/without-trailing';

export type CleanedToken = Pick<TokenInspection, 'token' | 'warnings' | 'extractedFrom' | 'basicClientId'>;

// RFC 9110 §11 auth schemes seen pasted in front of tokens; "token" is GitHub's (docs.github.com/en/rest/authentication).
const SCHEME = /^(bearer|token|basic|bot|oauth|mac|dpop|jwt|apikey)(?:\s+|:\s*)(?=\S)/i;
// ASCII quotes, and the typographic pairs word processors and chats turn them into.
const OPENING_QUOTES = new Set(['"', "'", '`', '“', '”', '„', '‘', '’', '«']);
const CLOSING_QUOTES = new Set(['"', "'", '`', '”', '“', '’', '‘', '»']);
const SPACE = /[\s\u200B\uFEFF]/;
const LEADING_SPACE = /^[\s\u200B\uFEFF]+/;

/**
 * Turns whatever was pasted into the token it carries, and says what was done on the way:
 * whitespace and quotes removed, a header, cookie, URL or token response unwrapped, an auth
 * scheme dropped, percent-encoding undone. Never throws.
 */
export function cleanToken(input: string): CleanedToken {
  const warnings: TokenWarning[] = [];
  const warn = (code: TokenWarning['code'], message: string) => warnings.push({ code, message });
  const result: CleanedToken = { token: '', warnings };

  reportUnicodeSpaces(input, warn);
  let text = trimmed(input, warn);
  if (text === '') {
    warn('empty', input === '' ? 'Nothing was pasted.' : 'Only whitespace was pasted: there is no token here.');
    return result;
  }

  const headerLine = /^(proxy-)?authorization\s*:\s*/i.exec(text);
  if (headerLine) text = text.slice(headerLine[0].length);
  const extracted = headerLine ? undefined : extractToken(text);
  const refused = headerLine || extracted ? undefined : readAuthorizationError(text);
  if (refused) {
    const description = refused.description ? ` ("${shorten(refused.description, 120)}")` : '';
    warn('authorization_error', `This is an authorization error response in a redirect's ${/^error=/i.test(refused.location) ? 'parameters' : refused.part} (RFC 6749 §4.1.2.1, §4.2.2.1), not a token: error "${shorten(refused.error, 60)}"${description}. No token was issued.`);
    return result;
  }
  if (extracted) {
    text = extracted.token.trim();
    result.extractedFrom = { container: extracted.container, field: extracted.field };
    warn('container_extracted', `The token was taken from ${extracted.description}.`);
  }

  text = unquoted(text, warn);
  const schemes: string[] = [];
  for (let match = SCHEME.exec(text); match; match = SCHEME.exec(text)) {
    schemes.push(match[1]!);
    text = text.slice(match[0].length);
  }
  if (headerLine || schemes.length) {
    const what = [headerLine && `the header name "${headerLine[0].trim()}"`, schemes.length && `the auth scheme "${schemes[0]}"`];
    warn('scheme_included', `Removed ${what.filter(Boolean).join(' and ')}: only the token itself belongs in a token field; the scheme is added when the header is written.`);
  }
  if (schemes.length > 1) {
    warn('scheme_repeated', `The scheme appears ${schemes.length} times ("${schemes.join(' ')} …"): code that adds "Bearer " to a value that already has it sends "Bearer Bearer <token>", which servers reject.`);
  }
  text = unquoted(text, warn);

  text = withoutInvisibleAndWhitespace(text, warn);
  text = percentDecoded(text, warn);
  reportNonAscii(text, warn);

  const basic = basicCredentials(text, schemes.some((s) => s.toLowerCase() === 'basic'));
  if (basic !== undefined) {
    result.basicClientId = basic;
    warn('basic_credentials', `These are HTTP Basic credentials (base64 of "client_id:client_secret", RFC 6749 §2.3.1), not a bearer token. Client id: "${basic}". The client secret is in this value too, readable by anyone who sees it: treat it as exposed and rotate it.`);
  }
  result.token = text;
  return result;
}

function trimmed(input: string, warn: (code: 'whitespace_trimmed', message: string) => void): string {
  // The end is trimmed by a loop: /[\s…]+$/ is quadratic on a long run of spaces before a last letter.
  const lead = LEADING_SPACE.exec(input)?.[0].length ?? 0;
  const text = withoutTrailing(input.slice(lead), SPACE);
  if (text !== input && text !== '') {
    const ends = [lead > 0 && 'start', lead + text.length < input.length && 'end'].filter(Boolean).join(' and ');
    const breaks = /[\r\n]/.test(input.slice(0, lead)) || /[\r\n]/.test(input.slice(lead + text.length)) ? ', line breaks included' : '';
    warn('whitespace_trimmed', `Whitespace was removed from the ${ends}${breaks}${lead ? ` (${lead} character${lead > 1 ? 's' : ''} before the token)` : ''}. Code that stores the value as pasted sends it too.`);
  }
  return text;
}

/** No-break and other Unicode spaces are removed with the rest of the whitespace, but named: they are not ASCII. */
function reportUnicodeSpaces(input: string, warn: (code: 'non_ascii', message: string) => void): void {
  const found = firstMatches(input, /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g);
  if (found.count === 0) return;
  const kinds = [...new Set(found.first.map((m) => nameCodePoint(m[0])))].join(', ');
  warn('non_ascii', `${kinds} at position ${found.first.map((m) => m.index + 1).join(', ')}: not an ASCII space, removed with the other whitespace. Word processors and web pages put these in.`);
}

function unquoted(text: string, warn: (code: 'quoted', message: string) => void): string {
  const first = text[0] ?? '';
  const last = text[text.length - 1] ?? '';
  if (text.length >= 2 && OPENING_QUOTES.has(first) && CLOSING_QUOTES.has(last)) {
    warn('quoted', `Surrounding quotes ${first}…${last} were removed: they are not part of the token (a JSON string's quotes, or a typographic pair from a document or chat).`);
    return text.slice(1, -1).trim();
  }
  return text;
}

/**
 * Removes invisible characters and whitespace in one pass (pasted values reach a megabyte, and
 * a regex per kind costs a match object per occurrence), then says what was removed and where.
 */
function withoutInvisibleAndWhitespace(text: string, warn: (code: 'non_ascii' | 'inner_whitespace' | 'line_break', message: string) => void): string {
  const invisible = { count: 0, first: [] as number[], kinds: [] as number[] /* distinct characters */ };
  const spaces = { runs: 0, first: [] as number[], lineBreak: false };
  // Kept runs are appended, not collected: V8 joins them as a rope, cheaper than an array of slices.
  let kept = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x20 && code < 0x7f) continue; // printable ASCII, nearly every character
    const invisibleHere = isInvisible(code);
    if (!invisibleHere && !isWhitespace(code)) continue;
    if (from < i) kept += text.slice(from, i);
    from = i + 1;
    if (invisibleHere) {
      if (invisible.count++ < 5) invisible.first.push(i + 1);
      if (!invisible.kinds.includes(code)) invisible.kinds.push(code);
    } else {
      if (!isWhitespace(text.charCodeAt(i - 1)) && spaces.runs++ < 5) spaces.first.push(i + 1);
      if (code === 0x0a || code === 0x0d) spaces.lineBreak = true;
    }
  }
  if (from === 0) return text;
  kept += text.slice(from);

  if (invisible.count > 0) {
    warn('non_ascii', `Removed ${invisible.count} invisible character${invisible.count > 1 ? 's' : ''} (${[...invisible.kinds].map((code) => nameCodePoint(String.fromCharCode(code))).join(', ')}), the first at position ${invisible.first[0]}. They come with copies from web pages and chats, and break the token where they are sent.`);
  }
  if (spaces.runs > 0) {
    const more = spaces.runs > spaces.first.length ? ` and ${spaces.runs - spaces.first.length} more places` : '';
    warn('inner_whitespace', `Whitespace inside the token, at position ${spaces.first.join(', ')}${more}, was removed. A token never contains spaces: it was probably wrapped or split when copied.`);
  }
  if (spaces.lineBreak) {
    warn('line_break', 'A line break (CR or LF) was inside the value. Sent in a header it ends the header early, or lets the rest be read as a header of its own (header injection); most HTTP clients refuse it outright.');
  }
  return kept;
}

/** Soft hyphen, zero-width space, non-joiner and joiner, word joiner, byte-order mark. */
function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/** What JavaScript's \s matches, but U+FEFF, which counts as invisible here. */
function isWhitespace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** The first five matches of a global pattern, and how many there are, without keeping them all. */
function firstMatches(text: string, pattern: RegExp): { first: RegExpExecArray[]; count: number } {
  const first: RegExpExecArray[] = [];
  let count = 0;
  const search = new RegExp(pattern.source, 'g');
  for (let match = search.exec(text); match; match = search.exec(text)) {
    if (count++ < 5) first.push(match);
  }
  return { first, count };
}

function percentDecoded(text: string, warn: (code: 'percent_encoded', message: string) => void): string {
  if (!/%[0-9A-Fa-f]{2}/.test(text)) return text;
  const once = percentDecode(text);
  const twice = /%[0-9A-Fa-f]{2}/.test(once) ? percentDecode(once) : once;
  warn(
    'percent_encoded',
    twice !== once
      ? `The value was percent-encoded twice (%25 is an encoded "%"): decoded once it is ${clip(once)}, twice ${clip(twice)}. Encode once, when the token is put into a URL or cookie, and decode once when reading it.`
      : `The value is percent-encoded; decoded it is ${clip(once)}. Decode it once when reading it from the URL or cookie, and use the decoded token in headers.`,
  );
  return twice;
}

function reportNonAscii(text: string, warn: (code: 'non_ascii' | 'truncated', message: string) => void): void {
  if (!/[^\x20-\x7e]/.test(text)) return;
  const found = new Map<string, number>();
  let position = 0;
  for (const char of text) {
    position++;
    const code = char.codePointAt(0)!;
    if ((code > 0x7e || code < 0x20) && !found.has(char)) found.set(char, position);
  }
  if (found.size === 0) return;
  const described = [...found].slice(0, 6).map(([char, at]) => `${nameCodePoint(char)} at position ${at}`);
  const more = found.size > 6 ? ` and ${found.size - 6} more` : '';
  warn('non_ascii', `Not ASCII: ${described.join('; ')}${more}. Tokens are ASCII; these come from word processors, chats or fonts (look-alike letters), and the server will not recognise the token.`);
  if (found.has('…')) {
    warn('truncated', 'It contains "…": this looks like a shortened display copy of the token (as dashboards and logs show them), not the token itself.');
  }
}

// Client ids and secrets are short; a long base64 value without "Basic" in front is something else.
const LONGEST_UNNAMED_BASIC = 1024;

/** The client id, when `text` is base64 of "id:secret" (RFC 7617): a Basic scheme, or printable text that decodes to it. */
function basicCredentials(text: string, saidBasic: boolean): string | undefined {
  if (!saidBasic && (text.length > LONGEST_UNNAMED_BASIC || text.startsWith('eyJ'))) return undefined;
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const pair = splitBasic(text);
  if (!pair || (!saidBasic && (pair.user === '' || !/^[\x20-\x7e]+$/.test(`${pair.user}:${pair.password}`)))) return undefined;
  // RFC 6749 §2.3.1: the client id was form-encoded before it was put into Basic.
  return percentDecode(pair.user, { plusIsSpace: true });
}

function clip(text: string): string {
  return JSON.stringify(shorten(text, 60));
}
