/**
 * A public key as the verifier hands it to WebCrypto: the JWK members RFC 7518 §6 defines for
 * it and nothing else, so that private members, `use`, `key_ops` or `alg` given with a key never
 * reach the import (they are judged before, in key-fit.ts).
 */
export type PublicJwk =
  | { kty: 'RSA'; n: string; e: string }
  | { kty: 'EC'; crv: string; x: string; y: string }
  | { kty: 'OKP'; crv: string; x: string };
