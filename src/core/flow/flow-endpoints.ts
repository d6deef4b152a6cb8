import type { ProviderMetadata } from './discovery';
import type { FlowProfile } from './flow-profile';
import type { FlowEndpoints } from './flow-run';
import { isRecord } from '../lib/is-record';

/** A URL given as text. Profiles and discovery documents come from storage and servers: anything else counts as not given. */
function given(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Discovery is needed when the profile names an issuer but not both endpoints a code flow cannot do without. */
export function needsDiscovery(profile: Pick<FlowProfile, 'issuer' | 'authorizationEndpoint' | 'tokenEndpoint'>): boolean {
  if (!isRecord(profile)) return false;
  return given(profile.issuer) !== undefined && !(given(profile.authorizationEndpoint) && given(profile.tokenEndpoint));
}

/**
 * The endpoints a run uses: the profile's own where it gives one, discovery's for the rest.
 * Both main endpoints given: no discovery at all (Entra's "common" tenant, say, publishes a
 * templated issuer that never matches). undefined when neither source names both.
 */
export function flowEndpoints(profile: FlowProfile, metadata?: ProviderMetadata): FlowEndpoints | undefined {
  const own: Partial<Record<keyof FlowProfile, unknown>> = isRecord(profile) ? profile : {};
  const found: Partial<Record<keyof ProviderMetadata, unknown>> = isRecord(metadata) ? metadata : {};
  const authorization = given(own.authorizationEndpoint) ?? given(found.authorization_endpoint);
  const token = given(own.tokenEndpoint) ?? given(found.token_endpoint);
  if (!authorization || !token) return undefined;
  const revocation = given(own.revocationEndpoint) ?? given(found.revocation_endpoint);
  const introspection = given(own.introspectionEndpoint) ?? given(found.introspection_endpoint);
  const userinfo = given(own.userinfoEndpoint) ?? given(found.userinfo_endpoint);
  return {
    authorization,
    token,
    ...(revocation ? { revocation } : {}),
    ...(introspection ? { introspection } : {}),
    ...(userinfo ? { userinfo } : {}),
  };
}
