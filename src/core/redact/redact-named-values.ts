import type { SecretKind } from '../catalog/secret-names';
import { encodeValue } from '../lib/form-encoding';
import { findNamedValues } from './find-named-values';
import { maskSecret } from './mask-secret';
import { redactValue } from './redact-value';

/** Text with the value of every secret-named `name=value` or `name: value` in it masked. */
export function redactNamedValues(text: string): string {
  let out = '';
  let copied = 0;
  for (const found of findNamedValues(text)) {
    const shown =
      found.quote === undefined
        ? unquotedValue(found.value, found.separator === '=', found.kind, found.name)
        : quotedValue(found.value, found.quote, found.jsonLike, found.kind, found.name);
    if (shown !== undefined) {
      out += text.slice(copied, found.start) + (found.quote ?? '') + shown;
      copied = found.end;
    }
  }
  return out + text.slice(copied);
}

/** The value between quotes as it may be shown, escaped for those quotes (the opening one not included); undefined when it stays. */
function quotedValue(value: string, quote: string, jsonLike: boolean, kind: SecretKind, name: string): string | undefined {
  // `"name": "value"` is JSON's spelling, escapes included; an attribute's value is taken as written.
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
function unquotedValue(value: string, formLike: boolean, kind: SecretKind, name: string): string | undefined {
  const shown = redactValue(value, kind, name);
  if (shown === value) return undefined;
  return formLike ? encodeValue(shown, '+') : shown;
}
