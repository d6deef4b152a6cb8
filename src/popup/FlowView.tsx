import { useEffect, useRef, useState } from 'preact/hooks';
import { bundledDemoProfile, endpointWarnings, hostsForRun, type FlowProfile, type FlowRun, type ProviderIdentity, type RunSummary } from '../core';
import type { RunPlan } from '../messages';
import { AwaitingHosts } from './AwaitingHosts';
import { Failure } from '../messages';
import { useCapabilities } from './capabilities';
import { HostAccess } from './HostAccess';
import { useStored } from './use-stored';
import { useLazy } from './use-lazy';
import { Time } from './Time';
import { EndpointWarnings } from './EndpointWarnings';
import { FlowResult } from './FlowResult';
import { ProfileForm } from './ProfileForm';
import { ProfilePicker } from './ProfilePicker';
import { ProfileTransfer } from './ProfileTransfer';
import { RunHosts } from './RunHosts';

const PLAN_DELAY_MS = 300;
const POLL_MS = 1000;

export function FlowView({ redirectUri }: { redirectUri: string | undefined }) {
  const { ask, copy, requestHosts, viewMemory } = useCapabilities();
  const [profile, setProfile] = useState<FlowProfile>(bundledDemoProfile);
  const [saved, setSaved] = useState<FlowProfile[]>([]);
  const [run, setRun] = useState<FlowRun | null>(null);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  // The run the person picked from the history; none: the newest, whichever it is.
  const picked = useRef<string | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const [authMethods, setAuthMethods] = useState<string[]>();
  // `unreachableUrl`: a request a host permission would let through (Check discovery's, say): offered.
  const [note, setNote] = useState<{ text: string; error?: boolean; unreachableUrl?: string | undefined }>();
  const [plan, setPlan] = useState<RunPlan & { key: string }>();
  const [asking, setAsking] = useState(false);
  const [knownProviders, setKnownProviders] = useState<readonly ProviderIdentity[]>([]);

  // Which hosts each provider documents as its own, so that a split the provider means (Google's
  // token endpoint on oauth2.googleapis.com) is told from one a profile made up; loaded after paint.
  useEffect(() => {
    let current = true;
    import('./known-providers').then(({ PROVIDER_IDENTITIES }) => current && setKnownProviders(PROVIDER_IDENTITIES), () => {});
    return () => void (current = false);
  }, []);

  // The history, and the run to show: the one picked if it is still kept, else the newest.
  // A run this page was just answered with is newer than what a read begun before it found.
  const answered = useRef(0);
  const reload = async () => {
    const before = answered.current;
    const list = await ask('listRuns', undefined);
    const id = list.some((r) => r.id === picked.current) ? picked.current : list[0]?.id;
    const found = id ? await ask('getRun', { id }) : null;
    if (answered.current !== before) return;
    setRuns(list);
    setRun(found);
  };
  const answer = (next: FlowRun) => ((answered.current += 1), setRun(next));
  const show = (id: string | undefined) => {
    picked.current = id;
    viewMemory?.update({ runId: id }).catch(() => {});
    void reload().catch(() => {});
  };

  // A flow may have finished while the popup was closed (Firefox closes it when the sign-in window
  // opens); the person may have been looking at an older run: it is shown again.
  useEffect(() => {
    (viewMemory ? viewMemory.load() : Promise.resolve({ runId: undefined }))
      .then((state) => void (picked.current = state.runId), () => {})
      .then(reload)
      .catch((e: Error) => setNote({ text: e.message, error: true }));
    ask('listProfiles', undefined).then(setSaved, () => {});
  }, [ask]);

  // Runs saved by another view, or by the background after this one closed and reopened: shown at once.
  useStored(['flowRuns'], () => !running && reload().catch(() => {}));

  // A run under way that this page did not start (it reopened, or another page started it): follow it to its end.
  const following = !running && run?.status === 'running';
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => reload().catch(() => {}), POLL_MS);
    return () => clearInterval(timer);
  }, [following, ask]);

  const History = useLazy(() => import('./RunHistory').then((module) => module.RunHistory), runs.length > 0);
  // A failed run never hides a good one: the newest earlier run with tokens is named, one click away.
  const shownAt = runs.findIndex((r) => r.id === run?.id);
  const earlierGood = run?.status === 'failed' ? runs.slice(shownAt + 1).find((r) => r.hasTokens) : undefined;

  // What Run will ask for, known before the click: the click must ask at once, with no time for discovery.
  const planKey = JSON.stringify([profile.issuer, profile.authorizationEndpoint, profile.tokenEndpoint, profile.revocationEndpoint, profile.introspectionEndpoint, profile.userinfoEndpoint, profile.clientAuth, profile.tokenRequestsAs, profile.corsAllowsExtensions]);
  useEffect(() => {
    if (running) return;
    let current = true;
    const timer = setTimeout(() => ask('planRun', { profile }).then((next) => current && setPlan({ ...next, key: planKey }), () => current && setPlan(undefined)), PLAN_DELAY_MS);
    return () => ((current = false), clearTimeout(timer));
  }, [planKey, running, ask]);
  // A plan made for the provider as it was before the last edit says nothing of this one.
  const currentPlan = plan?.key === planKey ? plan : undefined;

  const attempt = async (action: () => Promise<void>) => {
    setNote(undefined);
    try {
      await action();
    } catch (e) {
      setNote({ text: (e as Error).message, error: true, unreachableUrl: e instanceof Failure && e.code === 'host_permission_missing' ? e.unreachableUrl : undefined });
    }
  };
  const start = (event: Event) => {
    event.preventDefault();
    // The plan, or while it is not there yet, every host the profile alone names: a host already
    // granted costs no prompt. Both calls leave within this click: the message first, so the
    // background waits for the answer even if this popup is closed under the prompt (Chromium).
    const hosts = requestHosts ? (currentPlan ? currentPlan.hosts.filter((host) => !host.held) : hostsForRun(profile)).map((host) => host.permission) : [];
    setRunning(true);
    picked.current = undefined;
    viewMemory?.update({ runId: undefined }).catch(() => {});
    const finished = ask('runFlow', { profile, hosts });
    if (hosts.length > 0) {
      setAsking(true);
      requestHosts!(hosts).then(
        (granted) => (setAsking(false), granted || void ask('declineHosts', undefined).catch(() => {})),
        () => (setAsking(false), void ask('declineHosts', undefined).catch(() => {})),
      );
    }
    // The run it answers is the one shown; the history is read again to list it.
    void attempt(async () => (answer(await finished), setRuns(await ask('listRuns', undefined)))).finally(() => (setRunning(false), setAsking(false)));
  };
  const discover = () =>
    attempt(async () => {
      const { metadata, notes } = await ask('discover', { issuer: profile.issuer ?? '' });
      // The background type-checks discovery; a list is still the only thing this view can show as one.
      const methods = metadata.token_endpoint_auth_methods_supported;
      setAuthMethods(Array.isArray(methods) ? methods.filter((method) => typeof method === 'string') : []);
      setNote({ text: [`Discovery read from ${metadata.issuer}.`, ...notes].join(' ') });
    });
  const save = () =>
    attempt(async () => {
      const kept = await ask('saveProfile', { profile });
      setProfile(kept);
      setSaved(await ask('listProfiles', undefined));
      setNote({ text: `Saved "${kept.name}"${kept.rememberSecret ? ' with its secret' : '; its secret is kept for this browser session only'}.` });
    });
  const remove = () =>
    attempt(async () => {
      if (!profile.id) return;
      await ask('deleteProfile', { id: profile.id });
      setSaved(await ask('listProfiles', undefined));
      setProfile(bundledDemoProfile());
    });
  const authWarning = authMethods && authMethods.length > 0 && !authMethods.includes(profile.clientAuth);
  // The profile's own endpoints, and with the plan those its issuer's discovery names.
  const warnings = endpointWarnings(profile, currentPlan?.metadata, knownProviders);

  return (
    <section class="flow" aria-labelledby="flow-title">
      <div class="flow-setup">
        <h2 id="flow-title">Run a flow: {profile.name}</h2>
        <ProfilePicker saved={saved} onPick={(picked) => (setProfile(picked), setAuthMethods(undefined))} />
        <form onSubmit={start} class="profile">
          <ProfileForm profile={profile} onChange={setProfile} />
          <p class="actions">
            <button type="submit" disabled={running}>{asking ? 'Waiting for permission…' : running ? 'Waiting for sign-in…' : 'Run'}</button>
            {profile.issuer && (
              <button type="button" class="secondary" data-action="discover" onClick={discover}>Check discovery</button>
            )}
            <button type="button" class="secondary" data-action="save-profile" onClick={save}>Save profile</button>
            {profile.id && <button type="button" class="secondary" onClick={remove}>Delete</button>}
          </p>
          {authMethods && (
            <small data-testid="auth-methods" class={authWarning ? 'error' : 'muted'}>
              token_endpoint_auth_methods_supported: {authMethods.join(', ') || '(not stated)'}
              {authWarning && ` — ${profile.clientAuth} is not among them: the token request will likely fail with invalid_client.`}
            </small>
          )}
          <div class="redirect">
            Redirect URI <code data-testid="redirect-uri">{profile.redirectUri || redirectUri || '…'}</code>
            {redirectUri && (
              <button type="button" class="secondary" onClick={() => attempt(() => copy(profile.redirectUri || redirectUri))}>
                Copy
              </button>
            )}
            <small>Chrome and Firefox each have their own redirect URI: register both with the provider.</small>
          </div>
          {/* Below Run, not above it: the plan comes a moment after an edit, and what it adds
              must not move the button under a pointer on its way there. */}
          <EndpointWarnings warnings={warnings} />
          <RunHosts plan={currentPlan} asking={asking} />
        </form>
        <ProfileTransfer onImported={(profiles, text) => (setSaved(profiles), setNote({ text }))} />
        {note && <p class={note.error ? 'error' : 'muted'} role={note.error ? 'alert' : 'status'}>{note.text}</p>}
        <HostAccess url={note?.unreachableUrl} />
      </div>
      <div class="flow-run">
        {!run && runs.length === 0 && !running && (
          <p class="muted" data-testid="no-runs">
            No run yet in this browser session. Each run shows here with its steps, its tokens and every request it made; the last 20 stay listed.
          </p>
        )}
        {run && run.status === 'running' && !running && run.awaitingHosts && <AwaitingHosts run={run} />}
        {run && run.status === 'running' && !running && !run.awaitingHosts && (
          <p class="muted" data-testid="run-under-way">
            A run of “{run.profileName}” is under way (the sign-in window may be open).
          </p>
        )}
        {run && run.status !== 'running' && !running && (
          <>
            <h3 class="run-title">
              {run.status === 'succeeded' ? '✓' : '✗'} {run.profileName}, <Time at={run.startedAt} />
            </h3>
            {earlierGood && (
              <p class="notice" data-testid="earlier-good-run">
                The run of “{earlierGood.profileName}” at <Time at={earlierGood.startedAt} /> still has its tokens.{' '}
                <button type="button" class="secondary" data-action="show-run" onClick={() => show(earlierGood.id)}>
                  Show it
                </button>
              </p>
            )}
            <FlowResult run={run} onRun={answer} />
          </>
        )}
      </div>
      {History && <History runs={runs} shown={run?.id} onPick={show} />}
    </section>
  );
}
