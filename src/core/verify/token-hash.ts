import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { JWS_ALGORITHMS } from '../catalog/jws-algorithms';
import { encodeBase64, utf8 } from '../lib/base64';

// Synchronous hashes (noble's), so that validateIdToken stays a plain function like the rest of the core.
const HASHES = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;

export type TokenHash = { value: string; hash: keyof typeof HASHES };

/**
 * OIDC Core §3.1.3.6 (at_hash) and §3.3.2.11 (c_hash): the base64url of the left-most half of the
 * hash of the value's octets, the hash being the one of the ID token's alg (SHA-512 for Ed25519,
 * see jws-algorithms.ts). undefined for an alg with no such hash (none, or one not known here).
 */
export function tokenHash(value: string, alg: string): TokenHash | undefined {
  if (!Object.hasOwn(JWS_ALGORITHMS, alg)) return undefined;
  const hash = JWS_ALGORITHMS[alg as keyof typeof JWS_ALGORITHMS].tokenHash;
  const digest = HASHES[hash](utf8(value));
  return { value: encodeBase64(digest.subarray(0, digest.length / 2), 'url'), hash };
}
