import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeChallenge, generateCodeVerifier, type Sha256 } from '../../../../src/core';

const sha256: Sha256 = async (data) => new Uint8Array(createHash('sha256').update(data).digest());

// RFC 7636 Appendix B: the octets, the verifier they make, and its S256 challenge.
const OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91,
  88, 5, 88, 83, 132, 141, 121,
];
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE (RFC 7636)', () => {
  it('makes the Appendix B verifier from the Appendix B octets', () => {
    expect(generateCodeVerifier((n) => new Uint8Array(OCTETS.slice(0, n)))).toBe(VERIFIER);
  });

  it('asks for 32 random octets, giving a 43-character verifier', () => {
    const asked: number[] = [];
    const verifier = generateCodeVerifier((n) => (asked.push(n), new Uint8Array(n).fill(0xff)));
    expect(asked).toEqual([32]);
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
  });

  it('derives the Appendix B S256 challenge', async () => {
    expect(await codeChallenge(VERIFIER, 'S256', sha256)).toBe(CHALLENGE);
  });

  it('sends the verifier itself with plain', async () => {
    expect(await codeChallenge(VERIFIER, 'plain', sha256)).toBe(VERIFIER);
  });
});
