import browser from 'webextension-polyfill';
import type { Handlers } from '../messages';
import { runFlow } from './run-flow';
import { loadLastFlow, saveLastFlow } from './session-store';

const AUTHORIZE_TIMEOUT_MS = 5 * 60_000;

export function createHandlers(): Handlers {
  return {
    async ping() {
      return { version: browser.runtime.getManifest().version, redirectUri: browser.identity.getRedirectURL() };
    },
    async runFlow({ profile }) {
      return runFlow(profile, {
        defaultRedirectUri: browser.identity.getRedirectURL(),
        launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
        fetch: (input, init) => fetch(input, init),
        random: (length) => crypto.getRandomValues(new Uint8Array(length)),
        sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
        now: () => new Date(),
        save: saveLastFlow,
        authorizeTimeoutMs: AUTHORIZE_TIMEOUT_MS,
      });
    },
    lastFlow: () => loadLastFlow(),
  };
}
