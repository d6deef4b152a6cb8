import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CompactSign, exportJWK, exportSPKI, generateKeyPair, generateSecret, type CryptoKey, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { JWS_ALGORITHMS, verifyJws, type JwsAlgorithm } from '../../../../src/core';

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const encoder = new TextEncoder();

/** A compact JWS signed by jose with `key`, under any header. */
const sign = (header: Record<string, unknown>, key: CryptoKey | Uint8Array, payload = '{"sub":"alice"}') =>
  new CompactSign(encoder.encode(payload)).setProtectedHeader(header as { alg: string }).sign(key);

/** An HS256 token made by hand, with any header, over any secret octets. */
const hmac = (header: Record<string, unknown>, secret: string | Buffer, payload = '{"sub":"alice"}', hash = 'sha256') => {
  const input = `${b64(JSON.stringify(header))}.${b64(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
};

type Pair = { privateKey: CryptoKey; jwk: JWK; pem: string };
const ASYMMETRIC = (Object.keys(JWS_ALGORITHMS) as JwsAlgorithm[]).filter((alg) => JWS_ALGORITHMS[alg].kty !== 'oct');
const pairs = new Map<JwsAlgorithm, Pair>();
const another = new Map<JwsAlgorithm, Pair>();

async function pair(alg: JwsAlgorithm): Promise<Pair> {
  const { privateKey, publicKey } = await generateKeyPair(alg === 'EdDSA' ? 'Ed25519' : alg, { extractable: true });
  return { privateKey, jwk: await exportJWK(publicKey), pem: await exportSPKI(publicKey) };
}

beforeAll(async () => {
  for (const alg of ASYMMETRIC) {
    pairs.set(alg, await pair(alg));
    another.set(alg, await pair(alg));
  }
});

describe('verifyJws: every algorithm, from every kind of key', () => {
  it.each(ASYMMETRIC)('%s verifies from a JWK, a JWKS and a PEM, and fails under another key of its kind', async (alg) => {
    const { privateKey, jwk, pem } = pairs.get(alg)!;
    const token = await sign({ alg }, privateKey);
    for (const keys of [{ jwk }, { jwks: { keys: [jwk] } }, { pem }]) {
      expect(await verifyJws(token, keys), JSON.stringify(Object.keys(keys))).toMatchObject({ verified: true, alg });
    }
    const other = another.get(alg)!;
    expect(await verifyJws(token, { jwk: other.jwk })).toMatchObject({ verified: false, reason: 'bad_signature' });
    expect(await verifyJws(token, { pem: other.pem })).toMatchObject({ verified: false, reason: 'bad_signature' });
  });

  it.each(['HS256', 'HS384', 'HS512'] as const)('%s verifies from a secret and from an oct JWK', async (alg) => {
    const secret = await generateSecret(alg, { extractable: true });
    const jwk = await exportJWK(secret);
    const token = await sign({ alg }, secret);
    expect(await verifyJws(token, { jwk })).toMatchObject({ verified: true, alg, key: { source: 'jwk' } });
    const text = 'a shared secret of the client';
    const made = hmac({ alg }, text, '{}', `sha${alg.slice(2)}`);
    expect(await verifyJws(made, { secret: text })).toMatchObject({ verified: true, alg, key: { source: 'secret' } });
    expect(await verifyJws(made, { secret: `${text}!` })).toMatchObject({ verified: false, reason: 'bad_signature' });
  });

  it('verifies through OpenSSL-made X.509 certificates given as PEM', async () => {
    const certificates = JSON.parse(readFileSync(new URL('vectors/generated-certificates.json', import.meta.url), 'utf8')) as Record<string, { certificate: string; token: string }>;
    for (const [name, alg] of [['es256', 'ES256'], ['rs256', 'RS256']] as const) {
      const { certificate, token } = certificates[name]!;
      expect(await verifyJws(token, { pem: certificate }), name).toMatchObject({ verified: true, alg, key: { source: 'pem' } });
      expect(await verifyJws(token.replace(/\.[^.]+\./, `.${b64('{"sub":"mallory"}')}.`), { pem: certificate }), name).toMatchObject({ verified: false, reason: 'bad_signature' });
    }
  });

  it('uses only the public members of a private JWK', async () => {
    const { privateKey } = pairs.get('ES256')!;
    const full = await exportJWK(privateKey);
    expect(full.d).toBeDefined();
    expect(await verifyJws(await sign({ alg: 'ES256' }, privateKey), { jwk: full })).toMatchObject({ verified: true });
  });

  it('accepts the fully-specified "Ed25519" alg of RFC 9864', async () => {
    const { privateKey, jwk } = pairs.get('Ed25519')!;
    expect(await verifyJws(await sign({ alg: 'Ed25519' }, privateKey), { jwk })).toMatchObject({ verified: true, alg: 'Ed25519' });
  });
});

describe('verifyJws: choosing the key', () => {
  it('takes the key the kid names, among keys of every type', async () => {
    const rsa = pairs.get('RS256')!;
    const keys = [{ ...pairs.get('ES256')!.jwk, kid: 'ec' }, { ...another.get('RS256')!.jwk, kid: 'old' }, { ...rsa.jwk, kid: 'current' }];
    const token = await sign({ alg: 'RS256', kid: 'current' }, rsa.privateKey);
    expect(await verifyJws(token, { jwks: { keys } })).toMatchObject({ verified: true, kid: 'current', key: { source: 'jwks', index: 2, kid: 'current' } });
    // The kid decides: the right key under another kid is not tried.
    const misnamed = await sign({ alg: 'RS256', kid: 'old' }, rsa.privateKey);
    expect(await verifyJws(misnamed, { jwks: { keys } })).toMatchObject({ verified: false, reason: 'bad_signature', kid: 'old' });
  });

  it('with no kid, tries every key of the type and names the one that verified by place and RFC 7638 thumbprint', async () => {
    const rsa = pairs.get('PS256')!;
    const keys = [pairs.get('ES256')!.jwk, another.get('PS256')!.jwk, rsa.jwk];
    const result = await verifyJws(await sign({ alg: 'PS256' }, rsa.privateKey), { jwks: { keys } });
    const { calculateJwkThumbprint } = await import('jose');
    expect(result).toMatchObject({ verified: true, key: { source: 'jwks', index: 2, thumbprint: await calculateJwkThumbprint(rsa.jwk) } });
    expect(result.kid).toBeUndefined();
    expect(result.message).toContain('thumbprint');
  });

  it('a kid no key has is no_matching_key, listing the kids there are', async () => {
    const { privateKey, jwk } = pairs.get('ES256')!;
    const result = await verifyJws(await sign({ alg: 'ES256', kid: 'k3' }, privateKey), { jwks: { keys: [{ ...jwk, kid: 'k1' }, { ...jwk, kid: 'k2' }] } });
    expect(result).toMatchObject({ verified: false, reason: 'no_matching_key', kid: 'k3' });
    expect(result.message).toMatch(/"k1", "k2"/);
  });

  it('a key given alone without a kid is tried whatever the token\'s kid; a JWKS key without one is not', async () => {
    const { privateKey, jwk, pem } = pairs.get('ES384')!;
    const token = await sign({ alg: 'ES384', kid: 'rotated-2026' }, privateKey);
    expect(await verifyJws(token, { jwk })).toMatchObject({ verified: true, key: { source: 'jwk' } });
    expect(await verifyJws(token, { pem })).toMatchObject({ verified: true, key: { source: 'pem' } });
    expect(await verifyJws(token, { jwks: { keys: [jwk] } })).toMatchObject({ verified: false, reason: 'no_matching_key' });
  });

  it('never uses a key the token carries (jwk, x5c, jku)', async () => {
    const attacker = pairs.get('ES256')!;
    const token = await sign({ alg: 'ES256', jwk: attacker.jwk, jku: 'https://attacker.example/jwks' }, attacker.privateKey);
    expect(await verifyJws(token, { jwk: another.get('ES256')!.jwk })).toMatchObject({ verified: false, reason: 'bad_signature' });
    expect(await verifyJws(token, {})).toMatchObject({ verified: false, reason: 'no_matching_key' });
  });

  it('a JWKS without a "keys" array, or with broken keys, gives no_matching_key with the reason', async () => {
    const { privateKey } = pairs.get('RS256')!;
    const token = await sign({ alg: 'RS256' }, privateKey);
    expect(await verifyJws(token, { jwks: { key: [] } })).toMatchObject({ verified: false, reason: 'no_matching_key', message: expect.stringContaining('"keys"') });
    expect(await verifyJws(token, { jwks: { keys: [{ kty: 'RSA', e: 'AQAB' }] } })).toMatchObject({ verified: false, reason: 'no_matching_key', message: expect.stringContaining('lacks n') });
    expect(await verifyJws(token, { jwks: { keys: [{ kty: 'RSA', n: 'not*base64', e: 'AQAB' }] } })).toMatchObject({ verified: false, reason: 'no_matching_key' });
  });
});

describe('verifyJws: refusals, each with its reason', () => {
  it('alg "none" in any case is alg_none, keys or not', async () => {
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      expect(await verifyJws(`${b64(JSON.stringify({ alg }))}.${b64('{}')}.`, { secret: 'x' })).toMatchObject({ verified: false, reason: 'alg_none', alg });
    }
  });

  it('an RSA or EC public key, as JWK, PEM or pasted as the secret, is never an HMAC secret', async () => {
    const { jwk, pem } = pairs.get('RS256')!;
    const ec = pairs.get('ES256')!;
    // The forgeries an attacker makes: HMAC over the signing input with the public key's text.
    for (const secret of [pem, JSON.stringify(jwk), String(jwk.n)]) {
      const forged = hmac({ alg: 'HS256' }, secret);
      expect(await verifyJws(forged, { pem }), 'pem').toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
      expect(await verifyJws(forged, { jwk }), 'jwk').toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
      expect(await verifyJws(forged, { jwks: { keys: [jwk, ec.jwk] } }), 'jwks').toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
    }
    for (const secret of [pem, JSON.stringify(jwk), ec.pem, JSON.stringify(ec.jwk)]) {
      const result = await verifyJws(hmac({ alg: 'HS256' }, secret), { secret });
      expect(result, secret.slice(0, 30)).toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
      expect(result.message).toContain('algorithm-confusion');
    }
  });

  it('a secret cannot verify an RSA, EC or EdDSA token', async () => {
    const { privateKey } = pairs.get('ES256')!;
    expect(await verifyJws(await sign({ alg: 'ES256' }, privateKey), { secret: 'secret' })).toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
  });

  it('a key on another curve, or of another type, is alg_key_mismatch', async () => {
    const { privateKey } = pairs.get('ES384')!;
    const token = await sign({ alg: 'ES384' }, privateKey);
    expect(await verifyJws(token, { jwk: pairs.get('ES256')!.jwk })).toMatchObject({ verified: false, reason: 'alg_key_mismatch', message: expect.stringContaining('P-384') });
    expect(await verifyJws(token, { jwk: pairs.get('EdDSA')!.jwk })).toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
  });

  it('an RSA key under 2048 bits is alg_key_mismatch (RFC 7518 §3.3)', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const input = `${b64('{"alg":"RS256"}')}.${b64('{}')}`;
    const { sign: rsaSign } = await import('node:crypto');
    const token = `${input}.${b64(rsaSign('sha256', Buffer.from(input), privateKey))}`;
    const result = await verifyJws(token, { jwk: publicKey.export({ format: 'jwk' }) });
    expect(result).toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
    expect(result.message).toContain('has 1024');
  });

  it('a key whose own "alg" names another algorithm is alg_key_mismatch', async () => {
    const { privateKey, jwk } = pairs.get('PS256')!;
    expect(await verifyJws(await sign({ alg: 'PS256' }, privateKey), { jwk: { ...jwk, alg: 'RS256' } })).toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
    expect(await verifyJws(await sign({ alg: 'PS256' }, privateKey), { jwk: { ...jwk, alg: 'PS256' } })).toMatchObject({ verified: true });
  });

  it('"use" other than "sig" and "key_ops" without "verify" are key_use; a fitting key beside them still verifies', async () => {
    const { privateKey, jwk } = pairs.get('ES256')!;
    const token = await sign({ alg: 'ES256' }, privateKey);
    for (const refused of [{ use: 'enc' }, { key_ops: ['sign'] }, { key_ops: ['encrypt', 'decrypt'] }, { key_ops: 'verify' }, { use: ['sig'] }]) {
      expect(await verifyJws(token, { jwk: { ...jwk, ...refused } }), JSON.stringify(refused)).toMatchObject({ verified: false, reason: 'key_use' });
    }
    expect(await verifyJws(token, { jwk: { ...jwk, use: 'sig', key_ops: ['verify'] } })).toMatchObject({ verified: true });
    expect(await verifyJws(token, { jwks: { keys: [{ ...jwk, use: 'enc' }, jwk] } })).toMatchObject({ verified: true, key: { index: 1 } });
  });

  it('an Ed448 key for EdDSA is unsupported_alg: browsers verify Ed25519 only', async () => {
    const { publicKey } = generateKeyPairSync('ed448');
    const token = `${b64('{"alg":"EdDSA"}')}.${b64('{}')}.${b64(Buffer.alloc(114))}`;
    expect(await verifyJws(token, { jwk: publicKey.export({ format: 'jwk' }) })).toMatchObject({ verified: false, reason: 'unsupported_alg' });
  });

  it('an unknown alg, or one outside options.algorithms, is unsupported_alg', async () => {
    const { privateKey, jwk } = pairs.get('RS256')!;
    const token = await sign({ alg: 'RS256' }, privateKey);
    expect(await verifyJws(hmac({ alg: 'HS1024' }, 'x'), { secret: 'x' })).toMatchObject({ verified: false, reason: 'unsupported_alg', alg: 'HS1024' });
    expect(await verifyJws(hmac({ alg: 'toString' }, 'x'), { secret: 'x' })).toMatchObject({ verified: false, reason: 'unsupported_alg' });
    expect(await verifyJws(token, { jwk }, { algorithms: ['ES256'] })).toMatchObject({ verified: false, reason: 'unsupported_alg' });
    expect(await verifyJws(token, { jwk }, { algorithms: [] })).toMatchObject({ verified: false, reason: 'unsupported_alg' });
    expect(await verifyJws(token, { jwk }, { algorithms: ['ES256', 'RS256'] })).toMatchObject({ verified: true });
  });

  it('any "crit" is crit_unsupported, even b64 (RFC 7797); a malformed one is malformed', async () => {
    expect(await verifyJws(hmac({ alg: 'HS256', crit: ['b64'], b64: false }, 's'), { secret: 's' })).toMatchObject({ verified: false, reason: 'crit_unsupported' });
    expect(await verifyJws(hmac({ alg: 'HS256', crit: ['exp'], exp: 1 }, 's'), { secret: 's' })).toMatchObject({ verified: false, reason: 'crit_unsupported' });
    for (const crit of [[], 'b64', [''], [1], null]) {
      expect(await verifyJws(hmac({ alg: 'HS256', crit }, 's'), { secret: 's' }), JSON.stringify(crit)).toMatchObject({ verified: false, reason: 'malformed' });
    }
  });

  it('what is not a compact JWS is malformed, and says what it is', async () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['a.b', /three/],
      ['eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d', /JWE/],
      [`${b64('{"alg":"HS256"}')}.${b64('{}')}.sig=`, /signature is not canonical/],
      [`${b64('[1]')}.${b64('{}')}.`, /not an object/],
      [`${b64('{"alg":"HS256"')}.${b64('{}')}.`, /not UTF-8 JSON/],
      [`${b64(Buffer.from([0x7b, 0xff, 0x7d]))}.${b64('{}')}.`, /not UTF-8 JSON/],
      [`${b64('{"typ":"JWT"}')}.${b64('{}')}.`, /no "alg"/],
      [`${b64('{"alg":256}')}.${b64('{}')}.`, /no "alg"/],
    ];
    for (const [token, message] of cases) {
      expect(await verifyJws(token, { secret: 's' }), token).toMatchObject({ verified: false, reason: 'malformed', message: expect.stringMatching(message) });
    }
  });

  it('no key at all is no_matching_key', async () => {
    const token = hmac({ alg: 'HS256' }, 's');
    for (const keys of [{}, { secret: '' }, { pem: '  ' }, { jwks: { keys: [] } }]) {
      expect(await verifyJws(token, keys), JSON.stringify(keys)).toMatchObject({ verified: false, reason: 'no_matching_key' });
    }
  });

  it('does not throw or reject on what the type system cannot keep out', async () => {
    const throwing = new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
    const token = hmac({ alg: 'HS256' }, 's');
    const hostile: unknown[] = [undefined, null, 1, 'keys', [], throwing, { jwks: throwing }, { jwks: { keys: [throwing, null, 1, 'x'] } }, { jwk: throwing }, { pem: 5 }, { secret: {} }];
    for (const keys of hostile) {
      const result = await verifyJws(token, keys as never);
      expect(result.verified).toBe(false);
    }
    // A restriction that cannot be read allows nothing.
    for (const options of [throwing, { algorithms: throwing }, { algorithms: [1, null] }, { algorithms: 'HS256' }]) {
      expect(await verifyJws(token, { secret: 's' }, options as never)).toMatchObject({ verified: false, reason: 'unsupported_alg' });
    }
    for (const notToken of [undefined, null, 42, {}, throwing]) {
      expect(await verifyJws(notToken as never, { secret: 's' })).toMatchObject({ verified: false, reason: 'malformed' });
    }
  });
});
