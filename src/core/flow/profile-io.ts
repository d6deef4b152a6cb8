import { endpointWarnings, type EndpointWarning } from './endpoint-warnings';
import { isRecord } from '../lib/is-record';
import type { ProviderIdentity } from '../catalog/provider-identities';
import type { FlowProfile } from './flow-profile';
import { readProfiles, type ReadProfiles } from './read-profiles';

/**
 * Profiles as JSON to share or keep, never with their secrets. Never throws: a stored entry that
 * is not a profile, or one JSON cannot write (nested too deep), is left out; it could not be
 * imported either.
 */
export function exportProfiles(profiles: FlowProfile[]): string {
  const shareable = (Array.isArray(profiles) ? profiles : [])
    .filter(isRecord)
    .map(({ id: _id, clientSecret: _secret, rememberSecret: _remember, ...rest }) => rest)
    .filter(writable);
  return JSON.stringify({ oauthLensProfiles: 1, profiles: shareable }, null, 2);
}

function writable(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

/** An imported profile's endpoints that deserve a look before it is run (see endpointWarnings). */
export type ImportWarning = { profile: string; warnings: EndpointWarning[] };

export type ImportedProfiles = ReadProfiles & { warnings: ImportWarning[] };

/**
 * Exported profiles read back (readProfiles), with warnings: a file can name any host, so each
 * profile whose endpoints are on plain http: or on another origin than its issuer comes with
 * warnings that name them (`knownProviders`: see endpointWarnings). Never throws.
 */
export function importProfiles(text: string, knownProviders: readonly ProviderIdentity[] = []): ImportedProfiles {
  const { profiles, problems } = readProfiles(text);
  const warnings = profiles.flatMap((profile) => {
    const found = endpointWarnings(profile, undefined, knownProviders);
    return found.length > 0 ? [{ profile: profile.name, warnings: found }] : [];
  });
  return { profiles, problems, warnings };
}
