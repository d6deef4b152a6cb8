import { useEffect, useState } from 'preact/hooks';
import { type FlowRun, type NonceCheck, type TokenResponseWarning } from '../core';
import { Failure } from '../messages';
import { useCapabilities } from './capabilities';
import { HostAccess } from './HostAccess';
import { useLazy } from './use-lazy';

/** OIDC Core §3.1.3.7 step 11, in words: the ID token's nonce against the one the run sent. */
const NONCE_WORDS: Readonly<Record<NonceCheck, string>> = {
  match: 'the one sent',
  mismatch: 'not the one sent: the tokens were not used',
  missing: 'absent from the ID token, though one was sent: the tokens were not used',
  no_id_token: 'not checked: the answer has no ID token',
  unreadable: 'not checked: the ID token is not a readable JWT (encrypted?)',
};

/** A finished run: its tokens (masked), what to do next with them, and every HTTP exchange. */
export function FlowResult({ run, onRun }: { run: FlowRun; onRun: (run: FlowRun) => void }) {
  const { ask } = useCapabilities();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<{ message: string; unreachableUrl?: string | undefined }>();
  const [apiUrl, setApiUrl] = useState('');
  const act = async (label: string, send: () => Promise<FlowRun>) => {
    setBusy(label);
    setError(undefined);
    try {
      onRun(await send());
    } catch (e) {
      // A request that got no readable answer, which a host permission would let through: offer it.
      setError({ message: (e as Error).message, unreachableUrl: e instanceof Failure && e.code === 'host_permission_missing' ? e.unreachableUrl : undefined });
    } finally {
      setBusy(undefined);
    }
  };
  const runId = run.id;
  // Nothing failed, yet the answer is not what was asked for (no refresh token for a request with
  // an Origin, say). Judged in a chunk of its own, so the popup's first paint does not carry it.
  const [warnings, setWarnings] = useState<TokenResponseWarning[]>([]);
  useEffect(() => {
    let current = true;
    setWarnings([]);
    if (run.tokens) import('./run-warnings').then(({ runWarnings }) => current && setWarnings(runWarnings(run)), () => {});
    return () => void (current = false);
  }, [run]);
  // The steps are shown redacted, and redaction by meaning is most of the popup's code: its own
  // chunk, loaded once a run is shown, keeps it out of the first paint.
  const Timeline = useLazy(() => import('./RunTimeline').then((module) => module.RunTimeline));
  // The tokens' actions, status and decoded claims: a chunk of their own, loaded once a run with tokens is shown.
  const Tokens = useLazy(() => import('./RunTokens').then((module) => module.RunTokens), !!run.tokens);
  // Its signature and claims, checked whenever a run with an ID token is shown; the verifier loads
  // with it, after the first paint.
  const hasIdToken = typeof run.tokens?.id_token === 'string';
  const Check = useLazy(() => import('./IdTokenCheck').then((module) => module.IdTokenCheck), hasIdToken);
  const hasCodeExchange = run.exchanges.some((e) => e.context.grantType === 'authorization_code');
  const tokens = run.tokens;

  return (
    <article class={`flow-result ${run.status}`} data-testid="flow-result" data-status={run.status} data-busy={busy}>
      {hasIdToken && Check && <Check run={run} />}
      {Tokens ? <Tokens run={run} /> : run.tokens && <p class="muted">Loading the tokens…</p>}
      {tokens && run.nonceCheck && (
        <p class="muted">
          ID token nonce: <span data-testid="nonce-check" data-check={run.nonceCheck}>{NONCE_WORDS[run.nonceCheck] ?? run.nonceCheck}</span>
        </p>
      )}
      {!tokens && run.nonceCheck && (
        <p class={run.nonceCheck === 'mismatch' || run.nonceCheck === 'missing' ? 'error' : 'muted'} data-testid="nonce-check" data-check={run.nonceCheck}>
          ID token nonce: {NONCE_WORDS[run.nonceCheck] ?? run.nonceCheck}
        </p>
      )}
      {run.discoveryNotes && run.discoveryNotes.length > 0 && (
        <ul class="muted" data-testid="discovery-notes">
          {run.discoveryNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {warnings.map((warning) => (
        <div class="warning" data-testid="token-warning" data-code={warning.code} key={warning.code}>
          <strong>{warning.title}</strong>
          <p>{warning.explanation}</p>
          <ul>
            {warning.fixes.map((fix) => (
              <li key={fix}>{fix}</li>
            ))}
          </ul>
        </div>
      ))}
      {run.failure && (
        <p class="error" role="alert" data-reason={run.failure.reason}>
          Failed at {run.failure.stage}: {run.failure.message}
        </p>
      )}
      <HostAccess url={run.failure?.url} />
      {run.status !== 'running' && (
        <p class="actions">
          {hasCodeExchange && (
            <button type="button" class="secondary" data-action="exchange-again" disabled={!!busy} onClick={() => act('exchange-again', () => ask('exchangeAgain', { runId }))}>
              Exchange again
            </button>
          )}
          {tokens?.refresh_token && (
            <button type="button" class="secondary" data-action="refresh" disabled={!!busy} onClick={() => act('refresh', () => ask('refresh', { runId }))}>
              Refresh
            </button>
          )}
          {tokens && run.endpoints?.revocation && (
            <button type="button" class="secondary" data-action="revoke" disabled={!!busy} onClick={() => act('revoke', () => ask('revoke', { runId, which: 'access_token' }))}>
              Revoke access token
            </button>
          )}
          {tokens && run.endpoints?.introspection && (
            <button type="button" class="secondary" data-action="introspect" disabled={!!busy} onClick={() => act('introspect', () => ask('introspect', { runId, which: 'access_token' }))}>
              Introspect
            </button>
          )}
          {tokens && run.endpoints?.userinfo && (
            <button type="button" class="secondary" data-action="userinfo" disabled={!!busy} onClick={() => act('userinfo', () => ask('userinfo', { runId }))}>
              Userinfo
            </button>
          )}
        </p>
      )}
      {tokens && (
        <form class="call-api" onSubmit={(e) => (e.preventDefault(), act('api', () => ask('callApi', { runId, url: apiUrl })))}>
          <input name="apiUrl" type="url" placeholder="https://api.example.com/me" value={apiUrl} onInput={(e) => setApiUrl(e.currentTarget.value)} required />
          <button type="submit" class="secondary" disabled={!!busy}>Call API</button>
        </form>
      )}
      {busy && <p class="muted">Sending…</p>}
      {error && <p class="error" role="alert">{error.message}</p>}
      <HostAccess url={error?.unreachableUrl} />
      {Timeline ? <Timeline run={run} /> : <p class="muted">Loading the steps…</p>}
    </article>
  );
}
