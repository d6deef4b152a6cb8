import browser from 'webextension-polyfill';
import { randomToken } from '../core';
import type { ErrorLog } from './error-log';
import type { FlowEnvironment } from './flow-environment';
import { codeLedger, saveRun } from './session-store';

const AUTHORIZE_TIMEOUT_MS = 3 * 60_000;
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));
export const newId = () => randomToken(random);

/** The real browser behind a flow. */
export function browserEnvironment(errors: ErrorLog): FlowEnvironment {
  return {
    defaultRedirectUri: browser.identity.getRedirectURL(),
    launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
    fetch: (input, init) => fetch(input, init),
    random,
    sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
    now: () => new Date(),
    save: (run) => saveRun(run),
    codeLedger: { firstSent: (hash) => codeLedger.firstSent(hash), remember: (hash, at) => codeLedger.remember(hash, at) },
    recordError: (entry) => errors.record(entry),
    authorizeTimeoutMs: AUTHORIZE_TIMEOUT_MS,
  };
}
