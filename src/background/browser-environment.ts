import browser from 'webextension-polyfill';
import { randomToken } from '../core';
import type { ErrorLog } from './error-log';
import type { FlowEnvironment } from './flow-environment';
import type { PermissionGate } from './permission-gate';
import type { OriginRemoval } from './origin-removal';
import type { EvidenceStore } from './evidence-store';
import { saveRun } from './session-store';

const AUTHORIZE_TIMEOUT_MS = 3 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
const HOST_PROMPT_TIMEOUT_MS = 5 * 60_000;
const PROBE_TIMEOUT_MS = 10_000;
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));
export const newId = () => randomToken(random);
/** Who waits on the permission gate for a Run's hosts: `declineHosts` ends these waits. */
export const RUN_ASKER = 'run';

/** The extension's origin without the trailing slash, as browsers write it in an Origin header. */
export const extensionOrigin = () => browser.runtime.getURL('').replace(/\/$/, '');

/** What the background keeps for its whole life and every flow shares. */
export type BackgroundParts = { errors: ErrorLog; gate: PermissionGate; originRemoval: OriginRemoval; evidence: EvidenceStore };

/** The real browser behind a flow. */
export function browserEnvironment({ errors, gate, originRemoval, evidence }: BackgroundParts): FlowEnvironment {
  return {
    defaultRedirectUri: browser.identity.getRedirectURL(),
    extensionOrigin: extensionOrigin(),
    launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
    fetch: (input, init) => fetch(input, init),
    hosts: { holds: (origins) => gate.holds({ origins }), wait: (origins, until) => gate.wait({ origins }, until, RUN_ASKER) },
    withoutOrigin: (url, send) => originRemoval.around(url, send),
    // A no-cors request is never hidden by CORS (and needs no host permission): it settles exactly
    // when some server answers. Only the origin is asked, and a redirect is an answer, not followed.
    reachable: (origin) =>
      fetch(`${origin}/`, { mode: 'no-cors', redirect: 'manual', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).then(
        () => true,
        () => false,
      ),
    authorizeHangsOnErrorPage: typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function',
    random,
    sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
    now: () => new Date(),
    save: (run) => saveRun(run),
    evidence,
    recordError: (entry) => errors.record(entry),
    authorizeTimeoutMs: AUTHORIZE_TIMEOUT_MS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    hostPromptTimeoutMs: HOST_PROMPT_TIMEOUT_MS,
  };
}
