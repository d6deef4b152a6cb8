import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { JWS_ALGORITHMS, type IdTokenExpectation, type VerificationKeys, type VerifyJwsOptions } from '../../src/core';
import { anyNumber, anyString, base64ish, jwtish, optional, urlish } from './hostile';

// What verifyJws and validateIdToken are handed: the published vectors' tokens and keys (so the
// fuzz reaches the signature check), the same cut, spliced and relabelled, and anything at all.

const vector = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../unit/core/verify/vectors/${path}`, import.meta.url), 'utf8')) as T;
type Jwk = Record<string, unknown>;
const rfc7515 = vector<{ examples: { key?: Jwk; compact: string }[]; negative: { compact: string } }>('rfc7515-appendix.json');
const rfc8037 = vector<{ input: { key: Jwk }; output: { compact: string } }>('rfc8037-a4-ed25519.json');
const rfc7520 = ['4_1.rsa_v15_signature.json', '4_2.rsa-pss_signature.json', '4_3.ecdsa_signature.json', '4_4.hmac-sha2_integrity_protection.json'].map((file) =>
  vector<{ input: { key: Jwk }; output: { compact: string } }>(`rfc7520/${file}`),
);
const { es256, rs256 } = vector<Record<'es256' | 'rs256', { certificate: string; token: string }>>('generated-certificates.json');
const certificates = [es256, rs256];
const rfc7517 = vector<{ jwk: Jwk & { x5c: string[] } }>('rfc7517-appendix-b.json');

const publicOf = ({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...jwk }: Jwk) => jwk;
const TOKENS = [
  ...rfc7515.examples.map((e) => e.compact),
  rfc7515.negative.compact,
  rfc8037.output.compact,
  ...rfc7520.map((e) => e.output.compact),
  ...certificates.map((c) => c.token),
];
const KEYS: Jwk[] = [...rfc7515.examples.flatMap((e) => (e.key ? [e.key] : [])), publicOf(rfc8037.input.key), ...rfc7520.map((e) => publicOf(e.input.key))];
const PEMS = [
  ...certificates.map((c) => c.certificate),
  `-----BEGIN CERTIFICATE-----\n${rfc7517.jwk.x5c[0]}\n-----END CERTIFICATE-----`,
  createPublicKey({ key: rfc7515.examples[1]!.key as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string,
  createPublicKey({ key: rfc7515.examples[1]!.key as never, format: 'jwk' }).export({ type: 'pkcs1', format: 'pem' }) as string,
];
const ALGS = [...Object.keys(JWS_ALGORITHMS), 'none', 'NONE', 'HS1024', 'RSA-OAEP', '', 'toString', '__proto__'];

/** A text with a piece put in place of another: one character changed, a part cut, dots added. */
const spliced = (texts: string[]) =>
  fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.nat(8), fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('.', '..', '=', ' ', '\n', 'A', '_', '-', '+', '/')))
    .map(([text, at, length, piece]) => {
      const from = at % (text.length + 1);
      return text.slice(0, from) + piece + text.slice(from + length);
    });

const headerOf = fc.dictionary(
  fc.constantFrom('alg', 'kid', 'crit', 'typ', 'jwk', 'b64', 'x5c', 'jku'),
  fc.oneof(fc.constantFrom(...ALGS), fc.constantFrom('bilbo.baggins@hobbiton.example', '018c0ae5-4d9b-471b-bfd6-eef314bc7037'), fc.constant(['b64']), fc.constant([]), fc.jsonValue({ maxDepth: 2 }), anyString),
  { maxKeys: 4 },
);
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value) ?? 'null').toString('base64url');

/** A real token under another header: the signature no longer covers what it claims. */
const relabelled = fc.tuple(headerOf, fc.constantFrom(...TOKENS)).map(([header, token]) => `${b64(header)}${token.slice(token.indexOf('.'))}`);

export const jwsToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 4, arbitrary: spliced(TOKENS) },
  { weight: 3, arbitrary: relabelled },
  { weight: 2, arbitrary: jwtish },
  { weight: 2, arbitrary: anyString },
);

const jwkMembers = fc.record(
  {
    kty: fc.oneof(fc.constantFrom('RSA', 'EC', 'OKP', 'oct', 'AKP', ''), anyString),
    crv: fc.oneof(fc.constantFrom('P-256', 'P-384', 'P-521', 'Ed25519', 'Ed448', 'X25519'), anyString),
    n: fc.oneof(fc.constantFrom(...KEYS.flatMap((k) => (typeof k.n === 'string' ? [k.n] : []))), base64ish),
    e: fc.oneof(fc.constant('AQAB'), base64ish),
    x: base64ish,
    y: base64ish,
    k: base64ish,
    kid: fc.oneof(fc.constantFrom('bilbo.baggins@hobbiton.example', '018c0ae5-4d9b-471b-bfd6-eef314bc7037'), anyString),
    use: fc.oneof(fc.constantFrom('sig', 'enc'), anyString),
    key_ops: fc.oneof(fc.constant(['verify']), fc.array(anyString, { maxLength: 3 })),
    alg: fc.constantFrom(...ALGS),
  },
  { requiredKeys: [] },
);
const jwk: fc.Arbitrary<Jwk> = fc.oneof(fc.constantFrom(...KEYS), fc.tuple(fc.constantFrom(...KEYS), jwkMembers).map(([key, members]) => ({ ...key, ...members })), jwkMembers);
const pem = fc.oneof(fc.constantFrom(...PEMS), spliced(PEMS), anyString);

export const verificationKeys: fc.Arbitrary<VerificationKeys> = fc.record(
  {
    jwks: fc.record({ keys: fc.array(jwk, { maxLength: 4 }) }),
    jwk,
    pem,
    secret: fc.oneof(anyString, fc.constantFrom(...PEMS), fc.constantFrom(...KEYS).map((key) => JSON.stringify(key)), fc.constantFrom(...KEYS.flatMap((k) => (typeof k.k === 'string' ? [k.k] : [])))),
  },
  { requiredKeys: [] },
);

export const verifyOptions: fc.Arbitrary<VerifyJwsOptions | undefined> = optional(fc.record({ algorithms: fc.array(fc.oneof(fc.constantFrom(...ALGS), anyString), { maxLength: 4 }) }, { requiredKeys: [] }));

const claimValue = fc.oneof(anyNumber, anyString, urlish, fc.jsonValue({ maxDepth: 2 }), fc.array(fc.oneof(anyString, fc.constant('client-1')), { maxLength: 3 }), fc.constant('client-1'));
const claims = fc.dictionary(fc.constantFrom('iss', 'sub', 'aud', 'azp', 'exp', 'iat', 'nbf', 'nonce', 'auth_time', 'at_hash', 'c_hash', '__proto__', 'toString'), claimValue, { maxKeys: 10 });

/** ID tokens: claims of every type under every alg, real tokens, their splices, anything. */
export const idToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...ALGS), claims, base64ish).map(([alg, payload, signature]) => `${b64({ alg })}.${b64(payload)}.${signature}`) },
  { weight: 2, arbitrary: jwsToken },
);

export const idTokenExpectation: fc.Arbitrary<IdTokenExpectation> = fc.record(
  {
    issuer: fc.oneof(urlish, anyString),
    clientId: fc.oneof(fc.constant('client-1'), anyString),
    nonce: anyString,
    now: anyNumber,
    maxAgeSeconds: anyNumber,
    authTime: fc.boolean(),
    accessToken: anyString,
    code: anyString,
    clockToleranceSeconds: anyNumber,
  },
  { requiredKeys: ['issuer', 'clientId'] },
);
