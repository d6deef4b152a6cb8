import { decodeBase64 } from '../core';

/** The alg a compact JWS's header names, read without verifying anything: which ways to verify it make sense. */
export function headerAlg(token: string): string | undefined {
  const bytes = decodeBase64(token.split('.')[0] ?? '');
  try {
    const header: unknown = bytes && JSON.parse(new TextDecoder().decode(bytes));
    const alg = typeof header === 'object' && header !== null ? (header as { alg?: unknown }).alg : undefined;
    return typeof alg === 'string' ? alg : undefined;
  } catch {
    return undefined;
  }
}

/** HS256, HS384, HS512: signed with a secret shared with the client, which no issuer's JWK Set holds. */
export const isHmac = (token: string) => /^HS\d+$/.test(headerAlg(token) ?? '');
