import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pemToJwk } from '../../../../src/core/verify/pem-to-jwk';

// The PEM reader is checked against Node's own (OpenSSL's) reading of the same keys, and against
// RFC 7517 Appendix B, whose certificate and JWK describe one key.

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`vectors/${path}`, import.meta.url), 'utf8')) as T;
const pemOf = (key: KeyObject, type: 'spki' | 'pkcs1' = 'spki') => key.export({ type, format: 'pem' }) as string;
const certificatePem = (der: string) => `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

const publicMembers = (key: KeyObject) => {
  const jwk = key.export({ format: 'jwk' }) as Record<string, string>;
  return Object.fromEntries(['kty', 'crv', 'n', 'e', 'x', 'y'].filter((name) => jwk[name] !== undefined).map((name) => [name, jwk[name]]));
};

const KEYS = [
  ['RSA 2048', generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey],
  ['RSA 2048, exponent 3', generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 }).publicKey],
  ['EC P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey],
  ['EC P-384', generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey],
  ['EC P-521', generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey],
  ['Ed25519', generateKeyPairSync('ed25519').publicKey],
  ['Ed448', generateKeyPairSync('ed448').publicKey],
] as const;

describe('pemToJwk', () => {
  it.each(KEYS)('reads a %s SubjectPublicKeyInfo as Node exports it as a JWK', (_, key) => {
    expect(pemToJwk(pemOf(key))).toEqual({ ok: true, label: 'PUBLIC KEY', jwk: publicMembers(key) });
  });

  it('reads a PKCS #1 "RSA PUBLIC KEY"', () => {
    const key = KEYS[0][1];
    expect(pemToJwk(pemOf(key, 'pkcs1'))).toEqual({ ok: true, label: 'RSA PUBLIC KEY', jwk: publicMembers(key) });
  });

  it('reads the certificate of RFC 7517 Appendix B as the JWK beside it', () => {
    const { jwk } = read<{ jwk: { n: string; e: string; x5c: string[] } }>('rfc7517-appendix-b.json');
    expect(pemToJwk(certificatePem(jwk.x5c[0]!))).toEqual({ ok: true, label: 'CERTIFICATE', jwk: { kty: 'RSA', n: jwk.n, e: jwk.e } });
  });

  it('reads OpenSSL-made certificates as OpenSSL reads their keys', () => {
    const certificates = read<Record<string, { certificate: string }>>('generated-certificates.json');
    for (const name of ['es256', 'rs256']) {
      const { certificate } = certificates[name]!;
      expect(pemToJwk(certificate), name).toEqual({ ok: true, label: 'CERTIFICATE', jwk: publicMembers(createPublicKey(certificate)) });
    }
  });

  it('takes the first block of several, and text around it', () => {
    const [first, second] = [pemOf(KEYS[2][1]), pemOf(KEYS[0][1])];
    expect(pemToJwk(`Key of the issuer:\n${first}\n${second}`)).toMatchObject({ ok: true, jwk: publicMembers(KEYS[2][1]) });
  });

  it('refuses private keys, and says what to give instead', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const reading = pemToJwk(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    expect(reading).toMatchObject({ ok: false });
    expect(!reading.ok && reading.message).toMatch(/private key: give the public key or the certificate/);
  });

  it.each([
    ['no armour', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'],
    ['an unclosed BEGIN', '-----BEGIN PUBLIC KEY'],
    ['no END', '-----BEGIN PUBLIC KEY-----\nMIIB\n'],
    ['a mismatched END', '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END CERTIFICATE-----'],
    ['not base64', '-----BEGIN PUBLIC KEY-----\n#not base64#\n-----END PUBLIC KEY-----'],
    ['an empty body', '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----'],
    ['an unknown label', '-----BEGIN DH PARAMETERS-----\nMAYCAQACAQI=\n-----END DH PARAMETERS-----'],
    ['truncated DER', `-----BEGIN PUBLIC KEY-----\n${pemOf(KEYS[0][1]).split('\n').slice(1, 3).join('')}\n-----END PUBLIC KEY-----`],
  ])('refuses %s with a message', (_, pem) => {
    const reading = pemToJwk(pem);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.message.length).toBeGreaterThan(10);
  });

  it('refuses a compressed EC point, which a JWK cannot hold', () => {
    const key = KEYS[2][1];
    const der = key.export({ type: 'spki', format: 'der' });
    // Recode the same SPKI with the point compressed (SEC 1 §2.3.3): 02/03 ‖ X.
    const point = der.subarray(der.length - 65);
    const compressed = Buffer.concat([Buffer.from([0x02 + (point[64]! & 1)]), point.subarray(1, 33)]);
    const algorithm = der.subarray(2, 2 + 2 + der[3]!);
    const bits = Buffer.concat([Buffer.from([0x03, compressed.length + 1, 0]), compressed]);
    const spki = Buffer.concat([Buffer.from([0x30, algorithm.length + bits.length]), algorithm, bits]);
    expect(createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyType).toBe('ec');
    expect(pemToJwk(`-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----`)).toMatchObject({ ok: false, message: expect.stringMatching(/compressed/) });
  });

  it('never throws, whatever bytes a PEM holds', () => {
    const real = pemOf(KEYS[0][1]).replace(/-----[^-]+-----|\s/g, '');
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64')), fc.tuple(fc.nat(real.length), fc.nat(real.length), fc.string({ maxLength: 8 })).map(([from, to, piece]) => real.slice(0, from) + piece + real.slice(to))), fc.constantFrom('PUBLIC KEY', 'CERTIFICATE', 'RSA PUBLIC KEY'), (body, label) => {
        const reading = pemToJwk(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`);
        expect(typeof reading.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
