import { decodeBase64 } from '../lib/base64';
import { isRecord } from '../lib/is-record';

/** A compact JWS taken apart, nothing verified: the header as JSON, the payload and signature as octets. */
export type JwsParts = {
  header: Record<string, unknown>;
  payload: Uint8Array;
  signature: Uint8Array;
};

export type JwsReading = ({ ok: true } & JwsParts) | { ok: false; message: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Base64url as RFC 7515 §2 defines it (no padding, no whitespace, nothing else) and canonical: the
 * bits a last character carries beyond the octets must be zero. Otherwise two texts decode to the
 * same octets, and a signature over one text would pass for the other (Wycheproof's
 * ModifiedUnusedBitsInPayload), or a signature could be altered and still verify.
 */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const rest = text.length % 4;
  if (rest !== 0) {
    const last = URL_SAFE.indexOf(text[text.length - 1]!);
    if ((last & (rest === 2 ? 0x0f : 0x03)) !== 0) return undefined;
  }
  return decodeBase64(text);
}

/**
 * Reads a JWS in the compact serialization (RFC 7515 §7.1) as §5.2 validates it, steps 1 to 6:
 * three base64url parts with "no line breaks, whitespace, or other additional characters", a
 * header that is a UTF-8 JSON object. Never throws; a token that is not one says why.
 */
export function readJws(token: unknown): JwsReading {
  if (typeof token !== 'string') return { ok: false, message: 'The token is not text.' };
  if (token === '') return { ok: false, message: 'The token is empty.' };
  const parts = token.split('.');
  if (parts.length === 5) return { ok: false, message: 'This is a JWE (five parts, RFC 7516 §7.1): it is encrypted, not signed, and has no signature to verify.' };
  if (parts.length !== 3) {
    return { ok: false, message: `A compact JWS has three dot-separated parts (RFC 7515 §7.1); this has ${parts.length}. JSON serializations are not read here.` };
  }
  const names = ['header', 'payload', 'signature'] as const;
  const decoded = parts.map(decodeBase64url);
  const bad = decoded.findIndex((bytes) => bytes === undefined);
  if (bad !== -1) {
    return { ok: false, message: `The ${names[bad]} is not canonical base64url (RFC 7515 §2): it holds a character outside A–Z a–z 0–9 - _, padding, whitespace, an impossible length or stray bits in its last character.` };
  }
  if (parts[0] === '') return { ok: false, message: 'The header is empty: a compact JWS carries its "alg" in a protected header (RFC 7515 §7.1).' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(decoded[0]!));
  } catch {
    return { ok: false, message: 'The header is not UTF-8 JSON (RFC 7515 §5.2 step 3).' };
  }
  if (!isRecord(json)) return { ok: false, message: 'The header is JSON but not an object (RFC 7515 §5.2 step 4).' };
  return { ok: true, header: json, payload: decoded[1]!, signature: decoded[2]! };
}
