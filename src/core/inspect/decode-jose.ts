import { decodeBase64 } from '../lib/base64';
import { describeExpiry } from '../lib/describe-duration';
import type { JwtInspection, TokenWarning } from './token-inspection';

export type JoseDecoding = { kind: 'jwt' | 'jwe'; jwt?: JwtInspection; warnings: TokenWarning[] };

const SEGMENT_NAMES = {
  3: ['header', 'payload', 'signature'],
  5: ['header', 'encrypted key', 'initialization vector', 'ciphertext', 'authentication tag'],
} as const;

/**
 * Decodes a compact JWS (RFC 7515 §7.1) or JWE (RFC 7516 §7.1) without verifying anything:
 * decoding is not validation. Returns undefined for tokens that are not JOSE-shaped. A JOSE
 * header is a JSON object, whose base64url always starts "eyJ" (`{"`); dots alone make no JWT,
 * since several opaque formats contain dots.
 */
export function decodeJose(token: string, now: number): JoseDecoding | undefined {
  // "ZXlK" is base64url of "eyJ": a header encoded twice, read only if it decodes twice to JSON.
  const twice = token.startsWith('ZXlK');
  if (twice && !token.includes('.')) return wholeEncodedTwice(token, now);
  if (!(token.startsWith('eyJ') || twice) || !token.includes('.')) return undefined;
  const parts = token.split('.');
  if (twice && encodedTwice(parts[0]!) === undefined) return undefined;
  const warnings: TokenWarning[] = [];
  const malformed = (message: string) => warnings.push({ code: 'jwt_malformed', message });
  const doubleEncoded = (message: string) => warnings.push({ code: 'double_encoded_segment', message });

  if (parts.length !== 3 && parts.length !== 5) {
    malformed(`It has ${parts.length} dot-separated segments; a JWT (JWS) has 3 (RFC 7515 §7.1) and a JWE 5 (RFC 7516 §7.1). A segment may have been lost or added when it was copied.`);
  }
  const kind = parts.length === 5 ? 'jwe' : 'jwt';
  const names: readonly string[] = parts.length === 5 ? SEGMENT_NAMES[5] : SEGMENT_NAMES[3];
  const header = decodeSegment(parts[0]!, 'header', malformed, doubleEncoded);
  if (!header) return { kind, warnings };

  if (kind === 'jwe') {
    warnings.push({
      code: 'jwe_encrypted',
      message:
        `A JWE (RFC 7516): the header says alg ${String(header.alg)} and enc ${String(header.enc)}; the payload is encrypted and only the key holder can read it.` +
        (parts[1] === '' ? ' The encrypted-key part is empty, which is normal for alg "dir".' : ''),
    });
    parts.forEach((part, i) => i > 0 && checkAlphabet(part, names[i] ?? `segment ${i + 1}`, malformed));
    return { kind, jwt: { header, signature: parts[4] ?? '', ...alg(header) }, warnings };
  }

  if (typeof header.alg !== 'string') malformed('The header has no "alg" (RFC 7515 §4.1.1 requires it).');
  const payload = parts.length >= 2 ? decodeSegment(parts[1]!, 'payload', malformed, doubleEncoded) : undefined;
  const signature = parts[2] ?? '';
  if (parts.length === 3) checkAlphabet(signature, 'signature', malformed);
  if (String(header.alg).toLowerCase() === 'none' || signature === '') {
    warnings.push({
      code: 'jwt_unsigned',
      message:
        String(header.alg).toLowerCase() === 'none'
          ? 'alg is "none": the token is unsecured (RFC 7519 §6) and anyone could have written it. No resource server should accept it.'
          : 'The signature segment is empty: nothing proves who wrote this token. It may have been cut off when copied.',
    });
  }
  const jwt: JwtInspection = { header, signature, ...alg(header), ...(payload ? { payload, ...times(payload, now) } : {}) };
  if (jwt.expired && jwt.expiresAt) {
    warnings.push({
      code: 'jwt_expired',
      message: `exp is ${jwt.expiresAt}: the token ${describeExpiry(Date.parse(jwt.expiresAt), now)}.`,
    });
  }
  return { kind, jwt, warnings };
}

function decodeSegment(
  segment: string,
  name: string,
  malformed: (message: string) => void,
  doubleEncoded: (message: string) => void,
): Record<string, unknown> | undefined {
  const inner = segment.startsWith('ZXlK') ? encodedTwice(segment) : undefined;
  if (inner) {
    // Shown decoded, so the developer sees what was meant; flagged malformed, since no JOSE library reads it.
    malformed(`The ${name} segment is not base64url of JSON, so no JOSE library will read it (see double_encoded_segment).`);
    doubleEncoded(`The ${name} segment was base64url-encoded twice: decoded once it is more base64url ("${inner.once.slice(0, 12)}…"), and only decoded again is it JSON. RFC 7515 §7.1 encodes the JSON once; whatever built this token encoded an already-encoded ${name}.`);
    return inner.json;
  }
  if (!checkAlphabet(segment, name, malformed)) return undefined;
  if (segment === '') return void malformed(`The ${name} segment is empty.`);
  const bytes = decodeBase64(segment);
  if (!bytes) return void malformed(`The ${name} segment has an impossible length for base64url (${segment.length} characters): characters are missing.`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return void malformed(`The ${name} segment decodes, but not to UTF-8 JSON: it was probably cut or altered.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return void malformed(`The ${name} segment is JSON but not an object.`);
  }
  return json as Record<string, unknown>;
}

/** A whole compact JWS or JWE, dots and all, base64-encoded once more: decoded, read, and named. */
function wholeEncodedTwice(token: string, now: number): JoseDecoding | undefined {
  if (token.length > 400_000) return undefined;
  const bytes = decodeBase64(token);
  const inner = bytes && utf8Text(bytes);
  if (inner === undefined || !inner.startsWith('eyJ') || !inner.includes('.')) return undefined;
  const decoded = decodeJose(inner, now);
  if (!decoded) return undefined;
  const warnings: TokenWarning[] = [
    { code: 'jwt_malformed', message: 'The whole token is base64 of a JOSE token, not one itself, so no JOSE library will read it (see double_encoded_segment).' },
    { code: 'double_encoded_segment', message: `Every segment, dots included, was base64-encoded once more: decoded, it is a ${decoded.kind === 'jwe' ? 'JWE' : 'JWT'} ("${inner.slice(0, 12)}…"), shown here. Send that, not this.` },
  ];
  return { ...decoded, warnings: [...warnings, ...decoded.warnings] };
}

/** A segment whose base64url decodes to base64url of a JSON object: encoded twice. */
function encodedTwice(segment: string): { once: string; json: Record<string, unknown> } | undefined {
  if (segment.length > 100_000) return undefined;
  const outer = decodeBase64(segment);
  if (!outer) return undefined;
  const once = utf8Text(outer);
  if (once === undefined || !/^eyJ[A-Za-z0-9_+/-]*={0,2}$/.test(once)) return undefined;
  const inner = decodeBase64(once);
  const text = inner && utf8Text(inner);
  if (text === undefined) return undefined;
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? { once, json: json as Record<string, unknown> } : undefined;
  } catch {
    return undefined;
  }
}

function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** base64url without padding (RFC 7515 §2); says which characters do not belong. */
function checkAlphabet(segment: string, name: string, malformed: (message: string) => void): boolean {
  if (/^[A-Za-z0-9_-]*$/.test(segment)) return true;
  const wrong = [...new Set(segment.replace(/[A-Za-z0-9_-]+/g, ''))];
  const padding = wrong.includes('=') ? ' JOSE uses base64url without "=" padding.' : '';
  const standard = wrong.some((c) => c === '+' || c === '/') ? ' "+" and "/" are standard base64, not base64url.' : '';
  malformed(`The ${name} segment is not base64url: it contains ${wrong.slice(0, 8).map((c) => JSON.stringify(c)).join(', ')}.${padding}${standard}`);
  return false;
}

function alg(header: Record<string, unknown>): { alg?: string } {
  return typeof header.alg === 'string' ? { alg: header.alg } : {};
}

/** RFC 7519 §4.1.4–6: NumericDate seconds. Values no Date can hold are left out, not thrown on. */
function times(payload: Record<string, unknown>, now: number): Pick<JwtInspection, 'expiresAt' | 'issuedAt' | 'notBefore' | 'expired'> {
  const iso = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e12 ? new Date(value * 1000).toISOString() : undefined;
  const expiresAt = iso(payload.exp);
  const issuedAt = iso(payload.iat);
  const notBefore = iso(payload.nbf);
  return {
    ...(expiresAt ? { expiresAt, expired: (payload.exp as number) * 1000 <= now } : {}),
    ...(issuedAt ? { issuedAt } : {}),
    ...(notBefore ? { notBefore } : {}),
  };
}
