import { useEffect, useMemo, useState } from 'preact/hooks';
import { jwtPayload, runIdToken, type ClaimFailure, type FlowRun, type IdTokenValidation, type RunIdToken } from '../core';
import { Failure, type Ask } from '../messages';
import { useCapabilities } from './capabilities';
import { isHmac } from './header-alg';
import { HostAccess } from './HostAccess';
import { JwsHeadline } from './JwsHeadline';
import { verifyWithIssuer, type IssuerVerification } from './verify-with-issuer';

type Outcome = {
  claims: IdTokenValidation;
  /** The signature's verdict, or why the issuer's keys could not be had. */
  signature: IssuerVerification | { problem: string; unreachableUrl?: string | undefined };
};

/**
 * Every run's ID token, checked when the run is shown: its signature with the issuer's keys and
 * its claims against what the run sent (runIdToken). A failure names the claim and marks the run
 * failed on screen; the stored run is not changed (the background verifies nothing).
 */
export function IdTokenCheck({ run }: { run: FlowRun }) {
  const { ask } = useCapabilities();
  const expectation = useMemo(() => runIdToken(run), [run]);
  const key = expectation && JSON.stringify(expectation);
  const [outcome, setOutcome] = useState<Outcome | { error: string }>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setOutcome(undefined);
    if (!expectation) return;
    let current = true;
    check(ask, expectation).then(
      (result) => current && setOutcome(result),
      (error: Error) => current && setOutcome({ error: `The verifier could not be loaded: ${error.message}` }),
    );
    return () => void (current = false);
  }, [key, attempt]);
  if (!expectation) return null;
  if (!outcome) {
    return (
      <p class="muted" data-testid="id-token-check" data-state="checking">
        Checking the ID token: its signature with the issuer's keys, its claims against this run…
      </p>
    );
  }
  if ('error' in outcome) {
    return (
      <p class="error" data-testid="id-token-check" data-state="unverified">
        The ID token was not checked. {outcome.error}
      </p>
    );
  }
  const { claims, signature } = outcome;
  const failures: ClaimFailure[] = [...('verified' in signature && !signature.verified ? [{ claim: 'signature', message: '' }] : []), ...claims.failures];
  const notes = expectation.notes.map((note) => <li key={note}>{note}</li>);
  if (failures.length > 0) {
    return (
      <div class="id-token-check error" role="alert" data-testid="id-token-check" data-state="failed" data-valid="false">
        <p>
          <strong>ID token check failed: {failures.map((failure) => failure.claim).join(', ')}.</strong> Do not use this ID token.
        </p>
        <ul>
          {failures.map((failure) =>
            failure.claim === 'signature' && 'verified' in signature ? (
              <li key="signature" data-claim="signature">
                <JwsHeadline verification={signature} jwksUri={signature.jwksUri} />
              </li>
            ) : (
              <li key={failure.claim} data-claim={failure.claim}>
                <code>{failure.claim}</code>: {failure.message}
              </li>
            ),
          )}
          {'problem' in signature && <li data-claim="signature">Signature not verified: {signature.problem}</li>}
          {notes}
        </ul>
        {'problem' in signature && <HostAccess url={signature.unreachableUrl} onGranted={() => setAttempt(attempt + 1)} />}
      </div>
    );
  }
  const checked = checkedClaims(expectation);
  if (!('verified' in signature)) {
    return (
      <div class="id-token-check" data-testid="id-token-check" data-state="unverified">
        <p>
          ID token claims as this run expects ({checked}); <strong>signature not verified</strong>: <span class="error">{signature.problem}</span>
        </p>
        <HostAccess url={signature.unreachableUrl} onGranted={() => setAttempt(attempt + 1)} />
        {notes.length > 0 && <ul class="muted">{notes}</ul>}
      </div>
    );
  }
  return (
    <div class="id-token-check ok" data-testid="id-token-check" data-state="valid" data-valid="true">
      <p>
        ✓ ID token valid: <JwsHeadline verification={signature} jwksUri={signature.jwksUri} /> Claims as this run expects ({checked}).
      </p>
      {notes.length > 0 && <ul class="muted">{notes}</ul>}
    </div>
  );
}

async function check(ask: Ask, { token, issuer, expected }: RunIdToken): Promise<Outcome> {
  const [{ validateIdToken }, signature] = await Promise.all([
    import('./verify-token'),
    isHmac(token)
      ? { problem: 'it is signed with a secret shared with the client (HS*), which no JWK Set holds: verify it with the client secret ("Secret" beside the ID token).' }
      : issuer
      ? verifyWithIssuer(ask, token, issuer).catch((error: Error) => ({
          problem: error.message,
          unreachableUrl: error instanceof Failure && error.code === 'host_permission_missing' ? error.unreachableUrl : undefined,
        }))
      : { problem: 'no issuer is known to fetch keys from: paste a key beside the ID token.' },
  ]);
  return { claims: validateIdToken(token, expected), signature };
}

/** The claims that were compared, named: the hashes only when the token has them and the run knows their value. */
function checkedClaims({ token, expected }: RunIdToken): string {
  const claims = jwtPayload(token) ?? {};
  const names = ['iss', 'sub', 'aud', 'exp', 'iat'];
  if (expected.nonce !== undefined) names.push('nonce');
  if (expected.maxAgeSeconds !== undefined) names.push('auth_time');
  if (expected.accessToken !== undefined && claims.at_hash !== undefined) names.push('at_hash');
  if (expected.code !== undefined && claims.c_hash !== undefined) names.push('c_hash');
  return names.join(', ');
}
