import type { VerificationKeys } from '../core';

/**
 * What a person pasted as a key, by its shape: a PEM (a public key or a certificate), a JWK Set
 * (an object with "keys"), or one JWK. Which of them can verify is the verifier's to judge.
 */
export function pastedKeys(text: string): VerificationKeys | { problem: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return { pem: trimmed };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { problem: 'Paste a JWK Set, a JWK (JSON) or a PEM public key or certificate.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { problem: 'A JWK or a JWK Set is a JSON object.' };
  return Array.isArray((json as { keys?: unknown }).keys) ? { jwks: json } : { jwk: json };
}
