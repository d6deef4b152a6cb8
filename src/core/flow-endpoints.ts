import type { ProviderMetadata } from './discovery';
import type { FlowProfile } from './flow-profile';
import type { FlowEndpoints } from './flow-run';

/** Discovery is needed when the profile names an issuer but not both endpoints a code flow cannot do without. */
export function needsDiscovery(profile: Pick<FlowProfile, 'issuer' | 'authorizationEndpoint' | 'tokenEndpoint'>): boolean {
  return !!profile.issuer && !(profile.authorizationEndpoint && profile.tokenEndpoint);
}

/**
 * The endpoints a run uses: the profile's own where it gives one, discovery's for the rest.
 * Both main endpoints given: no discovery at all (Entra's "common" tenant, say, publishes a
 * templated issuer that never matches). undefined when neither source names both.
 */
export function flowEndpoints(profile: FlowProfile, metadata?: ProviderMetadata): FlowEndpoints | undefined {
  const authorization = profile.authorizationEndpoint || metadata?.authorization_endpoint;
  const token = profile.tokenEndpoint || metadata?.token_endpoint;
  if (!authorization || !token) return undefined;
  const revocation = profile.revocationEndpoint || metadata?.revocation_endpoint;
  const introspection = profile.introspectionEndpoint || metadata?.introspection_endpoint;
  const userinfo = profile.userinfoEndpoint || metadata?.userinfo_endpoint;
  return {
    authorization,
    token,
    ...(revocation ? { revocation } : {}),
    ...(introspection ? { introspection } : {}),
    ...(userinfo ? { userinfo } : {}),
  };
}
