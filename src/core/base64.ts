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

/**
 * Decodes base64 or base64url, padded or not. Returns undefined instead of throwing
 * when the text is not base64 at all: callers report that as a finding, not a crash.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const unpadded = text.replace(/={1,2}$/, '');
  if (unpadded.length % 4 === 1 || !/^[A-Za-z0-9+/_-]*$/.test(unpadded)) return undefined;
  const out = new Uint8Array(Math.floor((unpadded.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (const char of unpadded) {
    const value = char === '-' ? 62 : char === '_' ? 63 : STANDARD.indexOf(char);
    buffer = (buffer << 6) | value;
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
