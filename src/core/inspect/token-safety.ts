import { withoutTrailing } from '../lib/without-trailing';
import type { SafetyVerdict } from './token-inspection';

// The three grammars as ASCII lookup tables: a megabyte is judged in a few milliseconds.
// RFC 3986 §2.3 unreserved.
const UNRESERVED = asciiTable(/[A-Za-z0-9\-._~]/);
// RFC 6750 §2.1 b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN_CHAR = asciiTable(/[A-Za-z0-9\-._~+/]/);
// RFC 6265 §4.1.1 cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
const COOKIE_OCTET = asciiTable(/[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]/);

// Whole-token checks, so the common all-good case never walks the token in script.
const ALL_UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const ALL_B64TOKEN_CHARS = /^[A-Za-z0-9\-._~+/]*$/;
const ALL_COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

function asciiTable(allowed: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = allowed.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
}

/** Where the token can travel as it is: a URL, an Authorization header, a cookie value. */
export function judgeSafety(token: string): { url: SafetyVerdict; header: SafetyVerdict; cookie: SafetyVerdict } {
  return { url: urlSafety(token), header: headerSafety(token), cookie: cookieSafety(token) };
}

function urlSafety(token: string): SafetyVerdict {
  const offending = ALL_UNRESERVED.test(token) ? [] : outside(token, UNRESERVED);
  if (token === '') return { safe: false, offending, advice: 'An empty value carries no token.' };
  return offending.length === 0
    ? { safe: true, offending, advice: 'Only unreserved characters (RFC 3986 §2.3): it can go in a query string or a path as it is.' }
    : {
        safe: false,
        offending,
        advice: `${nameChars(offending)} ${offending.length === 1 ? 'is' : 'are'} not unreserved (RFC 3986 §2.3): percent-encode the token (encodeURIComponent) before putting it in a URL, or a server will read ${offending.includes('+') ? '"+" as a space and ' : ''}a different token.`,
      };
}

function headerSafety(token: string): SafetyVerdict {
  // "=" is allowed only as trailing padding: judge what comes before it.
  const body = withoutTrailing(token, /=/);
  const offending = ALL_B64TOKEN_CHARS.test(body) ? [] : outside(body, B64TOKEN_CHAR);
  if (body === '') {
    return { safe: false, offending, advice: 'A b64token needs at least one character before any "=" padding (RFC 6750 §2.1).' };
  }
  if (offending.length === 0) {
    return { safe: true, offending, advice: 'A valid b64token (RFC 6750 §2.1): `Authorization: Bearer <token>` as it is.' };
  }
  return {
    safe: false,
    offending,
    advice:
      `Not a b64token (RFC 6750 §2.1): ${nameChars(offending)}${offending.includes('=') ? ' ("=" may only be trailing padding)' : ''}. ` +
      'Many servers still accept it after `Bearer `, but strict parsers and proxies may reject or split it; ' +
      'send it exactly as received, never trimmed or re-encoded.',
  };
}

function cookieSafety(token: string): SafetyVerdict {
  const offending = ALL_COOKIE_OCTETS.test(token) ? [] : outside(token, COOKIE_OCTET);
  const splitters = ['=', '&'].filter((c) => token.includes(c));
  const frameworks = splitters.length
    ? ` It contains ${nameChars(splitters)}: some frameworks split cookie values on them (classic ASP.NET reads \`a=b&c=d\` as sub-keys), so encode the value (encodeURIComponent) when you store it and decode it when you read it.`
    : '';
  if (token === '') return { safe: false, offending, advice: 'A cookie value needs at least one character here.' };
  return offending.length === 0
    ? { safe: true, offending, advice: `Only cookie-octets (RFC 6265 §4.1.1): it can be a cookie value as it is.${frameworks}` }
    : {
        safe: false,
        offending,
        advice: `${nameChars(offending)} ${offending.length === 1 ? 'is' : 'are'} not allowed in a cookie value (RFC 6265 §4.1.1): encode the value (encodeURIComponent) before storing it in a cookie, and decode it when you read it back.${frameworks}`,
      };
}

/** Distinct characters (code points) outside `allowed`, in order of first appearance. Non-ASCII never belongs. */
function outside(token: string, allowed: Uint8Array): string[] {
  const seen = new Set<string>();
  const seenAscii = new Uint8Array(128);
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 128) {
      if (allowed[code] || seenAscii[code]) continue;
      seenAscii[code] = 1;
    }
    const point = token.codePointAt(i)!;
    const char = String.fromCodePoint(point);
    seen.add(char);
    if (char.length === 2) i++;
  }
  return [...seen];
}

export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0x20) return 'space';
  if (code < 0x20 || code === 0x7f || code > 0x7e) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${char}"`;
}

/** The characters by name (`space`, `U+00A0`, `"+"`): eight at most, then how many more. */
function nameChars(chars: string[]): string {
  const named = chars.slice(0, 8).map(describeChar);
  return (chars.length > 8 ? [...named, `${chars.length - 8} more`] : named).join(', ');
}
