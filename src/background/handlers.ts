import browser from 'webextension-polyfill';
import { discoveryUrl, exportProfiles, importProfiles, parseDiscovery, randomToken } from '../core';
import type { Handlers } from '../messages';
import { callWithToken, exchangeAgain, manageToken, refresh } from './flow-actions';
import type { FlowEnvironment } from './flow-environment';
import { deleteProfile, listProfiles, saveProfile } from './profile-store';
import { runFlow } from './run-flow';
import { codeLedger, loadRun, loadRuns, saveRun } from './session-store';

const AUTHORIZE_TIMEOUT_MS = 3 * 60_000;
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const newId = () => randomToken(random);

function browserEnvironment(): FlowEnvironment {
  return {
    defaultRedirectUri: browser.identity.getRedirectURL(),
    launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
    fetch: (input, init) => fetch(input, init),
    random,
    sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
    now: () => new Date(),
    save: (run) => saveRun(run),
    codeLedger: { firstSent: (hash) => codeLedger.firstSent(hash), remember: (hash, at) => codeLedger.remember(hash, at) },
    authorizeTimeoutMs: AUTHORIZE_TIMEOUT_MS,
  };
}

export function createHandlers(env: () => FlowEnvironment = browserEnvironment): Handlers {
  return {
    async ping() {
      return { version: browser.runtime.getManifest().version, redirectUri: browser.identity.getRedirectURL() };
    },
    runFlow: ({ profile }) => runFlow(profile, env()),
    lastFlow: async () => (await loadRuns())[0] ?? null,
    exchangeAgain: async ({ runId, redirectUri }) => exchangeAgain(await loadRun(runId), env(), redirectUri),
    refresh: async ({ runId }) => refresh(await loadRun(runId), env()),
    revoke: async ({ runId, which }) => manageToken(await loadRun(runId), 'revoke', which, env()),
    introspect: async ({ runId, which }) => manageToken(await loadRun(runId), 'introspect', which, env()),
    userinfo: async ({ runId }) => callWithToken(await loadRun(runId), 'userinfo', env()),
    callApi: async ({ runId, url }) => callWithToken(await loadRun(runId), 'api', env(), url),
    async discover({ issuer }) {
      const response = await fetch(discoveryUrl(issuer), { credentials: 'omit' });
      const result = parseDiscovery(await response.text(), issuer);
      if (!result.ok) throw new Error(result.reason);
      return result.metadata;
    },
    listProfiles: () => listProfiles(),
    saveProfile: ({ profile }) => saveProfile(profile, newId),
    deleteProfile: async ({ id }) => (await deleteProfile(id), null),
    exportProfiles: async () => exportProfiles(await listProfiles()),
    async importProfiles({ json }) {
      const { profiles, problems } = importProfiles(json);
      for (const profile of profiles) await saveProfile(profile, newId);
      return { imported: profiles.length, problems };
    },
  };
}
