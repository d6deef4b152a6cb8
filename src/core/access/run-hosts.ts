import { needsDiscovery } from '../flow/flow-endpoints';
import { tokenRequestsAs, type FlowProfile } from '../flow/flow-profile';
import type { FlowEndpoints } from '../flow/flow-run';
import { hostPermissionOf } from './host-permission';
import { isRecord } from '../lib/is-record';

/** An endpoint a run calls: discovery first when there is an issuer and endpoints are missing. */
export type RunEndpoint = 'discovery' | 'token' | 'revocation' | 'introspection' | 'userinfo';

/** A host the extension must be allowed to reach before the run asks for a code, and why. */
export type RunHost = { permission: string; host: string; endpoints: RunEndpoint[]; why: string };

/**
 * Every host whose answers the run must read and cannot read without a host permission: all of
 * them when token requests go as a server (the browser drops the Origin header only for a host
 * the extension may reach, and a backend reads answers without CORS), and otherwise those of a
 * provider not known to answer extension origins by CORS. A granted host costs the user
 * nothing; a code redeemed where the answer cannot be read is lost.
 *
 * `endpoints` are the resolved ones, when discovery has already been read; without them, the
 * profile's own endpoints and the issuer (for discovery) are all that is known.
 */
export function hostsForRun(profile: FlowProfile, endpoints?: Partial<FlowEndpoints>): RunHost[] {
  // A stored profile of another shape names no host; hostPermissionOf takes only URL strings.
  if (!isRecord(profile)) return [];
  const resolved: Partial<Record<keyof FlowEndpoints, unknown>> = isRecord(endpoints) ? endpoints : {};
  const asServer = tokenRequestsAs(profile) === 'server';
  if (!asServer && profile.corsAllowsExtensions === true) return [];
  const known: [RunEndpoint, unknown][] = [
    ['token', resolved.token || profile.tokenEndpoint],
    ['revocation', resolved.revocation || profile.revocationEndpoint],
    ['introspection', resolved.introspection || profile.introspectionEndpoint],
    ['userinfo', resolved.userinfo || profile.userinfoEndpoint],
  ];
  if (needsDiscovery(profile)) known.unshift(['discovery', profile.issuer]);
  const hosts = new Map<string, RunHost>();
  for (const [endpoint, url] of known) {
    const permission = typeof url === 'string' ? hostPermissionOf(url) : undefined;
    if (!permission) continue;
    const host = new URL(url as string).hostname;
    const entry = hosts.get(permission) ?? { permission, host, endpoints: [], why: '' };
    entry.endpoints.push(endpoint);
    hosts.set(permission, entry);
  }
  return [...hosts.values()].map((entry) => ({ ...entry, why: whyFor(entry, asServer) }));
}

function whyFor(entry: Omit<RunHost, 'why'>, asServer: boolean): string {
  const uses = entry.endpoints.map((endpoint) => (endpoint === 'discovery' ? 'discovery' : `the ${endpoint} endpoint`)).join(', ');
  return asServer
    ? `${entry.host} (${uses}): token requests go as your backend would send them, without an Origin header, and the browser removes it only for a host the extension may reach.`
    : `${entry.host} (${uses}): this provider is not known to answer an extension's requests by CORS, so without access the browser would hide its answers.`;
}
