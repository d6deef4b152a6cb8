import { bundledDemoProfile } from '../flow/bundled-demo';
import type { FlowProfile } from '../flow/flow-profile';
import { withoutTrailing } from '../lib/without-trailing';

/** A value the user supplies for a preset, used as `{name}` in the template's strings. */
export type PresetParameter = {
  /** 'tenant' (a bare path segment), 'domain' (a host name) or 'instance' (a base URL). */
  name: string;
  label: string;
  example: string;
  help?: string;
  /** Used when the user leaves the field empty; without one, an empty field is reported as missing. */
  default?: string;
};

export type ProviderPreset = {
  id: string;
  /** Shown in the picker. */
  name: string;
  /** The provider's documentation for the endpoints and the client-authentication facts. */
  source: string;
  /** Placeholders used as `{name}` in the template strings. */
  parameters: PresetParameter[];
  /** The profile with `{placeholders}`; the client id and secret are left to the user. */
  template: Omit<FlowProfile, 'id' | 'clientId' | 'clientSecret' | 'rememberSecret'>;
  /** Credentials that work out of the box: only the bundled demo server has any. */
  client?: Pick<FlowProfile, 'clientId' | 'clientSecret'>;
  /** What a developer must know to make this provider work, each sentence from its documentation. */
  notes: string[];
};

const OIDC_PROVIDER_DOCS = 'https://github.com/panva/node-oidc-provider/blob/main/docs/README.md';
const FREEAGENT_OAUTH = 'https://dev.freeagent.com/docs/oauth';
const GITHUB_OAUTH = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps';
const GOOGLE_WEB_SERVER = 'https://developers.google.com/identity/protocols/oauth2/web-server';
const ENTRA_AUTH_CODE = 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow';
const GITLAB_OAUTH = 'https://docs.gitlab.com/api/oauth2/';
const AUTH0_AUTHENTICATION_API = 'https://auth0.com/docs/api/authentication';
const OKTA_CUSTOM_AS = 'https://developer.okta.com/docs/api/openapi/okta-oauth/oauth/tag/CustomAS/';

const { clientId: demoClientId, clientSecret: demoClientSecret, ...demoTemplate } = bundledDemoProfile();

const FREEAGENT_NOTES = [
  'FreeAgent wants the client ID and secret as HTTP Basic credentials on the token request ("The App makes an HTTP Basic Auth request to the FreeAgent OAuth Token Endpoint including the Client ID, Secret and the Authorisation Token").',
  'The redirect_uri of the token request must be identical to the one sent to approve_app; FreeAgent\'s own answer on its API forum: "Must match that passed in to the API in the Authorization Request" (https://api-discuss.freeagent.com/t/getting-access-token/693).',
  'FreeAgent implements OAuth 2.0 Draft 22 and its documentation says nothing of PKCE, so PKCE is off here; turn it on to see whether the server ignores code_challenge.',
  'FreeAgent does not use scopes: its quick start says the API "doesn\'t enforce" the scope value (https://dev.freeagent.com/docs/quick_start), so none is sent.',
  'An authorisation code expires after 15 minutes.',
];

const PRESETS: ProviderPreset[] = [
  {
    id: 'bundled-demo',
    name: 'Bundled demo server',
    source: OIDC_PROVIDER_DOCS,
    parameters: [],
    template: demoTemplate,
    client: { clientId: demoClientId, ...(demoClientSecret === undefined ? {} : { clientSecret: demoClientSecret }) },
    notes: [
      'The bundled oidc-provider server runs on 127.0.0.1 after `npm start` or `npm run server`; sign in as demo / demo.',
      'Its clients (demo-basic with client_secret_basic, demo-post with client_secret_post, demo-public with none) are listed in the README under "Bundled authorization server"; every client must use PKCE with S256.',
      'Discovery, refresh tokens, revocation, introspection and userinfo are all enabled, so every step of the Flow view can be tried here first.',
    ],
  },
  {
    id: 'freeagent',
    name: 'FreeAgent',
    source: FREEAGENT_OAUTH,
    parameters: [],
    template: {
      name: 'FreeAgent',
      authorizationEndpoint: 'https://api.freeagent.com/v2/approve_app',
      tokenEndpoint: 'https://api.freeagent.com/v2/token_endpoint',
      scope: '',
      clientAuth: 'client_secret_basic',
      pkce: 'off',
    },
    notes: FREEAGENT_NOTES,
  },
  {
    id: 'freeagent-sandbox',
    name: 'FreeAgent (sandbox)',
    source: FREEAGENT_OAUTH,
    parameters: [],
    template: {
      name: 'FreeAgent (sandbox)',
      authorizationEndpoint: 'https://api.sandbox.freeagent.com/v2/approve_app',
      tokenEndpoint: 'https://api.sandbox.freeagent.com/v2/token_endpoint',
      scope: '',
      clientAuth: 'client_secret_basic',
      pkce: 'off',
    },
    notes: [
      ...FREEAGENT_NOTES,
      'The sandbox is the same API at https://api.sandbox.freeagent.com: sign in with a FreeAgent Sandbox account and complete the company\'s setup stages first, or the API answers with unexpected errors (https://dev.freeagent.com/docs/quick_start).',
    ],
  },
  {
    id: 'github',
    name: 'GitHub (OAuth app)',
    source: GITHUB_OAUTH,
    parameters: [],
    template: {
      name: 'GitHub',
      authorizationEndpoint: 'https://github.com/login/oauth/authorize',
      tokenEndpoint: 'https://github.com/login/oauth/access_token',
      userinfoEndpoint: 'https://api.github.com/user',
      scope: 'read:user',
      clientAuth: 'client_secret_post',
      pkce: 'S256',
    },
    notes: [
      'GitHub answers the token request form-encoded (access_token=…&scope=…&token_type=bearer) unless the request carries Accept: application/json (or application/xml).',
      'OAuth apps get no ID token and GitHub documents no OpenID Connect discovery for them: the endpoints are given explicitly, and the scopes are GitHub scopes such as read:user, not openid.',
      'The client secret goes in the token request body as client_secret, next to client_id (client_secret_post); GitHub\'s documentation shows no HTTP Basic variant.',
      'PKCE has been supported since July 2025, S256 only ("the plain code challenge method is not supported"); it is recommended but not required, because GitHub does not distinguish public from confidential clients (https://github.blog/changelog/2025-07-14-pkce-support-for-oauth-and-github-app-authentication).',
      'GitHub does not support CORS preflight (OPTIONS) requests on these endpoints.',
      'The redirect_uri\'s host and port must match the registered callback URL exactly, and its path must be the callback\'s path or a subdirectory of it.',
      'Tokens do not expire unless the app opts in to expiring tokens or requests the offline_access scope; then the response adds a refresh_token, and the access token lasts eight hours.',
      'The userinfo endpoint here is the REST API\'s /user, which answers a GitHub user object, not OpenID Connect claims.',
      'GitHub has no RFC 7009 revocation endpoint: a token is revoked through the REST API (DELETE /applications/{client_id}/token, https://docs.github.com/en/rest/apps/oauth-applications), so none is set.',
      'Add prompt=select_account to the extra parameters to force GitHub\'s account picker.',
    ],
  },
  {
    id: 'google',
    name: 'Google',
    source: GOOGLE_WEB_SERVER,
    parameters: [],
    template: {
      name: 'Google',
      issuer: 'https://accounts.google.com',
      scope: 'openid email profile',
      extraParams: { access_type: 'offline', prompt: 'consent' },
      clientAuth: 'client_secret_post',
      pkce: 'S256',
    },
    notes: [
      'Google returns a refresh token only with access_type=offline, and only "the first time that your application exchanges an authorization code for tokens"; prompt=consent asks the user again, so every run gets a refresh token.',
      'Use an OAuth client of type "Web application"; the redirect_uri must exactly match one of the client\'s authorized redirect URIs in the Google Cloud console.',
      'Google\'s examples send client_id and client_secret in the token request body (client_secret_post); its discovery document also lists client_secret_basic.',
      'The endpoints, including revocation_endpoint and userinfo_endpoint, come from discovery at https://accounts.google.com/.well-known/openid-configuration (https://developers.google.com/identity/openid-connect/reference).',
      'ID tokens give the issuer as https://accounts.google.com, or accounts.google.com for legacy implementations.',
      'A web client keeps its client secret when it uses PKCE; Google accepts S256 and plain.',
    ],
  },
  {
    id: 'entra',
    name: 'Microsoft Entra ID',
    source: ENTRA_AUTH_CODE,
    parameters: [
      {
        name: 'tenant',
        label: 'Tenant',
        example: 'contoso.onmicrosoft.com',
        help: 'The directory (tenant) ID, a verified domain, or common, organizations or consumers.',
      },
    ],
    template: {
      name: 'Microsoft Entra ID ({tenant})',
      issuer: 'https://login.microsoftonline.com/{tenant}/v2.0',
      authorizationEndpoint: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize',
      tokenEndpoint: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token',
      userinfoEndpoint: 'https://graph.microsoft.com/oidc/userinfo',
      scope: 'openid profile email offline_access',
      clientAuth: 'client_secret_post',
      pkce: 'S256',
    },
    notes: [
      'The tenant is a tenant ID (GUID), a domain such as contoso.onmicrosoft.com, or common, organizations or consumers; to sign a guest into another tenant you must give that tenant\'s ID.',
      'With common, organizations or consumers the discovery document names the issuer as the template https://login.microsoftonline.com/{tenantid}/v2.0 and each ID token carries the user\'s own tenant (https://github.com/MicrosoftDocs/azure-docs/issues/38427), so this preset gives the endpoints explicitly and skips discovery.',
      'The Microsoft identity platform "prevents the use of client credentials in all flows in the presence of an Origin header": a redirect URI registered under "Web" fails from a browser with AADSTS9002326 (cross-origin token redemption is permitted only for the Single-Page Application client-type). Register the extension\'s redirect URI under "Single-page application" and set client authentication to none (PKCE only), or expect that error.',
      'A confidential "Web" client sends client_secret in the token request body; "the Basic auth pattern of instead providing credentials in the Authorization header" is also supported.',
      'A refresh token is returned only when the offline_access scope is requested.',
      'PKCE is recommended for all application types and required for single-page apps.',
      'The userinfo endpoint is Microsoft Graph\'s https://graph.microsoft.com/oidc/userinfo, as the discovery document lists it; Microsoft documents no RFC 7009 revocation or RFC 7662 introspection endpoint for these flows, so none is set.',
    ],
  },
  {
    id: 'gitlab',
    name: 'GitLab',
    source: GITLAB_OAUTH,
    parameters: [
      {
        name: 'instance',
        label: 'Instance URL',
        example: 'https://gitlab.example.com',
        help: 'GitLab.com, or the base URL of a self-managed instance.',
        default: 'https://gitlab.com',
      },
    ],
    template: {
      name: 'GitLab ({instance})',
      issuer: '{instance}',
      authorizationEndpoint: '{instance}/oauth/authorize',
      tokenEndpoint: '{instance}/oauth/token',
      revocationEndpoint: '{instance}/oauth/revoke',
      userinfoEndpoint: '{instance}/oauth/userinfo',
      scope: 'openid profile email',
      clientAuth: 'client_secret_post',
      pkce: 'S256',
      // "/oauth/revoke, /oauth/token, /oauth/userinfo" answer CORS, preflights included, with
      // Access-Control-Allow-Origin: * (https://docs.gitlab.com/api/oauth2/#cross-origin-resource-sharing,
      // https://gitlab.com/gitlab-org/gitlab/-/merge_requests/89566).
      corsAllowsExtensions: true,
    },
    notes: [
      'Register the application first under User settings > Applications (/user_settings/applications) with the scopes you will request; selecting the openid scope enables OpenID Connect (https://docs.gitlab.com/integration/openid_connect_provider/).',
      'GitLab\'s examples send client_id and client_secret as body parameters (client_secret_post); with PKCE the token request needs no client secret, for an application that is not confidential.',
      'The redirect_uri of the token request must match the redirect_uri used in the authorization request.',
      'Access tokens last two hours (expires_in 7200); a refresh invalidates the existing access and refresh tokens and returns new ones.',
      'GitLab documents /oauth/token/info (from the Doorkeeper gem) rather than an RFC 7662 introspection endpoint, so none is set.',
      'Since GitLab 15.1, /oauth/revoke, /oauth/token and /oauth/userinfo answer CORS preflight requests.',
      'Discovery for a self-managed instance is at <instance>/.well-known/openid-configuration.',
    ],
  },
  {
    id: 'auth0',
    name: 'Auth0',
    source: AUTH0_AUTHENTICATION_API,
    parameters: [
      {
        name: 'domain',
        label: 'Auth0 domain',
        example: 'dev-abc123.us.auth0.com',
        help: 'Your tenant domain or custom domain, without https://.',
      },
    ],
    template: {
      name: 'Auth0 ({domain})',
      issuer: 'https://{domain}/',
      authorizationEndpoint: 'https://{domain}/authorize',
      tokenEndpoint: 'https://{domain}/oauth/token',
      revocationEndpoint: 'https://{domain}/oauth/revoke',
      userinfoEndpoint: 'https://{domain}/userinfo',
      scope: 'openid profile email',
      clientAuth: 'client_secret_post',
      pkce: 'S256',
    },
    notes: [
      'Register a "Regular Web Application", add the extension\'s redirect URI to Allowed Callback URLs, and make sure its grant types include Authorization Code (https://auth0.com/docs/get-started/authentication-and-authorization-flow/authorization-code-flow/add-login-auth-code-flow).',
      'The application\'s Credentials tab decides client authentication: Client Secret (Post) sends the secret in the request body, Client Secret (Basic) in an HTTP Basic header (https://auth0.com/docs/get-started/applications/credentials); match it here.',
      'The issuer is https://<domain>/ with a trailing slash, as Auth0 writes it in the iss claim.',
      'Without an audience parameter the access token is opaque and good only for /userinfo; add audience=<your API identifier> to the extra parameters for a JWT access token for your API.',
      'When a request with an Origin header reaches /oauth/token, as a browser\'s does, Auth0 issues no refresh token, even with offline_access (https://auth0.com/docs/get-started/authentication-and-authorization-flow/authorization-code-flow).',
      'Auth0\'s Authentication API has /oauth/revoke for refresh tokens but documents no token introspection endpoint, so none is set.',
    ],
  },
  {
    id: 'okta',
    name: 'Okta',
    source: OKTA_CUSTOM_AS,
    parameters: [
      {
        name: 'domain',
        label: 'Okta domain',
        example: 'dev-123456.okta.com',
        help: 'Your Okta org domain, without https://.',
      },
    ],
    template: {
      name: 'Okta ({domain})',
      issuer: 'https://{domain}/oauth2/default',
      authorizationEndpoint: 'https://{domain}/oauth2/default/v1/authorize',
      tokenEndpoint: 'https://{domain}/oauth2/default/v1/token',
      revocationEndpoint: 'https://{domain}/oauth2/default/v1/revoke',
      introspectionEndpoint: 'https://{domain}/oauth2/default/v1/introspect',
      userinfoEndpoint: 'https://{domain}/oauth2/default/v1/userinfo',
      scope: 'openid profile email',
      clientAuth: 'client_secret_basic',
      pkce: 'S256',
    },
    notes: [
      'This is the custom authorization server named "default", which every org has; production orgs need the API Access Management add-on for it (https://developer.okta.com/docs/concepts/auth-servers/).',
      'The org authorization server has the issuer https://<domain> and its endpoints under /oauth2/v1/; the access tokens it issues can be validated only by Okta itself.',
      '"If you don\'t specify a method when registering your client, the default method is client_secret_basic" (https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/).',
      'The /revoke and /introspect endpoints require client authentication with the method configured for the client app.',
      'Add the extension\'s redirect URI to the app integration\'s sign-in redirect URIs; request offline_access, with the Refresh Token grant enabled, for a refresh token.',
    ],
  },
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = deepFreeze(PRESETS);

const PLACEHOLDER = /\{([A-Za-z][\w-]*)\}/g;
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$/;
const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** Trims and normalises one value; undefined when it cannot be used in a URL. */
function normalise(parameter: string, raw: string): string | undefined {
  const value = raw.trim();
  switch (parameter) {
    case 'domain': {
      // A host: "https://dev-123.okta.com/" and "dev-123.okta.com/oauth2/default" both give the host.
      const host = value.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '').split(/[/?#]/, 1)[0]!.toLowerCase();
      return HOST.test(host) ? host : undefined;
    }
    case 'instance': {
      // A base URL: the scheme defaults to https, the query, fragment and trailing slashes go.
      const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) ? value : `https://${value}`;
      let url: URL;
      try {
        url = new URL(withScheme);
      } catch {
        return undefined;
      }
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname) return undefined;
      return `${url.origin}${withoutTrailing(url.pathname, /\//)}`;
    }
    default: {
      // A path segment such as an Entra tenant: surrounding slashes are dropped.
      const segment = withoutTrailing(value.replace(/^\/+/, ''), /\//);
      return PATH_SEGMENT.test(segment) ? segment : undefined;
    }
  }
}

/**
 * Fills a preset's placeholders. Returns the names of the parameters left empty (and of those
 * whose value cannot go into a URL) instead of a profile. Never throws.
 */
export function fillPreset(
  preset: ProviderPreset,
  values: Record<string, string>,
): { ok: true; profile: FlowProfile } | { ok: false; missing: string[]; invalid?: string[] } {
  const filled = new Map<string, string>();
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const parameter of preset.parameters) {
    const given = values && typeof values === 'object' ? values[parameter.name] : undefined;
    const raw = typeof given === 'string' && given.trim() !== '' ? given : parameter.default;
    if (raw === undefined || raw.trim() === '') {
      missing.push(parameter.name);
      continue;
    }
    const value = normalise(parameter.name, raw);
    if (value === undefined) invalid.push(parameter.name);
    else filled.set(parameter.name, value);
  }
  if (missing.length > 0 || invalid.length > 0) {
    return { ok: false, missing, ...(invalid.length > 0 ? { invalid } : {}) };
  }

  const fill = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => filled.get(name) ?? whole);
  const profile: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(preset.template)) {
    if (typeof value === 'string') profile[key] = fill(value);
    else if (key === 'extraParams' && value && typeof value === 'object') {
      profile[key] = Object.fromEntries(Object.entries(value as Record<string, string>).map(([name, v]) => [name, fill(v)]));
    } else if (value !== undefined) profile[key] = value;
  }
  profile.clientId = preset.client?.clientId ?? '';
  if (preset.client?.clientSecret !== undefined) profile.clientSecret = preset.client.clientSecret;
  return { ok: true, profile: profile as FlowProfile };
}
