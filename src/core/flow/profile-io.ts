import { endpointWarnings, type EndpointWarning } from './endpoint-warnings';
import { isRecord } from '../lib/is-record';
import type { ProviderIdentity } from '../catalog/provider-identities';
import { TOKEN_REQUESTS_LABELS, type ClientAuthMethod, type FlowProfile, type TokenRequestsAs } from './flow-profile';

const CLIENT_AUTH: ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'none'];
const PKCE: FlowProfile['pkce'][] = ['S256', 'plain', 'off'];
const TOKEN_REQUESTS_AS = Object.keys(TOKEN_REQUESTS_LABELS) as TokenRequestsAs[];
const STRING_FIELDS = [
  'name', 'issuer', 'authorizationEndpoint', 'tokenEndpoint', 'revocationEndpoint', 'introspectionEndpoint',
  'userinfoEndpoint', 'clientId', 'scope', 'redirectUri', 'redirectUriAtExchange',
] as const;

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

export type ImportedProfiles = { profiles: FlowProfile[]; problems: string[]; warnings: ImportWarning[] };

/**
 * Reads exported profiles back, each checked field by field. A secret found in the file is
 * dropped and said so: secrets are typed in, not imported. A file can name any host, so each
 * profile whose endpoints are on plain http: or on another origin than its issuer comes with
 * warnings that name them (`knownProviders`: see endpointWarnings). Never throws.
 */
export function importProfiles(text: string, knownProviders: readonly ProviderIdentity[] = []): ImportedProfiles {
  const problems: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { profiles: [], problems: ['The file is not JSON.'], warnings: [] };
  }
  const list = Array.isArray(json) ? json : (json as { profiles?: unknown } | null)?.profiles;
  if (!Array.isArray(list)) return { profiles: [], problems: ['No "profiles" list in the file.'], warnings: [] };
  const profiles: FlowProfile[] = [];
  list.forEach((entry: unknown, i) => {
    const where = `Profile ${i + 1}`;
    if (typeof entry !== 'object' || entry === null) return void problems.push(`${where} is not an object.`);
    const raw = entry as Record<string, unknown>;
    const profile: Record<string, unknown> = {};
    for (const field of STRING_FIELDS) {
      if (raw[field] === undefined) continue;
      if (typeof raw[field] !== 'string') return void problems.push(`${where}: ${field} is not text.`);
      profile[field] = raw[field];
    }
    if (!profile.name || !profile.clientId) return void problems.push(`${where}: name and clientId are required.`);
    if (!CLIENT_AUTH.includes(raw.clientAuth as ClientAuthMethod)) return void problems.push(`${where}: clientAuth must be one of ${CLIENT_AUTH.join(', ')}.`);
    if (!PKCE.includes(raw.pkce as FlowProfile['pkce'])) return void problems.push(`${where}: pkce must be one of ${PKCE.join(', ')}.`);
    if (raw.extraParams !== undefined) {
      const params = raw.extraParams as Record<string, unknown>;
      if (typeof params !== 'object' || params === null || Object.values(params).some((v) => typeof v !== 'string')) {
        return void problems.push(`${where}: extraParams must map names to text.`);
      }
      profile.extraParams = params;
    }
    if (raw.tokenRequestsAs !== undefined) {
      if (!TOKEN_REQUESTS_AS.includes(raw.tokenRequestsAs as TokenRequestsAs)) return void problems.push(`${where}: tokenRequestsAs must be server or browser.`);
      profile.tokenRequestsAs = raw.tokenRequestsAs;
    }
    if (raw.corsAllowsExtensions !== undefined) {
      if (typeof raw.corsAllowsExtensions !== 'boolean') return void problems.push(`${where}: corsAllowsExtensions must be true or false.`);
      profile.corsAllowsExtensions = raw.corsAllowsExtensions;
    }
    if (raw.clientSecret !== undefined) problems.push(`${where} (${String(profile.name)}): its client secret was left out; type it in.`);
    profiles.push({ scope: '', ...profile, clientAuth: raw.clientAuth, pkce: raw.pkce } as FlowProfile);
  });
  const warnings = profiles.flatMap((profile) => {
    const found = endpointWarnings(profile, undefined, knownProviders);
    return found.length > 0 ? [{ profile: profile.name, warnings: found }] : [];
  });
  return { profiles, problems, warnings };
}
