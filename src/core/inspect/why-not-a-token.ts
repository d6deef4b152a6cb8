import { AUTH_SCHEMES } from '../catalog/auth-schemes';
import { secretNameKind } from '../redact/secret-name-kind';
import type { NotATokenReason } from './paste-classification';

// RFC 6749 §10.10: the chance of guessing a token or code must be at most 2^-128 (2^-160
// recommended), 22 base64url characters. The floor sits well below that, under RFC 6750's own
// 15-character example token and GitHub's 20-character codes: only what no issuer would make is turned away.
const SHORTEST_TOKEN = 12;
const LONGEST_JUDGED = 2048;
const RFC6749_10_10 = 'RFC 6749 §10.10 https://www.rfc-editor.org/rfc/rfc6749#section-10.10';

// A language's "nothing" turned into text by string concatenation: `Bearer ${token}` with no token.
// "[objectObject]" is "[object Object]" once whitespace is cleaned out of it.
const EMPTY_VALUES = new Set(['undefined', 'null', 'nil', 'none', 'nan', 'true', 'false', '[object object]', '[objectobject]', 'nsnull', '(null)']);
// Placeholders as documentation and scripts write them: <token>, {{token}}, ${TOKEN}, $TOKEN, %TOKEN%, [TOKEN], :token.
const TEMPLATE = /^(?:<[^<>]{1,80}>|\{\{[^{}]{1,80}\}\}|\$\{[^{}]{1,80}\}|\$[A-Za-z_]\w{0,80}|%[A-Za-z_]\w{0,80}%|\[[A-Za-z_ -]{1,80}\]|:[a-z_]{1,40})$/;
// "YOUR_ACCESS_TOKEN", "your-api-key-here", "INSERT_TOKEN", "<paste token>", "TODO".
const PLACEHOLDER_WORDS = /^(?:your|my|insert|enter|replace|paste|put|add|example|sample|dummy|fake|test|todo|tbd|changeme|xxx+)(?:[-_ ]|$)|(?:^|[-_ ])(?:here|goes[-_ ]?here)$/i;
// A field's name as protocols and code write it: snake_case, kebab-case, camelCase, or one word.
const FIELD_NAME = /^(?:[a-z]+(?:[_-][a-z]+)+|[a-z]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+(?:-[A-Z][a-z]+)+|token|code|password|secret|key|assertion|session|cookie|jwt)$/;
const SCHEMES = new Set(AUTH_SCHEMES.map((entry) => entry.scheme.toLowerCase()));

/**
 * Why one pasted value (whitespace and wrappers already cleaned off) does not look like a token,
 * key or code; empty when it may be one. A token is random: it is not words, not a placeholder,
 * not a field's name, and long enough not to be guessed. Never throws.
 */
export function whyNotAToken(value: string): NotATokenReason[] {
  // Anything this long is no word, placeholder or field name, and reading it letter by letter costs.
  if (typeof value !== 'string' || value === '' || value.length > LONGEST_JUDGED) return [];
  const reasons: NotATokenReason[] = [];
  const lower = value.toLowerCase();
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);

  if (EMPTY_VALUES.has(lower)) {
    reasons.push({
      code: 'empty_value',
      message: `${shown} is a program's empty value written as text: the code that built this had no token yet (\`Bearer \${token}\` with the token unset, or an object where a string belongs). Find where the token should have been read.`,
    });
    return reasons;
  }
  if (TEMPLATE.test(value) || PLACEHOLDER_WORDS.test(value) || /^(.)\1{3,}$/.test(value)) {
    reasons.push({
      code: 'placeholder',
      message: /^\$\w/.test(value)
        ? `${shown} is a shell or template variable, not its value: the text was copied before the variable was filled in. Run it where ${value} is set, or put the token itself in its place.`
        : `${shown} is a placeholder from documentation or a template${/^(.)\1{3,}$/.test(value) ? ' (one character repeated, as docs and masks write it)' : ''}, not a credential: put the real value in its place.`,
    });
    return reasons;
  }
  if (/[*•●]{3,}/.test(value)) {
    reasons.push({ code: 'placeholder', message: `${shown} is masked: the stars or bullets stand for characters a dashboard or log hid. Copy the value from where it is shown whole.` });
  }
  if (SCHEMES.has(lower) || (secretNameKind(value) !== undefined && FIELD_NAME.test(value))) {
    reasons.push({
      code: 'field_name',
      message: SCHEMES.has(lower)
        ? `${shown} is the name of an authorization scheme, with no credential after it: the value that should follow was empty.`
        : `${shown} is the name of a field, not its value: copy what comes after it.`,
    });
    return reasons;
  }
  const letters = [...value].filter((char) => /\p{L}/u.test(char));
  const nonAscii = letters.filter((char) => char > '\u007f').length;
  if (letters.length >= 4 && nonAscii * 2 > letters.length) {
    reasons.push({ code: 'not_ascii', message: `Most of its letters are not ASCII (${nonAscii} of ${letters.length}): tokens, keys and codes are ASCII (RFC 6750 §2.1 b64token; RFC 6749 Appendix A).` });
  }
  const words = wordsIn(value);
  if (words) {
    reasons.push({
      code: 'words',
      message: `It reads as ${words.length > 1 ? `words (${words.slice(0, 6).map((w) => `"${w}"`).join(', ')})` : `a word ("${words[0]}")`}, not random characters. A token is random, so that it cannot be guessed (${RFC6749_10_10}); this looks like a name, a password or a label.`,
    });
  }
  const length = [...value].length;
  if (length < SHORTEST_TOKEN) {
    reasons.push({
      code: 'too_short',
      message: `Only ${length} character${length === 1 ? '' : 's'}, at most ${length * 6} bits even in base64url: too short for a token or key, which must be hard to guess (${RFC6749_10_10} asks for a chance of at most 2^-128, 22 base64url characters or more).`,
    });
  }
  return reasons;
}

/**
 * The words a value is made of, when all of it reads as words: split at separators, digits and
 * camelCase humps, every piece a plausible word (letters with vowels, no long consonant runs), at
 * most four digits in all. Undefined for anything random-looking.
 */
function wordsIn(value: string): string[] | undefined {
  if (value.length > 200) return undefined;
  const digits = value.replace(/\D/g, '').length;
  if (digits > 4) return undefined;
  if (/[^\p{L}\d\s_.~+/=:'’,;!?()-]/u.test(value)) return undefined;
  const pieces = value
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[^\p{L}]+/u)
    .filter((piece) => piece !== '');
  // Single letters pass as words ("a", "I"); random case changes make many of them, words do not.
  if (pieces.length === 0 || !pieces.every(isWordLike) || pieces.filter((piece) => piece.length === 1).length > 1 || !pieces.some((piece) => piece.length >= 3)) return undefined;
  return pieces;
}

/** A word as people write them: letters of one case pattern (lower, Capitalised, or short CAPS), with vowels. */
export function isWordLike(piece: string): boolean {
  const word = piece.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (word === '' || word.length > 24 || !/^\p{L}+(?:['’-]\p{L}+)*$/u.test(word)) return false;
  if (!/^[A-Za-z'’-]+$/.test(word)) return true; // other scripts: letters alone are the evidence
  if (!(word === word.toLowerCase() || /^[A-Z][a-z'’-]*$/.test(word) || (word === word.toUpperCase() && word.length <= 6))) return false;
  const vowels = word.replace(/[^aeiouyAEIOUY]/g, '').length;
  if (word.length <= 3) return vowels > 0 || word.length === 1;
  return vowels / word.length >= 0.2 && vowels / word.length <= 0.75 && !/[^aeiouyAEIOUY'’-]{5}/.test(word);
}
