// The one module of the core that uses WebCrypto without having it handed in: jose calls
// globalThis.crypto.subtle itself, and offers no way to pass another. It is kept apart, and
// reached by the views through a dynamic import() (see docs/verification.md), so the popup's
// start never loads it. Everything else here, the judgement of keys and tokens, is pure.
import { compactVerify } from 'jose';
import { JWS_ALGORITHMS, type JwsAlgorithm } from '../catalog/jws-algorithms';
import { shorten } from '../lib/shorten';
import { jwkThumbprint } from './jwk-thumbprint';
import { keyFit, type KeyRefusal } from './key-fit';
import { readJws } from './read-jws';
import { verificationKeys, type KeyCandidate, type KeyName, type VerificationKeys } from './verification-keys';

export type { VerificationKeys, KeyName, KeySource } from './verification-keys';

export type JwsFailureReason =
  /** Not a compact JWS: parts, base64url, header JSON (RFC 7515 §5.2). */
  | 'malformed'
  /** alg "none" in any case: unsecured, never accepted (RFC 8725 §3.1, Wycheproof AlgIsNone). */
  | 'alg_none'
  /** An alg this verifier does not know, or one outside `options.algorithms`. */
  | 'unsupported_alg'
  /** Only keys of another type, curve or size than the alg needs, or whose own "alg" differs. */
  | 'alg_key_mismatch'
  /** No key given, none with the token's kid, or none that could be read. */
  | 'no_matching_key'
  /** Every key that fits was tried and none verified the signature. */
  | 'bad_signature'
  /** The header lists extensions in "crit" (RFC 7515 §4.1.11); this verifier understands none. */
  | 'crit_unsupported'
  /** The only fitting keys say, by "use" or "key_ops", that they are not for verifying. */
  | 'key_use';

export type VerifyJwsOptions = { algorithms?: string[] };

export type JwsVerification = {
  verified: boolean;
  reason?: JwsFailureReason;
  /** The token's alg, when its header could be read. */
  alg?: string;
  /** Verified: the kid of the key that verified, if it has one. Not verified: the kid the token asked for. */
  kid?: string;
  /** Verified: which of the given keys it was (its kid, or its place and thumbprint when it has none). */
  key?: KeyName;
  /** For the developer: what was found, in words. */
  message: string;
};

const failed = (reason: JwsFailureReason, message: string, known: { alg?: string; kid?: string } = {}): JwsVerification => ({
  verified: false,
  reason,
  ...known,
  message,
});

/**
 * Verifies a compact JWS with the keys given, never with a key the token carries (jwk, jku, x5c,
 * x5u are ignored: Wycheproof's rejectsAttackerProvidedEmbeddedJwk). The key is chosen by the
 * token's kid; without one, every key of the alg's type is tried and the one that verified is
 * named. Never throws and never rejects, whatever it is handed: a failure carries its reason.
 */
export async function verifyJws(token: string, keys: VerificationKeys, options?: VerifyJwsOptions): Promise<JwsVerification> {
  try {
    return await verify(token, keys, options);
  } catch {
    // Only a bug gets here (every step below catches what it expects): fail closed.
    return failed('malformed', 'The token could not be verified.');
  }
}

async function verify(token: unknown, keys: unknown, options: unknown): Promise<JwsVerification> {
  const jws = readJws(token);
  if (!jws.ok) return failed('malformed', jws.message);
  const { header } = jws;
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const alg = typeof header.alg === 'string' ? header.alg : undefined;
  const known = { ...(alg !== undefined ? { alg } : {}), ...(kid !== undefined ? { kid } : {}) };

  // RFC 7515 §4.1.11: a recipient that does not understand an extension listed in "crit" MUST reject.
  if (Object.hasOwn(header, 'crit')) {
    const crit = header.crit;
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string' && name !== '')) {
      return failed('malformed', '"crit" must be a non-empty array of header parameter names (RFC 7515 §4.1.11).', known);
    }
    return failed('crit_unsupported', `The header marks ${crit.map((name) => JSON.stringify(shortened(name))).join(', ')} as critical, an extension this verifier does not implement (RFC 7515 §4.1.11).`, known);
  }
  if (alg === undefined) return failed('malformed', 'The header has no "alg" (RFC 7515 §4.1.1).', known);
  if (alg.toLowerCase() === 'none') return failed('alg_none', `alg is "${alg}": the token is unsecured (RFC 7519 §6) and anyone could have written it; it is never accepted.`, known);
  if (!Object.hasOwn(JWS_ALGORITHMS, alg)) return failed('unsupported_alg', `alg "${shortened(alg)}" is not one this verifier knows (${Object.keys(JWS_ALGORITHMS).join(', ')}).`, known);
  const allowed = allowedAlgorithms(options);
  if (allowed && !allowed.includes(alg)) return failed('unsupported_alg', `alg ${alg} is not among the algorithms allowed here (${allowed.join(', ') || 'none'}).`, known);
  const algorithm = alg as JwsAlgorithm;
  const entry = JWS_ALGORITHMS[algorithm];

  const given = verificationKeys(keys);
  if (given.length === 0) return failed('no_matching_key', 'No key was given: a JWKS, a JWK, a PEM or a secret.', known);
  // With a kid, a JWKS's keys are those of that kid; a key given alone is the caller's choice, tried unless its own kid differs.
  const selected = kid === undefined ? given : given.filter((key) => (key.name.kid === undefined ? key.name.source !== 'jwks' : key.name.kid === kid));
  if (selected.length === 0) {
    const kids = given.flatMap((key) => (key.name.kid === undefined ? [] : [JSON.stringify(shortened(key.name.kid))]));
    return failed('no_matching_key', `No key has the token's kid ${JSON.stringify(shortened(kid!))}${kids.length ? `; the keys' kids are ${kids.join(', ')}` : ''}.`, known);
  }

  const refusals: KeyRefusal[] = [];
  let tried = 0;
  for (const candidate of selected) {
    const refusal = keyFit(candidate, algorithm, entry);
    if (refusal) {
      refusals.push(refusal);
      continue;
    }
    const outcome = await tryKey(token as string, candidate, algorithm);
    if (outcome === 'verified') {
      const name = named(candidate);
      return { verified: true, alg, ...(name.kid !== undefined ? { kid: name.kid } : {}), key: name, message: `Signature verified with ${describeKey(name)}.` };
    }
    if (outcome === 'bad_signature') tried++;
    else refusals.push(outcome);
  }
  return unverified(tried, refusals, selected.length, known);
}

/** The most telling reason when no key verified: a signature that was checked and failed says most. */
function unverified(tried: number, refusals: KeyRefusal[], count: number, known: { alg?: string; kid?: string }): JwsVerification {
  const keys = count === 1 ? 'the key' : `${count} keys`;
  if (tried > 0) return failed('bad_signature', `The signature does not verify with ${tried === 1 && count === 1 ? 'the key' : `any of the ${tried} fitting key${tried === 1 ? '' : 's'}`}: the token was altered, or signed with another key.`, known);
  for (const reason of ['key_use', 'unsupported_alg', 'alg_key_mismatch'] as const) {
    const refusal = refusals.find((r) => r.reason === reason);
    if (refusal) return failed(reason, count === 1 ? refusal.message : `None of ${keys} fits; for one: ${refusal.message}`, known);
  }
  return failed('no_matching_key', `No usable key: ${refusals[0]?.message ?? 'none was given.'}`, known);
}

/** One signature check through jose, with nothing but the key's public members (or the secret's octets). */
async function tryKey(token: string, candidate: KeyCandidate, alg: JwsAlgorithm): Promise<'verified' | 'bad_signature' | KeyRefusal> {
  const { material } = candidate;
  if (material.kind === 'unusable') return { reason: 'unusable', message: material.message };
  try {
    await compactVerify(token, material.kind === 'secret' ? material.bytes : { ...material.jwk }, { algorithms: [alg] });
    return 'verified';
  } catch (error) {
    const code = errorField(error, 'code');
    const name = errorField(error, 'name');
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'bad_signature';
    if (code === 'ERR_JOSE_NOT_SUPPORTED' || name === 'NotSupportedError') {
      return { reason: 'unsupported_alg', message: `This browser's WebCrypto cannot verify ${alg}${alg === 'EdDSA' || alg === 'Ed25519' ? ' (Ed25519 came to Chrome in version 137 and Firefox in 129)' : ''}.` };
    }
    const said = errorField(error, 'message');
    return { reason: 'unusable', message: `The key could not be used: ${typeof said === 'string' && said !== '' ? shortened(said) : 'WebCrypto refused it'}.` };
  }
}

function errorField(error: unknown, field: 'code' | 'name' | 'message'): unknown {
  try {
    return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;
  } catch {
    return undefined;
  }
}

/** The caller's restriction: none when `algorithms` is left out; one that cannot be read allows nothing (fail closed). */
function allowedAlgorithms(options: unknown): string[] | undefined {
  try {
    const algorithms = typeof options === 'object' && options !== null ? (options as VerifyJwsOptions).algorithms : undefined;
    if (algorithms === undefined) return undefined;
    return Array.isArray(algorithms) ? algorithms.filter((alg): alg is string => typeof alg === 'string') : [];
  } catch {
    return [];
  }
}

/** The verifying key's name, with its thumbprint when it is a public key without a kid. */
function named(candidate: KeyCandidate): KeyName {
  const { name, material } = candidate;
  return name.kid === undefined && material.kind === 'public' ? { ...name, thumbprint: jwkThumbprint(material.jwk) } : name;
}

function describeKey(name: KeyName): string {
  const which = name.source === 'jwks' ? `the JWKS's key ${name.index ?? ''}`.trimEnd() : name.source === 'jwk' ? 'the JWK' : name.source === 'pem' ? 'the PEM key' : 'the secret';
  if (name.kid !== undefined) return `${which} (kid ${JSON.stringify(shortened(name.kid))})`;
  return name.thumbprint ? `${which} (no kid; RFC 7638 thumbprint ${name.thumbprint})` : which;
}

const shortened = (text: string) => shorten(text, 80);
