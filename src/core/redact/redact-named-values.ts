import type { SecretKind } from '../catalog/secret-names';
import { decodeJsonString } from './decode-json-string';
import { encodeValue, formDecode } from '../lib/form-encoding';
import { MASK } from './mask-value';
import { maskSecret } from './mask-secret';
import { redactValue } from './redact-value';
import { secretNameKind } from './secret-name-kind';

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

/** Text with the value of every secret-named `name=value` or `name: value` in it masked. */
export function redactNamedValues(text: string): string {
  let out = '';
  let copied = 0;
  NAMED_VALUE.lastIndex = 0;
  for (let match = NAMED_VALUE.exec(text); match; match = NAMED_VALUE.exec(text)) {
    const [, nameQuote, name, separator] = match;
    const kind = secretNameKind(name!);
    if (!kind) continue;
    const start = NAMED_VALUE.lastIndex;
    const masked = maskEnd(text, start, kind);
    if (masked >= 0) {
      NAMED_VALUE.lastIndex = masked;
      continue;
    }
    const value = valueAt(text, start, kind, separator === ':' && nameQuote === '');
    if (!value) continue;
    const shown =
      value.quote === undefined
        ? unquotedValue(text.slice(start, value.end), separator === '=', kind, name!)
        : quotedValue(text.slice(start + 1, value.end), value.quote, separator === ':', kind, name!);
    if (shown !== undefined) {
      out += text.slice(copied, start) + (value.quote ?? '') + shown;
      copied = value.end;
    }
    NAMED_VALUE.lastIndex = value.end;
  }
  return out + text.slice(copied);
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

/** The value between quotes as it may be shown, escaped for those quotes (the opening one not included); undefined when it stays. */
function quotedValue(raw: string, quote: string, jsonLike: boolean, kind: SecretKind, name: string): string | undefined {
  // `"name": "value"` is JSON's spelling, escapes included; an attribute's value is taken as written.
  const value = quote === '"' && jsonLike ? (decodeJsonString(`"${raw}"`) ?? raw) : raw;
  const shown = redactValue(value, kind, name);
  if (shown === value) return undefined;
  if (quote === '"' && jsonLike) return JSON.stringify(shown).slice(1, -1);
  // A Basic mask quotes its client id, and a long token's ends may show a quote or a backslash:
  // inside these quotes either would end the value early. Then only the length is shown.
  if (!shown.includes(quote) && !shown.includes('\\')) return shown;
  return kind === 'credentials' ? `<redacted ${maskSecret(value, 'password')}>` : maskSecret(value, 'password');
}

/**
 * An unquoted value as it may be shown. After "=" it is form-encoded, as in a query string, so the
 * mask stays one word; after ":" (a log line) the mask is written as is, and recognised as one.
 */
function unquotedValue(raw: string, formLike: boolean, kind: SecretKind, name: string): string | undefined {
  const value = formLike ? formDecode(raw) : raw;
  const shown = redactValue(value, kind, name);
  if (shown === value) return undefined;
  return formLike ? encodeValue(shown, '+') : shown;
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
