/** The JWS algorithms the verifier knows; anything else in a token's `alg` is refused as unsupported. */
export type JwsAlgorithm =
  | 'HS256'
  | 'HS384'
  | 'HS512'
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'EdDSA'
  | 'Ed25519';

/** What one algorithm needs of its key, and the hash an ID token's at_hash and c_hash take under it. */
export type JwsAlgorithmEntry = {
  /** The JWK key type a key must have: a shared secret is `oct`, and only a secret may verify an HMAC. */
  kty: 'oct' | 'RSA' | 'EC' | 'OKP';
  /** The one curve the algorithm names (ES256 is P-256 only); EdDSA is verified with Ed25519 keys only. */
  crv?: 'P-256' | 'P-384' | 'P-521' | 'Ed25519';
  /** RFC 7518 §3.3 and §3.5: "A key of size 2048 bits or larger MUST be used with these algorithms." */
  minRsaBits?: 2048;
  /** The hash of OIDC Core §3.1.3.6's at_hash and c_hash: the algorithm's own, SHA-512 for Ed25519. */
  tokenHash: 'SHA-256' | 'SHA-384' | 'SHA-512';
  source: string;
};

const JWA = 'https://www.rfc-editor.org/rfc/rfc7518';
// The OpenID Connect WG settled Ed25519's token hash on SHA-512 (connect issue #1125); the
// implementer's guide records it, and the fully-specified Ed25519 name (RFC 9864) takes the same.
const ED25519 = 'https://www.rfc-editor.org/rfc/rfc8037#section-3.1 · https://openid.net/specs/openid-connect-token-hash-algorithms-1_0.html';

export const JWS_ALGORITHMS: Readonly<Record<JwsAlgorithm, JwsAlgorithmEntry>> = Object.freeze({
  HS256: { kty: 'oct', tokenHash: 'SHA-256', source: `${JWA}#section-3.2` },
  HS384: { kty: 'oct', tokenHash: 'SHA-384', source: `${JWA}#section-3.2` },
  HS512: { kty: 'oct', tokenHash: 'SHA-512', source: `${JWA}#section-3.2` },
  RS256: { kty: 'RSA', minRsaBits: 2048, tokenHash: 'SHA-256', source: `${JWA}#section-3.3` },
  RS384: { kty: 'RSA', minRsaBits: 2048, tokenHash: 'SHA-384', source: `${JWA}#section-3.3` },
  RS512: { kty: 'RSA', minRsaBits: 2048, tokenHash: 'SHA-512', source: `${JWA}#section-3.3` },
  PS256: { kty: 'RSA', minRsaBits: 2048, tokenHash: 'SHA-256', source: `${JWA}#section-3.5` },
  PS384: { kty: 'RSA', minRsaBits: 2048, tokenHash: 'SHA-384', source: `${JWA}#section-3.5` },
  PS512: { kty: 'RSA', minRsaBits: 2048, tokenHash: 'SHA-512', source: `${JWA}#section-3.5` },
  ES256: { kty: 'EC', crv: 'P-256', tokenHash: 'SHA-256', source: `${JWA}#section-3.4` },
  ES384: { kty: 'EC', crv: 'P-384', tokenHash: 'SHA-384', source: `${JWA}#section-3.4` },
  ES512: { kty: 'EC', crv: 'P-521', tokenHash: 'SHA-512', source: `${JWA}#section-3.4` },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', tokenHash: 'SHA-512', source: ED25519 },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', tokenHash: 'SHA-512', source: `https://www.rfc-editor.org/rfc/rfc9864 · ${ED25519}` },
});
