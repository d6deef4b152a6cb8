import { utf8 } from '../lib/base64';
import { isRecord } from '../lib/is-record';
import { ownMember } from '../lib/own-member';
import { pemToJwk } from './pem-to-jwk';
import type { PublicJwk } from './public-jwk';
import { decodeBase64url } from './read-jws';

/** The keys a token may be verified with, as a person gives them: a provider's JWKS, one JWK, a PEM, an HMAC secret. */
export type VerificationKeys = { jwks?: object; jwk?: object; pem?: string; secret?: string };

export type KeySource = 'jwks' | 'jwk' | 'pem' | 'secret';

/** Which of the given keys this is: its kid, else its place (and, for a public key, its RFC 7638 thumbprint). */
export type KeyName = { source: KeySource; index?: number; kid?: string; thumbprint?: string };

export type KeyMaterial =
  | { kind: 'public'; jwk: PublicJwk; rsaBits?: number }
  | { kind: 'secret'; bytes: Uint8Array }
  /** A key that cannot be imported; `kty` kept when known, so that a broken RSA key offered for HS256 is still called a mismatch. */
  | { kind: 'unusable'; kty?: string; message: string };

/** One key, with what its JWK says about its own use, judged against the token in key-fit.ts. */
export type KeyCandidate = {
  name: KeyName;
  use?: unknown;
  keyOps?: unknown;
  alg?: unknown;
  material: KeyMaterial;
};

// A JWKS of more keys than this is not a provider's: the rest are not tried.
const MAX_JWKS_KEYS = 100;

/**
 * Every key given, in the order they are tried: the JWKS's, the JWK, the PEM, the secret. Never
 * throws: a key that cannot be read becomes an unusable candidate that says why.
 */
export function verificationKeys(keys: unknown): KeyCandidate[] {
  const candidates: KeyCandidate[] = [];
  const jwks = ownMember(keys, 'jwks');
  if (jwks !== undefined) {
    const list = ownMember(jwks, 'keys');
    if (Array.isArray(list)) {
      for (let index = 0; index < Math.min(list.length, MAX_JWKS_KEYS); index++) {
        const jwk: unknown = list[index];
        if (jwk !== undefined) candidates.push(fromJwk(jwk, { source: 'jwks', index }));
      }
    } else {
      candidates.push({ name: { source: 'jwks' }, material: { kind: 'unusable', message: 'The JWKS has no "keys" array (RFC 7517 §5).' } });
    }
  }
  const jwk = ownMember(keys, 'jwk');
  if (jwk !== undefined) candidates.push(fromJwk(jwk, { source: 'jwk' }));
  const pem = ownMember(keys, 'pem');
  if (typeof pem === 'string' && pem.trim() !== '') {
    const reading = pemToJwk(pem);
    candidates.push({ name: { source: 'pem' }, material: reading.ok ? publicMaterial(reading.jwk) : { kind: 'unusable', message: reading.message } });
  }
  const secret = ownMember(keys, 'secret');
  if (typeof secret === 'string' && secret !== '') candidates.push({ name: { source: 'secret' }, material: secretMaterial(secret) });
  return candidates;
}

/**
 * A secret's UTF-8 octets, as RFC 7515 Appendix A.1 uses its key's octets (a secret written in
 * base64 is used as written). Unless it is a public key pasted where the secret goes: a PEM text
 * or a JWK of kty RSA, EC or OKP is refused, keeping its type, so that an HS token meets the
 * algorithm-confusion refusal rather than being checked against a public key's text (Wycheproof's
 * "Symmetric/Asymmetric Signature Type Confusion").
 */
function secretMaterial(secret: string): KeyMaterial {
  const given = 'It was given as the HMAC secret; a public key is given as a JWK or a PEM.';
  if (secret.includes('-----BEGIN ')) {
    const reading = pemToJwk(secret);
    return { kind: 'unusable', kty: reading.ok ? reading.jwk.kty : 'PEM', message: `The secret is a PEM text. ${given}` };
  }
  if (secret.trimStart().startsWith('{')) {
    let kty: unknown;
    try {
      kty = ownMember(JSON.parse(secret), 'kty');
    } catch {
      kty = undefined;
    }
    if (kty === 'RSA' || kty === 'EC' || kty === 'OKP') return { kind: 'unusable', kty, message: `The secret is a JWK of kty ${kty}. ${given}` };
  }
  return { kind: 'secret', bytes: utf8(secret) };
}

function fromJwk(jwk: unknown, name: KeyName): KeyCandidate {
  const text = (field: string) => {
    const value = ownMember(jwk, field);
    return typeof value === 'string' ? value : undefined;
  };
  const kid = text('kid');
  const candidate: KeyCandidate = { name: kid === undefined ? name : { ...name, kid }, material: { kind: 'unusable', message: 'The JWK is not an object.' } };
  for (const field of ['use', 'key_ops', 'alg'] as const) {
    const value = ownMember(jwk, field);
    if (value !== undefined) candidate[field === 'key_ops' ? 'keyOps' : field] = value;
  }
  if (!isRecord(jwk)) return candidate;
  const kty = text('kty');
  const unusable = (message: string): KeyMaterial => ({ kind: 'unusable', ...(kty !== undefined ? { kty } : {}), message });
  const missing = (fields: string[]) => fields.filter((field) => text(field) === undefined);
  switch (kty) {
    case 'oct': {
      const k = text('k');
      const bytes = k === undefined ? undefined : decodeBase64url(k);
      candidate.material = bytes && bytes.length > 0 ? { kind: 'secret', bytes } : unusable('The oct JWK has no "k", or it is not base64url (RFC 7518 §6.4.1).');
      break;
    }
    case 'RSA': {
      const lacking = missing(['n', 'e']);
      candidate.material = lacking.length ? unusable(`The RSA JWK lacks ${lacking.join(' and ')} (RFC 7518 §6.3.1).`) : publicMaterial({ kty, n: text('n')!, e: text('e')! });
      break;
    }
    case 'EC': {
      const lacking = missing(['crv', 'x', 'y']);
      candidate.material = lacking.length ? unusable(`The EC JWK lacks ${lacking.join(', ')} (RFC 7518 §6.2.1).`) : publicMaterial({ kty, crv: text('crv')!, x: text('x')!, y: text('y')! });
      break;
    }
    case 'OKP': {
      const lacking = missing(['crv', 'x']);
      candidate.material = lacking.length ? unusable(`The OKP JWK lacks ${lacking.join(' and ')} (RFC 8037 §2).`) : publicMaterial({ kty, crv: text('crv')!, x: text('x')! });
      break;
    }
    default:
      candidate.material = unusable(kty === undefined ? 'The JWK has no "kty" (RFC 7517 §4.1).' : `The JWK's kty "${kty}" is not one a signature is verified with (oct, RSA, EC, OKP).`);
  }
  return candidate;
}

function publicMaterial(jwk: PublicJwk): KeyMaterial {
  if (jwk.kty !== 'RSA') return { kind: 'public', jwk };
  const n = decodeBase64url(jwk.n);
  if (!n || !decodeBase64url(jwk.e)) return { kind: 'unusable', kty: 'RSA', message: 'The RSA key\'s "n" or "e" is not base64url (RFC 7518 §6.3.1).' };
  let at = 0;
  while (at < n.length && n[at] === 0) at++;
  const bits = at === n.length ? 0 : (n.length - at) * 8 - Math.clz32(n[at]!) + 24;
  return { kind: 'public', jwk, rsaBits: bits };
}
