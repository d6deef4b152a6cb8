import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CompactSign, exportJWK, generateKeyPair, generateSecret } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { JWS_ALGORITHMS, validateIdToken, verifyJws, type JwsAlgorithm, type VerificationKeys } from '../../../../src/core';
import { anyData, anyString, data } from '../../../fuzz/hostile';
import { idToken, idTokenExpectation, jwsToken, verificationKeys, verifyOptions } from '../../../fuzz/jose-shapes';

// Properties over many inputs, beside the examples: the two functions never throw, and no change
// to a verified token, however small, still verifies.

type Jwk = Record<string, unknown>;
const vector = <T>(path: string): T => JSON.parse(readFileSync(new URL(`vectors/${path}`, import.meta.url), 'utf8')) as T;

/** Tokens that verify, with their keys: the RFC examples, and one made by jose for every algorithm. */
const signed: { token: string; keys: VerificationKeys; name: string }[] = [];

beforeAll(async () => {
  for (const example of vector<{ examples: { section: string; key?: Jwk; compact: string }[] }>('rfc7515-appendix.json').examples) {
    if (example.key) signed.push({ name: `RFC 7515 ${example.section}`, token: example.compact, keys: { jwk: example.key } });
  }
  const ed = vector<{ input: { key: Jwk }; output: { compact: string } }>('rfc8037-a4-ed25519.json');
  signed.push({ name: 'RFC 8037 A.4', token: ed.output.compact, keys: { jwk: { ...ed.input.key, d: undefined } } });
  for (const alg of Object.keys(JWS_ALGORITHMS) as JwsAlgorithm[]) {
    const hmac = JWS_ALGORITHMS[alg].kty === 'oct';
    const key = hmac ? await generateSecret(alg, { extractable: true }) : (await generateKeyPair(alg === 'EdDSA' ? 'Ed25519' : alg, { extractable: true })).privateKey;
    const token = await new CompactSign(new TextEncoder().encode('{"sub":"alice"}')).setProtectedHeader({ alg, kid: `k-${alg}` }).sign(key);
    const jwk = await exportJWK(key);
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
    signed.push({ name: alg, token, keys: { jwks: { keys: [{ ...publicJwk, kid: `k-${alg}` }] } } });
  }
  for (const { token, keys, name } of signed) expect((await verifyJws(token, keys)).verified, name).toBe(true);
});

describe('verifyJws, properties', () => {
  it('never throws and never rejects, whatever the token, keys and options', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(jwsToken, anyData as fc.Arbitrary<string>), fc.oneof(data(verificationKeys), anyData as fc.Arbitrary<VerificationKeys>), data(verifyOptions), async (token, keys, options) => {
        const result = await verifyJws(token, keys, options);
        expect(typeof result.verified).toBe('boolean');
        expect(typeof result.message).toBe('string');
        expect(result.verified === (result.reason === undefined)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never verifies a token one of whose signature bits was flipped, and calls it bad_signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 7 }), async (which, at, bit) => {
        const { token, keys, name } = signed[which % signed.length]!;
        const [header, payload, signature] = token.split('.') as [string, string, string];
        const bytes = Buffer.from(signature, 'base64url');
        bytes[at % bytes.length]! ^= 1 << bit;
        const result = await verifyJws(`${header}.${payload}.${bytes.toString('base64url')}`, keys);
        expect(result, name).toMatchObject({ verified: false, reason: 'bad_signature' });
      }),
      { numRuns: 300 },
    );
  });

  it('never verifies a token with any one character of its text changed, in any part', async () => {
    const characters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n%';
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.constantFrom(...characters), async (which, at, character) => {
        const { token, keys, name } = signed[which % signed.length]!;
        const position = at % token.length;
        const changed = token.slice(0, position) + character + token.slice(position + 1);
        fc.pre(changed !== token);
        expect((await verifyJws(changed, keys)).verified, `${name}: ${changed}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateIdToken, properties', () => {
  it('never throws on any text or object, and is valid exactly when nothing failed', () => {
    fc.assert(
      fc.property(fc.oneof(idToken, anyString, anyData as fc.Arbitrary<string>), fc.oneof(data(idTokenExpectation), anyData as fc.Arbitrary<never>), (token, expected) => {
        const result = validateIdToken(token, expected);
        expect(result.valid).toBe(result.failures.length === 0);
        for (const failure of result.failures) {
          expect(typeof failure.claim).toBe('string');
          expect(failure.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
