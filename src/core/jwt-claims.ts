import { decodeBase64 } from './base64';

/**
 * Reads the claims of a compact JWS without verifying anything: decoding is not validation.
 * Returns undefined when the token is not three dot-separated parts with a JSON object in
 * the middle.
 */
export function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const bytes = decodeBase64(parts[1]!);
  if (!bytes) return undefined;
  try {
    const claims: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
