import type { JwsFailureReason, JwsVerification } from '../core';

const FAILED: Readonly<Record<JwsFailureReason, string>> = {
  bad_signature: 'Bad signature',
  no_matching_key: 'No usable key',
  malformed: 'Not a readable JWS',
  alg_none: 'Unsigned (alg none)',
  unsupported_alg: 'Algorithm not supported',
  alg_key_mismatch: 'The key does not fit the algorithm',
  crit_unsupported: 'Critical extension not supported',
  key_use: 'The key is not for verifying',
};

/**
 * A verification in a few words, then verifyJws's own message: "Signature verified with key
 * `kid` from `jwks_uri`", "Bad signature", "No key matches kid …".
 */
export function JwsHeadline({ verification, jwksUri }: { verification: JwsVerification; jwksUri?: string | undefined }) {
  const { verified, reason, key, kid } = verification;
  if (verified && jwksUri && key?.source === 'jwks') {
    return (
      <>
        <strong>Signature verified</strong> with key {key.kid !== undefined ? <code>{key.kid}</code> : <>of thumbprint <code>{key.thumbprint}</code></>} from <code>{jwksUri}</code>.
      </>
    );
  }
  if (verified) return <strong>{verification.message}</strong>;
  const headline = reason === 'no_matching_key' && kid !== undefined ? <>No key matches kid <code>{kid}</code></> : FAILED[reason ?? 'malformed'];
  return (
    <>
      <strong>{headline}</strong>
      {jwksUri && <> (keys from <code>{jwksUri}</code>)</>}: {verification.message}
    </>
  );
}
