import { MASK, maskValue } from './mask-value';
import { redactCredentials } from './redact-credentials';
import { redactNamedValues } from './redact-named-values';
import { redactUrl } from './redact-url';
import { redactValue } from './redact-value';
import { secretNameKind } from './secret-name-kind';
import { isRecord } from '../lib/is-record';

/** Headers with their secrets masked; names, order and every other value as they were. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  if (!isRecord(headers)) return headers;
  // fromEntries, not assignment, so that a header named "__proto__" stays a header.
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, typeof value === 'string' ? redactHeader(name, value) : value]));
}

/**
 * One header's value as it may be shown: credentials without their secret, cookie values masked,
 * URLs (Location, Referer, Refresh, Link) without their codes and tokens, the whole value of a
 * header whose name says it is a secret (X-Api-Key, PRIVATE-TOKEN, DPoP…), and secret-named
 * pairs in any other.
 */
export function redactHeader(name: string, value: string): string {
  const lower = name.trim().toLowerCase();
  switch (lower) {
    case 'cookie':
      return value.split(';').map(redactCookiePair).join(';');
    case 'set-cookie':
      return redactSetCookie(value);
    // An authorization response redirects with the code in the URL; a page sends it on as Referer.
    case 'location':
    case 'content-location':
    case 'referer':
      return redactUrl(value);
    // `Refresh: 0; url=…` and `Link: <…>; rel=…` carry URLs among other words.
    case 'refresh':
      return redactNamedValues(value.replace(/(\burl[ \t]*=[ \t]*["']?)([^"'\s]*)/i, (_, prefix: string, url: string) => prefix + redactUrl(url)));
    case 'link':
      return redactNamedValues(redactBracketedUrls(value));
  }
  const kind = secretNameKind(lower);
  if (kind === 'credentials') return redactCredentials(value);
  if (kind) return redactValue(value, kind, name);
  return redactNamedValues(value);
}

function redactBracketedUrls(value: string): string {
  return value.replace(/<([^<>]*)>/g, (whole, url: string) => (/^redacted /.test(url) ? whole : `<${redactUrl(url)}>`));
}

// Cookie names and attributes stay: they are what SameSite, Path and Domain problems are made of.
function redactCookiePair(pair: string): string {
  const eq = pair.indexOf('=');
  if (eq >= 0) return pair.slice(0, eq + 1) + maskValue(pair.slice(eq + 1), 'token');
  // A cookie without "=" is a value with an empty name (RFC 6265bis §5.6).
  const [, space, value] = /^(\s*)([\s\S]*)$/.exec(pair)!;
  return space! + maskValue(value!, 'token');
}

// Several Set-Cookie headers may come folded into one value, one per line or joined with
// commas as fetch's Headers joins them; a comma starts another cookie only when a name and
// "=" follow, which tells it from the comma of an Expires date. Masks already there are
// stepped over whole, so that a comma they show is not taken for one between cookies.
const SET_COOKIE_BREAK = new RegExp(`${MASK}|(\\r?\\n|,(?=[ \\t]*[^\\s;,=]+=))`, 'g');

function redactSetCookie(value: string): string {
  let out = '';
  let start = 0;
  for (const match of value.matchAll(SET_COOKIE_BREAK)) {
    const separator = match[1];
    if (separator === undefined) continue;
    out += redactOneSetCookie(value.slice(start, match.index)) + separator;
    start = match.index + separator.length;
  }
  return out + redactOneSetCookie(value.slice(start));
}

function redactOneSetCookie(cookie: string): string {
  const semicolon = cookie.indexOf(';');
  return semicolon < 0 ? redactCookiePair(cookie) : redactCookiePair(cookie.slice(0, semicolon)) + cookie.slice(semicolon);
}
