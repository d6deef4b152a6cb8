import { useEffect, useState } from 'preact/hooks';
import type { JwsVerification } from '../core';
import { Failure } from '../messages';
import { useCapabilities } from './capabilities';
import { isHmac } from './header-alg';
import { HostAccess } from './HostAccess';
import { JwsHeadline } from './JwsHeadline';
import { pastedKeys } from './pasted-keys';
import { verifyWithIssuer } from './verify-with-issuer';

type Verdict =
  | { state: 'unverified'; problem?: { message: string; unreachableUrl?: string | undefined } }
  | { state: 'verifying' }
  | { state: 'verified' | 'failed'; verification: JwsVerification; jwksUri?: string };

/**
 * Beside every JWT a view shows: "Decoded, not verified" until it is, with one click to verify it
 * with the issuer's keys (fetched by the background), a pasted key, or a secret for HS*. The
 * secret stays in this component's state, in this page: never stored, never sent. With `auto`,
 * the issuer's keys are tried at once (a run's own tokens), unless the token is HS*.
 */
export function JwsVerdict({ token, issuer, auto = false }: { token: string; issuer?: string | undefined; auto?: boolean }) {
  const { ask } = useCapabilities();
  const [verdict, setVerdict] = useState<Verdict>({ state: 'unverified' });
  const [entry, setEntry] = useState<'key' | 'secret'>();
  const [text, setText] = useState('');
  const hmac = isHmac(token);
  const settle = (verification: JwsVerification, jwksUri?: string) =>
    setVerdict({ state: verification.verified ? 'verified' : 'failed', verification, ...(jwksUri ? { jwksUri } : {}) });

  const withIssuer = (current = () => true) => {
    if (!issuer) return;
    setVerdict({ state: 'verifying' });
    verifyWithIssuer(ask, token, issuer).then(
      (result) => current() && settle(result, result.jwksUri),
      (error: Error) => current() && setVerdict({ state: 'unverified', problem: { message: error.message, unreachableUrl: error instanceof Failure && error.code === 'host_permission_missing' ? error.unreachableUrl : undefined } }),
    );
  };
  useEffect(() => {
    setVerdict({ state: 'unverified' });
    // An HS* token is signed with a secret no JWK Set holds: it waits for the secret.
    if (!auto || hmac) return;
    let current = true;
    withIssuer(() => current);
    return () => void (current = false);
  }, [token, issuer, auto]);

  const withGiven = async (event: Event) => {
    event.preventDefault();
    const keys = entry === 'secret' ? { secret: text } : pastedKeys(text);
    if ('problem' in keys) return setVerdict({ state: 'unverified', problem: { message: keys.problem } });
    // The secret leaves the field once used: nothing keeps it but this one call.
    if (entry === 'secret') setText('');
    setVerdict({ state: 'verifying' });
    await import('./verify-token').then(
      async ({ verifyJws }) => settle(await verifyJws(token, keys)),
      (error: Error) => setVerdict({ state: 'unverified', problem: { message: `The verifier could not be loaded: ${error.message}` } }),
    );
  };

  const reason = 'verification' in verdict ? verdict.verification.reason : undefined;
  return (
    <div class={`jws-verdict ${verdict.state}`} data-testid="jws-verdict" data-state={verdict.state} data-reason={reason}>
      <p>
        {verdict.state === 'unverified' && <><strong>Decoded, not verified.</strong>{verdict.problem && <span class="error"> {verdict.problem.message}</span>}</>}
        {verdict.state === 'verifying' && <span class="muted">Verifying…</span>}
        {'verification' in verdict && <JwsHeadline verification={verdict.verification} jwksUri={verdict.jwksUri} />}
      </p>
      {verdict.state === 'unverified' && <HostAccess url={verdict.problem?.unreachableUrl} onGranted={() => withIssuer()} />}
      {verdict.state !== 'verifying' && (
        <p class="actions">
          {issuer && !hmac && (
            <button type="button" class="secondary" data-action="verify-issuer" title={`Fetch the JWK Set named by ${issuer}'s discovery`} onClick={() => withIssuer()}>
              Verify with the issuer's keys
            </button>
          )}
          <button type="button" class="secondary" data-action="paste-key" aria-pressed={entry === 'key'} onClick={() => (setEntry(entry === 'key' ? undefined : 'key'), setText(''))}>
            Paste a key
          </button>
          {hmac && (
            <button type="button" class="secondary" data-action="secret" aria-pressed={entry === 'secret'} onClick={() => (setEntry(entry === 'secret' ? undefined : 'secret'), setText(''))}>
              Secret
            </button>
          )}
        </p>
      )}
      {entry && verdict.state !== 'verifying' && (
        <form class="verify-with" onSubmit={withGiven}>
          {entry === 'key' ? (
            <textarea name="key" aria-label="Key: a JWK Set, a JWK or a PEM" placeholder='{"keys":[…]}, {"kty":…} or -----BEGIN PUBLIC KEY-----' rows={3} spellcheck={false} autocomplete="off" value={text} onInput={(e) => setText(e.currentTarget.value)} required />
          ) : (
            <input name="secret" type="password" aria-label="HMAC secret" placeholder="The shared secret (used in this page only, never stored or sent)" autocomplete="off" value={text} onInput={(e) => setText(e.currentTarget.value)} required />
          )}
          <button type="submit" class="secondary">Verify</button>
        </form>
      )}
    </div>
  );
}

