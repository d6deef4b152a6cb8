import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const ISSUER = 'https://login.example.com';
export const JWKS_URI = `${ISSUER}/oauth/jwks`;

/** A provider's signing key as jose makes it: the public half in a JWK Set, and tokens signed with the private half. */
export async function signer(kid = 'key-1') {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    jwk,
    jwks: { keys: [jwk] },
    sign: (claims: JWTPayload, header: Record<string, unknown> = {}) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, ...header }).sign(privateKey),
  };
}

/** An HS256 token signed with `secret`'s UTF-8 octets, as jwt.io signs one. */
export const signedWithSecret = (claims: JWTPayload, secret: string) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));

/** The same token with one byte of its payload changed (the last character of `sub`), the signature kept. */
export function tampered(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { sub: string };
  const sub = claims.sub.slice(0, -1) + String.fromCharCode(claims.sub.charCodeAt(claims.sub.length - 1) + 1);
  return [header, Buffer.from(JSON.stringify({ ...claims, sub })).toString('base64url'), signature].join('.');
}

/** OIDC Core §3.1.3.6: the left half of the SHA-256 of the value, base64url; Node's, not the code under test's. */
export const halfHash = (value: string) => createHash('sha256').update(value, 'ascii').digest().subarray(0, 16).toString('base64url');
