import type { SecretKind } from '../catalog/secret-names';
import { decodeJsonString } from './decode-json-string';
import { formDecode } from '../lib/form-encoding';
import { MASK } from './mask-value';
import { secretNameKind } from './secret-name-kind';

/** One secret-named value in free text, where it is and what it stands for. */
export type NamedValue = {
  name: string;
  kind: SecretKind;
  separator: ':' | '=';
  /** The quote around the value, when it had one. */
  quote?: string;
  /** `"name": "value"`: a JSON-like pair, whose string has JSON's escapes. */
  jsonLike: boolean;
  /** Where the value starts (after its opening quote's position: the quote itself is at `start`), and ends (before its closing quote). */
  start: number;
  end: number;
  /** The value as written between `start` (past the opening quote) and `end`. */
  raw: string;
  /** The value it stands for: a JSON string's escapes undone, a form value decoded. */
  value: string;
};

// `name=value`, `name="value"`, `"name": "value"`, `name: value` (log lines, YAML), in any text:
// a whole name ("error_code=" is not "code="), not the host of a URL ("https://token:…@").
const NAMED_VALUE = /(?<![\w.\-[\]]|:\/\/)(["']?)([A-Za-z_][\w.-]*(?:\[[^[\]\s"'<>=]*\])*)\1[ \t]*([:=])[ \t]*/g;
// Where an unquoted value ends.
const UNQUOTED_VALUE = /[^\s&;,"'<>{}[\]]*/y;
// Unquoted credentials: an optional scheme, then one word (a token68 in RFC 9110 §11.4, though
// some providers' tokens have "=" inside); prose ("Send Authorization: Basic base64(client_id:…)") is not.
const UNQUOTED_CREDENTIALS = /(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+[ \t]+)?[^\s"'<>,;()]+(?=$|[\s"'<>,;])/y;
// After "name: " in prose comes a word of the sentence, not a secret: "client_secret: the id is unknown".
const PROSE_WORDS = new Set(
  'a an the it its is are was were be been this that these those there they not no none null undefined and or of to for in on at by with from must should may can has have had see missing invalid expired revoked required empty unknown wrong bad malformed incorrect mismatched absent present'.split(' '),
);
// A mask already there, as written in text (with its spaces) or as Authorization credentials.
const MASK_AHEAD = new RegExp(`(?:${MASK}|<redacted [^<>\\r\\n]*>)`, 'y');
// Credentials already redacted, after their scheme: `Bearer <redacted …>`.
const REDACTED_AHEAD = /[^\s"'<>]*[ \t]+<redacted [^<>\r\n]*>/y;
// Credentials that are a secret-named value already masked on its own (`Bearer code:•••• (1 chars)`,
// once `code:(` was read as a name and its value): masking the word again would hide the name.
const NAMED_MASK_AHEAD = new RegExp(`(?:[!#$%&'*+.^_\`|~0-9A-Za-z-]+[ \\t]+)?[A-Za-z_][\\w.-]*[:=]${MASK}`, 'y');

/**
 * Every value in `text` that comes under a secret-bearing name (secret-names.ts), in order, masks
 * already there left out: what the redactor masks, and what Inspect finds in a log line. Linear in
 * the length of the text.
 */
export function findNamedValues(text: string): NamedValue[] {
  const found: NamedValue[] = [];
  const pattern = new RegExp(NAMED_VALUE.source, 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const [, nameQuote, name, separator] = match;
    const kind = secretNameKind(name!);
    if (!kind) continue;
    const start = pattern.lastIndex;
    const masked = maskEnd(text, start, kind);
    if (masked >= 0) {
      pattern.lastIndex = masked;
      continue;
    }
    const jsonLike = separator === ':';
    const value = valueAt(text, start, kind, jsonLike && nameQuote === '');
    if (!value) continue;
    const raw = text.slice(value.quote === undefined ? start : start + 1, value.end);
    found.push({
      name: name!,
      kind,
      separator: separator as ':' | '=',
      ...(value.quote !== undefined ? { quote: value.quote } : {}),
      jsonLike,
      start,
      end: value.end,
      raw,
      value: value.quote === undefined ? (separator === '=' ? formDecode(raw) : raw) : value.quote === '"' && jsonLike ? (decodeJsonString(`"${raw}"`) ?? raw) : raw,
    });
    pattern.lastIndex = value.end;
  }
  return found;
}

/**
 * Where the value at `start` ends (before its closing quote, if quoted), or undefined when
 * there is no value there: nothing, an auth-param (`Digest username="…"`), or a word of prose.
 */
function valueAt(text: string, start: number, kind: SecretKind, bare: boolean): { end: number; quote?: string } | undefined {
  const quote = text[start];
  if (quote === '"' || quote === "'") return { end: closingQuote(text, start), quote };
  const pattern = kind === 'credentials' ? UNQUOTED_CREDENTIALS : UNQUOTED_VALUE;
  pattern.lastIndex = start;
  const end = pattern.test(text) ? pattern.lastIndex : start;
  if (end === start || (kind === 'credentials' && text[end - 1] === '=' && text[end] === '"')) return undefined;
  const firstWord = text.slice(start, end).split(/[ \t]/, 1)[0]!.replace(/[.,!?]+$/, '').toLowerCase();
  return bare && PROSE_WORDS.has(firstWord) ? undefined : { end };
}

/** Where the mask already at `start` ends, or -1 when the value there is not one. */
function maskEnd(text: string, start: number, kind: SecretKind): number {
  for (const pattern of kind === 'credentials' ? [MASK_AHEAD, REDACTED_AHEAD, NAMED_MASK_AHEAD] : [MASK_AHEAD]) {
    pattern.lastIndex = start;
    if (pattern.test(text)) return pattern.lastIndex;
  }
  return -1;
}

/** The index of the quote that closes the one at `start` (backslash escapes it), or the end of its line. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === quote) return i;
    else if (text[i] === '\n') return i;
  }
  return text.length;
}
