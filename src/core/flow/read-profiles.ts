import { TOKEN_REQUESTS_LABELS, type ClientAuthMethod, type FlowProfile, type TokenRequestsAs } from './flow-profile';

const CLIENT_AUTH: ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'none'];
const PKCE: FlowProfile['pkce'][] = ['S256', 'plain', 'off'];
const TOKEN_REQUESTS_AS = Object.keys(TOKEN_REQUESTS_LABELS) as TokenRequestsAs[];
const STRING_FIELDS = [
  'name', 'issuer', 'authorizationEndpoint', 'tokenEndpoint', 'revocationEndpoint', 'introspectionEndpoint',
  'userinfoEndpoint', 'clientId', 'scope', 'redirectUri', 'redirectUriAtExchange',
] as const;

export type ReadProfiles = { profiles: FlowProfile[]; problems: string[] };

/**
 * Reads exported profiles back, each checked field by field: what the background stores on
 * import. A secret found in the file is dropped and said so: secrets are typed in, not imported.
 * Never throws.
 */
export function readProfiles(text: string): ReadProfiles {
  const problems: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { profiles: [], problems: ['The file is not JSON.'] };
  }
  const list = Array.isArray(json) ? json : (json as { profiles?: unknown } | null)?.profiles;
  if (!Array.isArray(list)) return { profiles: [], problems: ['No "profiles" list in the file.'] };
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
  return { profiles, problems };
}
