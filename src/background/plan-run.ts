import { flowEndpoints, hostsForRun, needsDiscovery, tokenRequestsAs, type FlowProfile, type ProviderMetadata } from '../core';
import type { RunPlan } from '../messages';

export type PlanSources = {
  holds: (permissions: string[]) => Promise<boolean>;
  /** Discovery for the issuer, or undefined when it cannot be read (yet): no host permission, no CORS, down. */
  discover: (issuer: string) => Promise<ProviderMetadata | undefined>;
};

/**
 * What Run will ask for, worked out before the click: a permission request must be made from
 * the click itself, synchronously in Firefox, with no time for discovery in between. When
 * discovery cannot be read yet, the issuer's host stands in for the endpoints it would name.
 * With it comes the discovery document, for the view to warn of where the run would send its
 * secrets (plain http:, another origin than the issuer) with the endpoints discovery names too.
 */
export async function planRun(profile: FlowProfile, { holds, discover }: PlanSources): Promise<RunPlan> {
  const metadata = needsDiscovery(profile) ? await discover(profile.issuer!).catch(() => undefined) : undefined;
  const endpoints = flowEndpoints(profile, metadata);
  const hosts = await Promise.all(hostsForRun(profile, endpoints).map(async (host) => ({ ...host, held: await holds([host.permission]) })));
  return { tokenRequestsAs: tokenRequestsAs(profile), endpointsKnown: endpoints !== undefined, hosts, ...(metadata ? { metadata } : {}) };
}
