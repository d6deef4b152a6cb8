import { endpointWarnings, type EndpointWarning } from './endpoint-warnings';
import type { ProviderIdentity } from '../catalog/provider-identities';
import { readProfiles, type ReadProfiles } from './read-profiles';

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
