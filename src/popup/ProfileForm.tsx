import { TOKEN_REQUESTS_LABELS, tokenRequestsAs, type ClientAuthMethod, type FlowProfile, type TokenRequestsAs } from '../core';

const CLIENT_AUTH: ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'none'];
const PKCE: FlowProfile['pkce'][] = ['S256', 'plain', 'off'];
const ENDPOINTS = [
  ['authorizationEndpoint', 'Authorization endpoint'],
  ['tokenEndpoint', 'Token endpoint'],
  ['revocationEndpoint', 'Revocation endpoint'],
  ['introspectionEndpoint', 'Introspection endpoint'],
  ['userinfoEndpoint', 'Userinfo endpoint'],
] as const;
// A preset's knowledge that its provider answers extension origins by CORS holds for that
// provider's URLs only: pointing the profile elsewhere drops it ("for any other server, assume not").
const PROVIDER_URLS = new Set<string>(['issuer', ...ENDPOINTS.map(([field]) => field)]);

/** The fields of one provider profile. Endpoints left empty are filled by discovery from the issuer. */
export function ProfileForm({ profile, onChange }: { profile: FlowProfile; onChange: (profile: FlowProfile) => void }) {
  const text = (field: keyof FlowProfile) => ({
    name: field,
    value: (profile[field] as string | undefined) ?? '',
    onInput: (event: Event) => {
      const { corsAllowsExtensions: _known, ...rest } = profile;
      onChange({ ...(PROVIDER_URLS.has(field) ? rest : profile), [field]: (event.currentTarget as HTMLInputElement).value });
    },
  });
  return (
    <div class="profile-fields">
      <label>Name<input {...text('name')} required /></label>
      <label>Issuer<input {...text('issuer')} placeholder="https://accounts.example.com (discovery fills the endpoints)" /></label>
      <details>
        <summary>Endpoints</summary>
        {ENDPOINTS.map(([field, label]) => (
          <label key={field}>{label}<input {...text(field)} placeholder="from discovery" /></label>
        ))}
      </details>
      <div class="pair">
        <label>Client ID<input {...text('clientId')} required /></label>
        <label>Client secret<input {...text('clientSecret')} type="password" autocomplete="off" /></label>
      </div>
      <label class="inline">
        <input type="checkbox" name="rememberSecret" checked={!!profile.rememberSecret} onChange={(e) => onChange({ ...profile, rememberSecret: e.currentTarget.checked })} />
        Remember secret
      </label>
      {profile.rememberSecret && (
        <p class="warning">The secret will be stored unencrypted in this browser profile (storage.local) and survive restarts. Otherwise it is kept in memory for this session only.</p>
      )}
      <label>Scopes<input {...text('scope')} /></label>
      {/* What most runs leave as it is, folded: Run stays in sight in a 600 px popup. */}
      <details class="advanced">
        <summary>Client authentication ({profile.clientAuth}), PKCE ({profile.pkce}), parameters</summary>
        <label>
          Extra authorization parameters <small>(one name=value per line)</small>
          <textarea
            name="extraParams"
            rows={2}
            value={Object.entries(profile.extraParams ?? {}).map(([k, v]) => `${k}=${v}`).join('\n')}
            onInput={(e) => onChange({ ...profile, extraParams: parseParams(e.currentTarget.value) })}
          />
        </label>
        <label>
          Client authentication
          <select name="clientAuth" value={profile.clientAuth} onChange={(e) => onChange({ ...profile, clientAuth: e.currentTarget.value as ClientAuthMethod })}>
            {CLIENT_AUTH.map((method) => <option key={method}>{method}</option>)}
          </select>
        </label>
        <label>
          Token requests
          <select
            name="tokenRequestsAs"
            value={profile.tokenRequestsAs ?? ''}
            onChange={(e) => {
              const { tokenRequestsAs: _old, ...rest } = profile;
              const value = e.currentTarget.value as TokenRequestsAs | '';
              onChange(value ? { ...rest, tokenRequestsAs: value } : rest);
            }}
          >
            <option value="">default: {TOKEN_REQUESTS_LABELS[tokenRequestsAs({ clientAuth: profile.clientAuth })]}</option>
            {(Object.keys(TOKEN_REQUESTS_LABELS) as TokenRequestsAs[]).map((mode) => (
              <option key={mode} value={mode}>{TOKEN_REQUESTS_LABELS[mode]}</option>
            ))}
          </select>
          <small class="muted">
            A confidential client’s backend sends no Origin header; some providers refuse one (Microsoft Entra for “Web” apps) or give no refresh token (Auth0).
          </small>
        </label>
        <label>
          PKCE
          <select name="pkce" value={profile.pkce} onChange={(e) => onChange({ ...profile, pkce: e.currentTarget.value as FlowProfile['pkce'] })}>
            {PKCE.map((method) => <option key={method}>{method}</option>)}
          </select>
        </label>
      </details>
      <details>
        <summary>Redirect URI overrides</summary>
        <label>Redirect URI<input {...text('redirectUri')} placeholder="the browser's own (below)" /></label>
        <label>
          Redirect URI at the token request <small>(differs only to reproduce a mismatch)</small>
          <input {...text('redirectUriAtExchange')} placeholder="same as at authorization" />
        </label>
      </details>
    </div>
  );
}

function parseParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) params[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return params;
}
