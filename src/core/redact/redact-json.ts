import type { SecretKind } from '../catalog/secret-names';
import { decodeJsonString } from './decode-json-string';
import { maskValue } from './mask-value';
import { redactText } from './redact-text';
import { redactValue } from './redact-value';
import { secretNameKind } from './secret-name-kind';

type Frame = {
  object: boolean;
  key: string;
  /** Set when the object or array sits under a secret name: everything beneath is secret. */
  secret: SecretKind | undefined;
  /** Beneath `error`, `errors` or `Fault`: a `code` there is an error code (Stripe's "resource_missing"), not a grant. */
  inError: boolean;
  /** HAR and webRequest's `{"name": "Authorization", "value": …}`: what the `name` said the `value` is. */
  pairKind?: SecretKind | undefined;
  /** A JWK (it has `kty`): its private members (RFC 7518 §6.2.2, §6.3.2, §6.4.1) are secret. */
  jwk?: boolean;
};
type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done';

const JSON_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const ERROR_KEYS = new Set(['error', 'errors', 'fault', 'err']);
const JWK_PRIVATE = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth']);
// Strings worth reading as text: only these characters start anything redactText masks.
const MAY_HOLD_SECRETS = /[=:<@]/;

/**
 * The JSON text with every value under a secret name masked, at any depth (in arrays too), and
 * secret-named pairs inside other strings; undefined if it is not JSON. Rewritten in place: only
 * the masked values change, not the spacing, key order or number spelling.
 */
export function redactJson(text: string): string | undefined {
  // A loop with its own stack, not recursion: a deeply nested body must not overflow the call stack.
  const stack: Frame[] = [];
  let out = '';
  let copied = 0;
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length > 0 ? 'commaOrEnd' : 'done');
  const replace = (from: number, to: number, replacement: string) => {
    out += text.slice(copied, from) + replacement;
    copied = to;
  };
  for (;;) {
    i = skipJsonWhitespace(text, i);
    if (expect === 'done') return i === text.length ? out + text.slice(copied) : undefined;
    if (i >= text.length) return undefined;
    const char = text[i];
    const top = stack[stack.length - 1];
    if (expect === 'colon') {
      if (char !== ':') return undefined;
      i += 1;
      expect = 'value';
    } else if (expect === 'commaOrEnd') {
      if (char === ',') {
        i += 1;
        expect = top!.object ? 'key' : 'value';
      } else if (char === (top!.object ? '}' : ']')) {
        stack.pop();
        i += 1;
        expect = afterValue();
      } else return undefined;
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (char === '}' && expect === 'keyOrEnd') {
        stack.pop();
        i += 1;
        expect = afterValue();
      } else {
        const end = char === '"' ? jsonStringEnd(text, i) : -1;
        if (end < 0) return undefined;
        top!.key = decodeJsonString(text.slice(i, end)) ?? '';
        i = end;
        expect = 'colon';
      }
    } else if (char === ']' && expect === 'valueOrEnd') {
      stack.pop();
      i += 1;
      expect = afterValue();
    } else {
      const direct = top?.object ? kindOfKey(top) : undefined;
      const kind = top?.secret ?? direct;
      if (char === '{' || char === '[') {
        const inError = top ? top.inError || (top.object && ERROR_KEYS.has(compared(top.key))) : false;
        stack.push({ object: char === '{', key: '', secret: kind, inError });
        i += 1;
        expect = char === '{' ? 'keyOrEnd' : 'valueOrEnd';
      } else if (char === '"') {
        const end = jsonStringEnd(text, i);
        if (end < 0) return undefined;
        const value = decodeJsonString(text.slice(i, end)) ?? '';
        const shown = kind ? redactValue(value, kind, top?.object ? top.key : undefined) : MAY_HOLD_SECRETS.test(value) ? redactText(value) : value;
        if (shown !== value) replace(i, end, JSON.stringify(shown));
        if (top?.object) noteSibling(top, value);
        i = end;
        expect = afterValue();
      } else {
        JSON_LITERAL.lastIndex = i;
        if (!JSON_LITERAL.test(text)) return undefined;
        const literal = text.slice(i, JSON_LITERAL.lastIndex);
        // A number straight under a secret name is one (an OTP, a PIN), except an error status under "code".
        if (direct && /^-?\d/.test(literal)) {
          const shown = maskValue(literal, direct === 'credentials' ? 'token' : direct, top!.key);
          if (shown !== literal) replace(i, JSON_LITERAL.lastIndex, JSON.stringify(shown));
        }
        i = JSON_LITERAL.lastIndex;
        expect = afterValue();
      }
    }
  }
}

function kindOfKey(frame: Frame): SecretKind | undefined {
  const key = compared(frame.key);
  if (frame.jwk && JWK_PRIVATE.has(key)) return 'password';
  if (key === 'value' && frame.pairKind) return frame.pairKind;
  if (key === 'code' && frame.inError) return undefined;
  return secretNameKind(frame.key);
}

/** What a string member says about its siblings: a pair's name, a JWK's type. */
function noteSibling(frame: Frame, value: string): void {
  const key = compared(frame.key);
  if (key === 'name') frame.pairKind = secretNameKind(value);
  else if (key === 'kty') frame.jwk = true;
}

function compared(key: string): string {
  return key.trim().toLowerCase().replace(/[-_.]/g, '');
}

function skipJsonWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i += 1;
  return i;
}

/** The index just after the closing quote of the JSON string starting at `start`, or -1 if it is not one. */
function jsonStringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -1;
    if (code === 0x5c) {
      const escaped = text[i + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -1;
        i += 6;
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i += 2;
      else return -1;
    } else i += 1;
  }
  return -1;
}
