import { isRecord } from '../lib/is-record';

/** Header fields as each source hands them over: webRequest's and HAR's lists, fetch's pairs, a stored record. */
export type HeaderFields = Iterable<readonly [string, string]> | readonly { name?: unknown; value?: unknown }[] | Record<string, unknown>;

/**
 * The one shape headers take in OAuth Lens, made once where they enter (a captured request, a
 * recorded response, a pasted transcript): a record of text, a field repeated under any spelling
 * of its name (RFC 9110 §5.1: names are case-insensitive) joined with ", " (§5.3) under its first
 * spelling, except Set-Cookie, whose values may hold commas and are joined by line (RFC 6265
 * §3). Values are trimmed; anything that is not text is left out. `names: 'lower'` gives every
 * name in lower case, for looking fields up. Never throws.
 */
export function headerRecord(fields: HeaderFields | unknown, names: 'as-sent' | 'lower' = 'as-sent'): Record<string, string> {
  const out: Record<string, string> = {};
  const spelling = new Map<string, string>();
  for (const [name, value] of pairsOf(fields)) {
    const key = name.trim().toLowerCase();
    if (key === '') continue;
    const text = value.trim();
    const known = spelling.get(key);
    // Own properties only: a header named "__proto__" or "constructor" stays a header.
    if (known === undefined) {
      const shown = names === 'lower' ? key : name.trim();
      spelling.set(key, shown);
      Object.defineProperty(out, shown, { value: text, enumerable: true, writable: true, configurable: true });
    } else out[known] = `${out[known]}${key === 'set-cookie' ? '\n' : ', '}${text}`;
  }
  return out;
}

function* pairsOf(fields: unknown): Generator<[string, string]> {
  if (fields === null || fields === undefined || typeof fields !== 'object') return;
  if (Symbol.iterator in fields && typeof (fields as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const field of fields as Iterable<unknown>) {
      if (Array.isArray(field) && typeof field[0] === 'string' && typeof field[1] === 'string') yield [field[0], field[1]];
      else if (isRecord(field) && typeof field.name === 'string' && typeof field.value === 'string') yield [field.name, field.value];
    }
    return;
  }
  for (const [name, value] of Object.entries(fields as Record<string, unknown>)) if (typeof value === 'string') yield [name, value];
}
