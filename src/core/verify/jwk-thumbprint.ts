import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64, utf8 } from '../lib/base64';
import type { PublicJwk } from './public-jwk';

/**
 * RFC 7638 §3: the SHA-256 of the key's required members, in lexicographic order, without
 * whitespace. Names a key that has no `kid`; public keys only, since the thumbprint of a shared
 * secret would be a hash of the secret.
 */
export function jwkThumbprint(jwk: PublicJwk): string {
  // JSON.stringify writes strings as §3.2 requires: no whitespace, only the escapes JSON needs.
  const members =
    jwk.kty === 'RSA'
      ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
      : jwk.kty === 'EC'
        ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
        : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return encodeBase64(sha256(utf8(JSON.stringify(members))), 'url');
}
