import { hostsForRun, type RunEndpoint } from './run-hosts';
import type { FlowProfile } from './flow-profile';
import type { FlowRun } from './flow-run';
import { hostPermissionOf } from './host-permission';
import { parseHostPatterns } from './host-pattern';

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
  for (const pattern of parseHostPatterns(facts.watch.patterns)) for (const origin of pattern.origins) use(origin, `Watch: ${pattern.pattern}`);
  for (const profile of facts.profiles) {
    for (const host of hostsForRun(profile)) use(host.permission, `Profile “${profile.name}”: ${host.endpoints.map((e) => ENDPOINT_WORDS[e]).join(', ')}`);
  }
  for (const run of facts.runs) {
    // A run waiting for the person's answer uses what it asked for, though its profile may be unsaved.
    if (run.status === 'running') for (const permission of run.awaitingHosts?.permissions ?? []) use(permission, `Run of “${run.profileName}”: waiting for your answer`);
    for (const [endpoint, url] of Object.entries(run.endpoints ?? {})) {
      if (endpoint !== 'authorization') use(hostPermissionOf(url), `Run of “${run.profileName}”: ${endpoint} endpoint`);
    }
  }
  const watching = facts.watch.patterns.length > 0 && !facts.watch.paused;
  for (const permission of facts.watchPermissions) if (watching) use(permission, 'Watch: reading your app’s traffic');
  for (const [permission, what] of Object.entries(REQUIRED_USES)) use(permission, what);

  return [
    ...facts.held.origins.map((permission) => ({ kind: 'host' as const, permission, uses: uses.get(permission) ?? [], required: false })),
    ...facts.held.permissions.map((permission) => ({ kind: 'api' as const, permission, uses: uses.get(permission) ?? [], required: facts.required.includes(permission) })),
  ];
}
