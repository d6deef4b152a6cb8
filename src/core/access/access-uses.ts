import { hostsForRun, type RunEndpoint } from './run-hosts';
import type { FlowProfile } from '../flow/flow-profile';
import type { FlowRun } from '../flow/flow-run';
import { hostPermissionOf } from './host-permission';
import { parseHostPatterns } from './host-pattern';
import { isRecord } from '../lib/is-record';

/** One permission the extension holds, and what of the extension uses it. */
export type AccessEntry = {
  kind: 'host' | 'api';
  /** A match pattern (`https://github.com/*`) or an API permission (`webRequest`). */
  permission: string;
  /** What uses it, in words: "Watch: localhost:3000", "Profile “GitHub”: token endpoint". Empty: nothing does. */
  uses: string[];
  /** Asked for at install (the manifest's `permissions`): it cannot be given back. */
  required: boolean;
};

/** What the extension holds and the state that decides what uses it. */
export type AccessFacts = {
  held: { origins: string[]; permissions: string[] };
  /** The manifest's required API permissions. */
  required: string[];
  /** The API permissions watching needs (optional ones: webRequest, and Firefox's two more). */
  watchPermissions: string[];
  watch: { patterns: string[]; paused: boolean };
  profiles: FlowProfile[];
  runs: FlowRun[];
};

// What each required permission is for, as the README's permission table says.
const REQUIRED_USES: Record<string, string> = {
  identity: 'Run: the sign-in window and the redirect URI',
  storage: 'Profiles, runs, the error list and the watch list',
  declarativeNetRequestWithHostAccess: 'Run: token requests sent as a server, without an Origin header',
  sidePanel: 'Open panel: the same views in the side panel, beside your app',
  // Chrome lists it for a manifest with a devtools_page; it lets DevTools show the OAuth panel.
  devtools: "DevTools' OAuth panel: your app's traffic with bodies, while DevTools is open",
};

const ENDPOINT_WORDS: Record<RunEndpoint, string> = {
  discovery: 'discovery',
  token: 'token endpoint',
  revocation: 'revocation endpoint',
  introspection: 'introspection endpoint',
  userinfo: 'userinfo endpoint',
};

/**
 * Each permission the extension holds, with the features that use it: watched hosts, saved
 * profiles' and kept runs' endpoints, watching itself for its API permissions. A grant with no
 * use is one to give back. Never throws.
 */
export function accessUses(facts: AccessFacts): AccessEntry[] {
  const uses = new Map<string, string[]>();
  const use = (permission: string | undefined, what: string) => {
    if (!permission) return;
    const list = uses.get(permission) ?? [];
    if (!list.includes(what)) list.push(what);
    uses.set(permission, list);
  };
  // The facts come from storage and the browser: each part of another shape counts as empty.
  const given: Partial<Record<keyof AccessFacts, unknown>> = isRecord(facts) ? facts : {};
  const watch = isRecord(given.watch) ? given.watch : {};
  const held = isRecord(given.held) ? given.held : {};
  const patterns = texts(watch.patterns);
  for (const pattern of parseHostPatterns(patterns)) for (const origin of pattern.origins) use(origin, `Watch: ${pattern.pattern}`);
  for (const profile of records(given.profiles)) {
    for (const host of hostsForRun(profile as FlowProfile)) use(host.permission, `Profile “${name(profile.name)}”: ${host.endpoints.map((e) => ENDPOINT_WORDS[e]).join(', ')}`);
  }
  for (const run of records(given.runs)) {
    const of = `Run of “${name(run.profileName)}”`;
    // A run waiting for the person's answer uses what it asked for, though its profile may be unsaved.
    if (run.status === 'running' && isRecord(run.awaitingHosts)) for (const permission of texts(run.awaitingHosts.permissions)) use(permission, `${of}: waiting for your answer`);
    for (const [endpoint, url] of Object.entries(isRecord(run.endpoints) ? run.endpoints : {})) {
      if (endpoint !== 'authorization') use(hostPermissionOf(url as string), `${of}: ${endpoint} endpoint`);
    }
  }
  const watching = patterns.length > 0 && !watch.paused;
  for (const permission of texts(given.watchPermissions)) if (watching) use(permission, 'Watch: reading your app’s traffic');
  for (const [permission, what] of Object.entries(REQUIRED_USES)) use(permission, what);

  const required = texts(given.required);
  return [
    ...texts(held.origins).map((permission) => ({ kind: 'host' as const, permission, uses: uses.get(permission) ?? [], required: false })),
    ...texts(held.permissions).map((permission) => ({ kind: 'api' as const, permission, uses: uses.get(permission) ?? [], required: required.includes(permission) })),
  ];
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function name(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
