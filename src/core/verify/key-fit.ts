import type { JwsAlgorithm, JwsAlgorithmEntry } from '../catalog/jws-algorithms';
import type { KeyCandidate } from './verification-keys';

/** Why a key was not tried. `unusable`: it could not be read at all (the message says why). */
export type KeyRefusal = { reason: 'alg_key_mismatch' | 'key_use' | 'unsupported_alg' | 'unusable'; message: string };

/** A member's value for a message: text quoted and cut short, anything else only named (it may be deep, or throw when written). */
function quoted(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value) : `not text (${Array.isArray(value) ? 'an array' : typeof value})`;
}

const KEY_TYPES: Record<string, string> = { oct: 'a shared secret', RSA: 'an RSA key', EC: 'an EC key', OKP: 'an OKP (Edwards-curve) key', PEM: 'a PEM text' };

/**
 * Whether `candidate` may verify a token of `alg`, or why not; undefined when it may. The type
 * comes first and from the key, never from the token: a public key (JWK or PEM) is never an
 * HMAC secret, which is what the algorithm-confusion attack needs (RFC 8725 §2.1, §3.1). Then
 * what the key says of itself: its `alg` (RFC 7517 §4.4), `use` (§4.2) and `key_ops` (§4.3).
 */
export function keyFit(candidate: KeyCandidate, alg: JwsAlgorithm, entry: JwsAlgorithmEntry): KeyRefusal | undefined {
  const { material } = candidate;
  const kty = material.kind === 'secret' ? 'oct' : material.kind === 'public' ? material.jwk.kty : material.kty;
  const mismatch = (message: string): KeyRefusal => ({ reason: 'alg_key_mismatch', message });
  const described = (kty !== undefined && Object.hasOwn(KEY_TYPES, kty) ? KEY_TYPES[kty] : undefined) ?? `a key of kty "${String(kty)}"`;

  if (kty !== undefined && kty !== entry.kty) {
    if (entry.kty === 'oct') {
      const from = candidate.name.source === 'pem' ? 'a PEM public key' : candidate.name.source === 'secret' ? `${described}, given as the secret,` : described;
      return mismatch(`${alg} is an HMAC, verified with a shared secret; this is ${from} and is never used as one: a public key taken as an HMAC secret is the algorithm-confusion attack (RFC 8725 §2.1).`);
    }
    return mismatch(`${alg} is verified with ${KEY_TYPES[entry.kty]}; this is ${described}.`);
  }
  if (material.kind === 'unusable') return { reason: 'unusable', message: material.message };
  if (material.kind === 'public' && material.jwk.kty !== 'RSA' && material.jwk.crv !== entry.crv) {
    if (material.jwk.crv === 'Ed448') return { reason: 'unsupported_alg', message: `${alg} with an Ed448 key is not supported: browsers' WebCrypto verifies Ed25519 only.` };
    return mismatch(`${alg} is verified with a key on ${entry.crv}; this key is on ${material.jwk.crv}.`);
  }
  if (material.kind === 'public' && entry.minRsaBits && (material.rsaBits ?? 0) < entry.minRsaBits) {
    return mismatch(`${alg} needs an RSA key of ${entry.minRsaBits} bits or more (RFC 7518 §3.3); this one has ${material.rsaBits ?? 0}.`);
  }
  if (candidate.alg !== undefined && candidate.alg !== alg) {
    return mismatch(`The key's "alg" is ${quoted(candidate.alg)}; the token says ${alg}. A key is meant for its one algorithm (RFC 7517 §4.4, RFC 8725 §3.1).`);
  }
  if (candidate.use !== undefined && candidate.use !== 'sig') {
    return { reason: 'key_use', message: `The key's "use" is ${quoted(candidate.use)}, not "sig": it is not for verifying signatures (RFC 7517 §4.2).` };
  }
  if (candidate.keyOps !== undefined && !(Array.isArray(candidate.keyOps) && candidate.keyOps.includes('verify'))) {
    return { reason: 'key_use', message: 'The key\'s "key_ops" do not include "verify" (RFC 7517 §4.3).' };
  }
  return undefined;
}
