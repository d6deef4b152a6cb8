const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 §4 base64 (padded), or §5 base64url (unpadded, as JOSE and PKCE use it). */
export function encodeBase64(bytes: Uint8Array, variant: 'standard' | 'url' = 'standard'): string {
  const alphabet = variant === 'url' ? URL_SAFE : STANDARD;
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += alphabet[b0 >> 2]!;
    out += alphabet[((b0 & 0x03) << 4) | ((b1 ?? 0) >> 4)]!;
    if (b1 !== undefined) out += alphabet[((b1 & 0x0f) << 2) | ((b2 ?? 0) >> 6)]!;
    if (b2 !== undefined) out += alphabet[b2 & 0x3f]!;
  }
  if (variant === 'standard') out += '='.repeat((3 - (bytes.length % 3)) % 3);
  return out;
}

// Value of each base64 or base64url character, -1 for anything else.
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUES[STANDARD.charCodeAt(i)] = VALUES[URL_SAFE.charCodeAt(i)] = i;

/**
 * Decodes base64 or base64url, padded or not. Returns undefined instead of throwing
 * when the text is not base64 at all: callers report that as a finding, not a crash.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const length = text.endsWith('==') ? text.length - 2 : text.endsWith('=') ? text.length - 1 : text.length;
  if (length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUES[code]! : -1;
    if (value === -1) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
