import type { JwsVerification } from '../core';
import type { Ask } from '../messages';

export type IssuerVerification = JwsVerification & { jwksUri: string };

/**
 * The issuer's JWK Set, fetched by the background (which verifies nothing), and the signature
 * checked here with it. Rejects with the background's `Failure` when the keys could not be read:
 * `host_permission_missing` names the URL to offer.
 */
export async function verifyWithIssuer(ask: Ask, token: string, issuer: string): Promise<IssuerVerification> {
  const [{ jwks, jwksUri }, { verifyJws }] = await Promise.all([ask('fetchJwks', { issuer }), import('./verify-token')]);
  return { ...(await verifyJws(token, { jwks })), jwksUri };
}
