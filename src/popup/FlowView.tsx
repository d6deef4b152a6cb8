import { useEffect, useState } from 'preact/hooks';
import { bundledDemoProfile, type ClientAuthMethod, type FlowProfile, type FlowRun } from '../core';
import type { Ask } from './ask';
import { FlowResult } from './FlowResult';

const CLIENT_AUTH: ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'none'];
const PKCE: FlowProfile['pkce'][] = ['S256', 'plain', 'off'];

export function FlowView({ ask, redirectUri }: { ask: Ask; redirectUri: string | undefined }) {
  const [profile, setProfile] = useState<FlowProfile>(bundledDemoProfile);
  const [run, setRun] = useState<FlowRun | null>(null);
  const [error, setError] = useState<string>();

  // A flow may have finished while the popup was closed (Firefox closes it when the sign-in window opens).
  useEffect(() => {
    ask('lastFlow', undefined).then(setRun, (e: Error) => setError(e.message));
  }, [ask]);

  const set = (field: keyof FlowProfile) => (event: Event) =>
    setProfile({ ...profile, [field]: (event.currentTarget as HTMLInputElement).value });

  const start = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setRun({ ...placeholderRun(profile), status: 'running' });
    try {
      setRun(await ask('runFlow', { profile }));
    } catch (e) {
      setRun(null);
      setError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="flow-title">
      <h2 id="flow-title">Run a flow: {profile.name}</h2>
      <form onSubmit={start} class="profile">
        <label>
          Issuer
          <input name="issuer" value={profile.issuer ?? ''} onInput={set('issuer')} placeholder="https://accounts.example.com" />
        </label>
        <label>
          Client ID
          <input name="clientId" value={profile.clientId} onInput={set('clientId')} required />
        </label>
        <label>
          Client secret
          <input name="clientSecret" type="password" value={profile.clientSecret ?? ''} onInput={set('clientSecret')} autocomplete="off" />
        </label>
        <label>
          Scopes
          <input name="scope" value={profile.scope} onInput={set('scope')} />
        </label>
        <label>
          Client authentication
          <select name="clientAuth" value={profile.clientAuth} onChange={set('clientAuth')}>
            {CLIENT_AUTH.map((method) => <option key={method}>{method}</option>)}
          </select>
        </label>
        <label>
          PKCE
          <select name="pkce" value={profile.pkce} onChange={set('pkce')}>
            {PKCE.map((method) => <option key={method}>{method}</option>)}
          </select>
        </label>
        <p class="redirect">
          Redirect URI <code data-testid="redirect-uri">{redirectUri ?? '…'}</code>
          <small>Chrome and Firefox each have their own: register both with the provider.</small>
        </p>
        <button type="submit" disabled={run?.status === 'running'}>
          {run?.status === 'running' ? 'Waiting for sign-in…' : 'Run'}
        </button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {run && run.status !== 'running' && <FlowResult run={run} />}
    </section>
  );
}

function placeholderRun(profile: FlowProfile): FlowRun {
  return {
    id: '',
    profileName: profile.name,
    startedAt: new Date().toISOString(),
    status: 'running',
    redirectUri: '',
    clientAuth: profile.clientAuth,
    exchanges: [],
  };
}
