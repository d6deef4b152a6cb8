import browser from 'webextension-polyfill';
import { exportProfiles, readProfiles, summarizeRun } from '../core';
import { Failure, type Handlers } from '../messages';
import { callWithToken, exchangeAgain, manageToken, refresh } from './flow-actions';
import { browserEnvironment, newId, RUN_ASKER, type BackgroundParts } from './browser-environment';
import { createDiscoveryCache, readDiscovery } from './discovery-cache';
import type { FlowEnvironment } from './flow-environment';
import { fromDevtools } from './devtools-errors';
import { createJwksFetcher } from './fetch-jwks';
import { planRun } from './plan-run';
import { giveBack, giveBackUnusedHosts, listAccess } from './access-handlers';
import { deleteProfile, listProfiles, saveProfile } from './profile-store';
import { runFlow } from './run-flow';
import type { WatchControl } from './watch/watch-handlers';
import { loadRun, loadRuns, withRun } from './session-store';

async function afterProfilesChange<T>(value: T): Promise<T> {
  await giveBackUnusedHosts().catch(() => {});
  return value;
}

export function createHandlers(parts: BackgroundParts, watch: WatchControl, env: () => FlowEnvironment = () => browserEnvironment(parts)): Handlers {
  const { errors, gate } = parts;
  const discover = createDiscoveryCache();
  const jwks = createJwksFetcher();
  return {
    ...watch.handlers,
    async ping() {
      return { version: browser.runtime.getManifest().version, redirectUri: browser.identity.getRedirectURL() };
    },
    planRun: ({ profile }) => planRun(profile, { holds: (origins) => gate.holds({ origins }), discover: (issuer) => discover(issuer) }),
    runFlow: ({ profile, hosts }) => runFlow(profile, env(), hosts ?? []),
    declineHosts: async () => (gate.decline(RUN_ASKER), null),
    lastFlow: async () => (await loadRuns())[0] ?? null,
    listRuns: async () => (await loadRuns()).map(summarizeRun),
    getRun: ({ id }) => loadRun(id),
    // One action on a run at a time, each on the run as the one before it left it.
    exchangeAgain: ({ runId, redirectUri }) => withRun(runId, (run) => exchangeAgain(run, env(), redirectUri)),
    refresh: ({ runId }) => withRun(runId, (run) => refresh(run, env())),
    revoke: ({ runId, which }) => withRun(runId, (run) => manageToken(run, 'revoke', which, env())),
    introspect: ({ runId, which }) => withRun(runId, (run) => manageToken(run, 'introspect', which, env())),
    userinfo: ({ runId }) => withRun(runId, (run) => callWithToken(run, 'userinfo', env())),
    callApi: ({ runId, url }) => withRun(runId, (run) => callWithToken(run, 'api', env(), url)),
    // Check discovery asks afresh: the person wants to see what the issuer says now. A failure
    // without an answer is told apart as Run tells it: no connection, hidden by CORS, or no answer in time.
    async discover({ issuer }) {
      const { fetch: fetchImpl, hosts, reachable } = env();
      const result = await readDiscovery(issuer, fetchImpl, undefined, { holds: hosts.holds, reachable });
      if (!result.ok) throw new Failure('invalid_response', result.reason);
      return { metadata: result.metadata, notes: result.notes };
    },
    // Keys for a view to verify a token with, fetched by the rules Check discovery follows.
    fetchJwks(request) {
      const { fetch: fetchImpl, hosts, reachable } = env();
      return jwks(request, fetchImpl, { holds: hosts.holds, reachable });
    },
    listErrors: () => errors.list(),
    recordErrors: async ({ entries }) => ({ recorded: await errors.recordNew(fromDevtools(entries)) }),
    markErrorsSeen: () => errors.markSeen(),
    clearErrors: () => errors.clear(),
    listAccess: () => listAccess(),
    giveBack: ({ permission }) => giveBack(permission, watch),
    listProfiles: () => listProfiles(),
    // A profile changed or deleted may leave a host nothing uses any more: it goes back.
    saveProfile: async ({ profile }) => afterProfilesChange(await saveProfile(profile, newId)),
    deleteProfile: async ({ id }) => (await deleteProfile(id), afterProfilesChange(null)),
    exportProfiles: async () => exportProfiles(await listProfiles()),
    // Checked here, field by field, before anything is stored; the view warns of where they point.
    async importProfiles({ json }) {
      const { profiles, problems } = readProfiles(json);
      for (const profile of profiles) await saveProfile(profile, newId);
      return { imported: profiles.length, problems };
    },
  };
}
