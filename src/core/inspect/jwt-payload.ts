import { decodeBase64 } from '../lib/base64';

/**
 * The claims of a JWS compact JWT, decoded without verifying anything: enough to compare an
 * ID token's nonce with the one sent. undefined when it is not a JWT with a JSON object payload.
 */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const bytes = decodeBase64(parts[1]!);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
