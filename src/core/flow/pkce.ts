import { encodeBase64, utf8 } from '../lib/base64';
import type { Randomness, Sha256 } from '../lib/platform';

export type PkceMethod = 'S256' | 'plain';

/**
 * RFC 7636 §4.1: 32 random octets, base64url-encoded, give a 43-character verifier,
 * the spec's recommendation, well inside its 43–128 character range.
 */
export function generateCodeVerifier(random: Randomness): string {
  return encodeBase64(random(32), 'url');
}

/** RFC 7636 §4.2: S256 is BASE64URL(SHA256(ASCII(code_verifier))); plain is the verifier itself. */
export async function codeChallenge(verifier: string, method: PkceMethod, sha256: Sha256): Promise<string> {
  if (method === 'plain') return verifier;
  return encodeBase64(await sha256(utf8(verifier)), 'url');
}
