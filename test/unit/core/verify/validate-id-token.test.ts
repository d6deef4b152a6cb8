import { createHash } from 'node:crypto';
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { validateIdToken, type IdTokenExpectation } from '../../../../src/core';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const SECONDS = NOW / 1000;
const ISSUER = 'https://login.example.com';
const CLIENT = 'client-1';
const EXPECTED: IdTokenExpectation = { issuer: ISSUER, clientId: CLIENT, nonce: 'n-0S6_WzA2Mj', now: NOW };
const CLAIMS = { iss: ISSUER, sub: '24400320', aud: CLIENT, exp: SECONDS + 300, iat: SECONDS - 10, nonce: 'n-0S6_WzA2Mj', auth_time: SECONDS - 60 };

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
/** An unsigned-looking token: validateIdToken reads claims only, so the signature's octets do not matter here. */
const token = (claims: Record<string, unknown>, alg = 'RS256') => `${b64({ alg, typ: 'JWT' })}.${b64(claims)}.${b64('signature')}`;
const without = (name: string) => Object.fromEntries(Object.entries(CLAIMS).filter(([key]) => key !== name));
const failuresOf = (claims: Record<string, unknown>, expected: Partial<IdTokenExpectation> = {}) => validateIdToken(token(claims), { ...EXPECTED, ...expected }).failures;

/** The left half of the hash, base64url: OIDC Core §3.1.3.6, computed with Node's OpenSSL rather than the code under test. */
const halfHash = (value: string, hash: 'sha256' | 'sha384' | 'sha512') => {
  const digest = createHash(hash).update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
};

describe('validateIdToken: a token that meets every expectation', () => {
  it('is valid, with no failures', () => {
    expect(validateIdToken(token(CLAIMS), EXPECTED)).toEqual({ valid: true, failures: [] });
  });

  it('is valid with aud as an array holding the client, and azp naming it', () => {
    expect(failuresOf({ ...CLAIMS, aud: [CLIENT, 'https://api.example.com'], azp: CLIENT })).toEqual([]);
    expect(failuresOf({ ...CLAIMS, aud: [CLIENT] })).toEqual([]);
  });

  it('checks no nonce when none was sent', () => {
    expect(failuresOf(without('nonce'), { nonce: undefined })).toEqual([]);
  });
});

describe('validateIdToken: each claim that fails says which and why', () => {
  const cases: [string, Record<string, unknown>, Partial<IdTokenExpectation>, string, RegExp][] = [
    ['iss missing', without('iss'), {}, 'iss', /no "iss"/],
    ['iss of another issuer', { ...CLAIMS, iss: 'https://evil.example' }, {}, 'iss', /iss is "https:\/\/evil.example", but the expected issuer is "https:\/\/login.example.com"/],
    ['iss with a trailing slash', { ...CLAIMS, iss: `${ISSUER}/` }, {}, 'iss', /only by a trailing slash/],
    ['iss not a string', { ...CLAIMS, iss: 42 }, {}, 'iss', /number 42, not a string/],
    ['sub missing', without('sub'), {}, 'sub', /no "sub"/],
    ['sub empty', { ...CLAIMS, sub: '' }, {}, 'sub', /non-empty string/],
    ['aud missing', without('aud'), {}, 'aud', /no "aud"/],
    ['aud of another client', { ...CLAIMS, aud: 'client-2' }, {}, 'aud', /aud is "client-2", which does not include client_id "client-1"/],
    ['aud an array without the client', { ...CLAIMS, aud: ['a', 'b'] }, {}, 'aud', /\["a", "b"\], which does not include/],
    ['aud an empty array', { ...CLAIMS, aud: [] }, {}, 'aud', /non-empty array of strings/],
    ['aud holding a number', { ...CLAIMS, aud: [CLIENT, 7] }, {}, 'aud', /an array: it must be a string or a non-empty array of strings/],
    ['several audiences and no azp', { ...CLAIMS, aud: [CLIENT, 'other'] }, {}, 'azp', /2 audiences and there is no "azp"/],
    ['several audiences and azp of another', { ...CLAIMS, aud: [CLIENT, 'other'], azp: 'other' }, {}, 'azp', /azp is "other", not client_id "client-1"/],
    ['exp missing', without('exp'), {}, 'exp', /no "exp"/],
    ['exp passed', { ...CLAIMS, exp: SECONDS - 45 }, {}, 'exp', /expired at 2026-03-01T11:59:15Z, 45 s ago/],
    ['exp now', { ...CLAIMS, exp: SECONDS }, {}, 'exp', /expired/],
    ['exp a string', { ...CLAIMS, exp: String(SECONDS + 300) }, {}, 'exp', /the string ".*", not a time in seconds/],
    ['iat missing', without('iat'), {}, 'iat', /no "iat"/],
    ['iat in the future', { ...CLAIMS, iat: SECONDS + 120 }, {}, 'iat', /2 min in the future/],
    ['nbf in the future', { ...CLAIMS, nbf: SECONDS + 30 }, {}, 'nbf', /not valid before 2026-03-01T12:00:30Z/],
    ['nbf not a number', { ...CLAIMS, nbf: 'soon' }, {}, 'nbf', /not a time/],
    ['nonce missing', without('nonce'), {}, 'nonce', /no nonce, but the authorization request sent "n-0S6_WzA2Mj"/],
    ['nonce of another request', { ...CLAIMS, nonce: 'older' }, {}, 'nonce', /nonce does not match the one sent in the authorization request: sent "n-0S6_WzA2Mj", the token has "older"/],
    ['nonce not a string', { ...CLAIMS, nonce: 1 }, {}, 'nonce', /number 1/],
    ['auth_time missing with max_age', without('auth_time'), { maxAgeSeconds: 600 }, 'auth_time', /no auth_time, which it must carry since max_age=600 was sent/],
    ['auth_time missing when requested', without('auth_time'), { authTime: true }, 'auth_time', /since auth_time was requested/],
    ['auth_time older than max_age', { ...CLAIMS, auth_time: SECONDS - 3600 }, { maxAgeSeconds: 600 }, 'auth_time', /authenticated at 2026-03-01T11:00:00Z, 60 min ago, longer than max_age=600 s/],
    ['auth_time not a number', { ...CLAIMS, auth_time: 'yesterday' }, {}, 'auth_time', /not a time in seconds/],
    ['at_hash of another access token', { ...CLAIMS, at_hash: halfHash('other-token', 'sha256') }, { accessToken: 'the-token' }, 'at_hash', /the access token hashes to ".*" \(left half of SHA-256, for alg RS256\)/],
    ['c_hash of another code', { ...CLAIMS, c_hash: halfHash('other-code', 'sha256') }, { code: 'the-code' }, 'c_hash', /the code hashes to/],
    ['at_hash not a string', { ...CLAIMS, at_hash: 5 }, { accessToken: 'the-token' }, 'at_hash', /not a string/],
  ];

  it.each(cases)('%s', (_, claims, expected, claim, message) => {
    const failures = failuresOf(claims, expected);
    expect(failures.map((f) => f.claim)).toEqual([claim]);
    expect(failures[0]!.message).toMatch(message);
  });

  it('names every failing claim at once, in the order of the checks', () => {
    const failures = failuresOf({ iss: 'x', aud: 'y', exp: 1, iat: 1 });
    expect(failures.map((f) => f.claim)).toEqual(['iss', 'sub', 'aud', 'exp', 'nonce']);
    expect(validateIdToken(token({ iss: 'x' }), EXPECTED).valid).toBe(false);
  });

  it('honours the clock tolerance for exp, iat, nbf and auth_time', () => {
    const skewed = { ...CLAIMS, exp: SECONDS - 20, iat: SECONDS + 20, nbf: SECONDS + 20, auth_time: SECONDS - 620 };
    expect(failuresOf(skewed, { maxAgeSeconds: 600 }).map((f) => f.claim)).toEqual(['exp', 'iat', 'nbf', 'auth_time']);
    expect(failuresOf(skewed, { maxAgeSeconds: 600, clockToleranceSeconds: 30 })).toEqual([]);
  });

  it('takes now from the clock when not given', () => {
    const live = { ...CLAIMS, exp: Date.now() / 1000 + 60, iat: Date.now() / 1000 - 1 };
    expect(validateIdToken(token(live), { issuer: ISSUER, clientId: CLIENT })).toEqual({ valid: true, failures: [] });
  });

  it('says so when no issuer or client_id was given to compare with', () => {
    const failures = validateIdToken(token(CLAIMS), { issuer: '', clientId: '', now: NOW }).failures;
    expect(failures.map((f) => f.message)).toEqual([expect.stringMatching(/no expected issuer/), expect.stringMatching(/no client_id was given/)]);
  });

  it.each([
    ['', /empty/],
    ['a.b.c.d.e', /JWE/],
    ['not a token', /three/],
    [`${b64({ alg: 'RS256' })}.${b64('[1,2]')}.${b64('s')}`, /not an object/],
    [`${b64({ alg: 'RS256' })}.${b64('{"iss":')}.${b64('s')}`, /not UTF-8 JSON/],
  ])('a token that is not a JWT of claims (%s) fails as "token"', (input, message) => {
    expect(validateIdToken(input, EXPECTED)).toEqual({ valid: false, failures: [{ claim: 'token', message: expect.stringMatching(message) }] });
  });
});

describe('validateIdToken: at_hash and c_hash under the token\'s alg, checked against Node\'s hashes', () => {
  const accessToken = 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y';
  const code = 'Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk';
  const keys = {
    RS256: ['RS256', 'sha256'],
    ES384: ['ES384', 'sha384'],
    PS512: ['PS512', 'sha512'],
    EdDSA: ['Ed25519', 'sha512'],
  } as const;

  it.each(Object.entries(keys))('%s: a token signed by jose with the right hashes is valid; swapped values are not', async (alg, [keyAlg, hash]) => {
    const { privateKey } = await generateKeyPair(keyAlg);
    const sign = (claims: JWTPayload) => new SignJWT(claims).setProtectedHeader({ alg }).sign(privateKey);
    const signed = await sign({ ...CLAIMS, at_hash: halfHash(accessToken, hash), c_hash: halfHash(code, hash) });
    expect(validateIdToken(signed, { ...EXPECTED, accessToken, code })).toEqual({ valid: true, failures: [] });

    const swapped = validateIdToken(signed, { ...EXPECTED, accessToken: code, code: accessToken });
    expect(swapped.failures.map((f) => f.claim)).toEqual(['at_hash', 'c_hash']);
    expect(swapped.failures[0]!.message).toContain(`left half of SHA-${hash.slice(3)}, for alg ${alg}`);

    // Hashed with SHA-256 whatever the alg, as a careless issuer might: caught for ES384 and PS512.
    const sha256Only = await sign({ ...CLAIMS, at_hash: halfHash(accessToken, 'sha256') });
    expect(validateIdToken(sha256Only, { ...EXPECTED, accessToken }).valid).toBe(hash === 'sha256');
  });

  it('at_hash and c_hash absent are not failures: both are optional in the code flow', () => {
    expect(failuresOf(CLAIMS, { accessToken, code })).toEqual([]);
  });

  it('an alg with no known hash (none, an unknown one) cannot have its at_hash checked', () => {
    for (const alg of ['none', 'XS999']) {
      const failures = validateIdToken(token({ ...CLAIMS, at_hash: halfHash(accessToken, 'sha256') }, alg), { ...EXPECTED, accessToken }).failures;
      expect(failures).toEqual([{ claim: 'at_hash', message: expect.stringMatching(/cannot be checked: alg "(none|XS999)" names no hash/) }]);
    }
  });
});
