import { createHash, randomBytes } from 'node:crypto';
import { DEMO_ACCOUNT, DEMO_CLIENTS, authorizationCodeRequest, type ClientCredentials } from '../../src/core';
import { extensionRedirectUris } from '../../scripts/extension-identity';
import { TOKEN_ENDPOINT_PATH } from './quirks/token-endpoint';

export type ObtainedCode = {
  issuer: string;
  clientId: string;
  code: string;
  codeVerifier: string;
  redirectUri: string;
  state: string;
  /** The whole authorization response, as the redirect brought it (with `iss`, RFC 9207). */
  redirect: string;
};

export type ObtainCodeOptions = {
  /** Default: the demo profile's client, demo-basic. */
  clientId?: string;
  /** Default: the Chrome extension's redirect URI (registered for every demo client). */
  redirectUri?: string;
  scope?: string;
  login?: string;
  password?: string;
};

/**
 * A real authorization code from the bundled server, over plain HTTP and without a browser:
 * /auth with PKCE (S256), then the sign-in and consent pages as their forms post them,
 * following each redirect by hand with the cookies oidc-provider sets, until the redirect to
 * the client's redirect URI. Throws with what the server said if the flow goes anywhere else.
 */
export async function obtainCode(issuer: string, options: ObtainCodeOptions = {}): Promise<ObtainedCode> {
  const clientId = options.clientId ?? DEMO_CLIENTS.basic.clientId;
  const redirectUri = options.redirectUri ?? extensionRedirectUris().chrome;
  const codeVerifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const auth = new URL('/auth', issuer);
  auth.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope ?? 'openid email',
    state,
    nonce: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  const redirect = await signInOverHttp(auth.href, redirectUri, options);
  return codeFrom(redirect, { issuer, clientId, codeVerifier, redirectUri, state });
}

/**
 * What a person does in the sign-in window, over plain HTTP: follows the authorization URL
 * through the sign-in and consent pages, with the cookies oidc-provider sets, and returns the
 * URL it finally redirects to at `redirectUri` (with the code or an error). What
 * launchWebAuthFlow hands back, for tests of the flow runner without a browser.
 */
export async function signInOverHttp(authorizationUrl: string, redirectUri: string, options: Pick<ObtainCodeOptions, 'login' | 'password'> = {}): Promise<URL> {
  const cookies = new CookieJar();
  let request: { url: URL; form?: URLSearchParams } = { url: new URL(authorizationUrl) };
  for (let step = 0; step < 12; step++) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: cookies.header(), ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(request.form ? { body: request.form.toString() } : {}),
    });
    cookies.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, request.url);
      // As launchWebAuthFlow does: any URL at the redirect URI's origin ends the sign-in.
      if (next.origin === new URL(redirectUri).origin) return next;
      request = { url: next };
      continue;
    }
    const page = await response.text();
    const action = response.ok ? /<form method="post" action="([^"]+)"/.exec(page)?.[1] : undefined;
    if (action?.endsWith('/login')) {
      const form = new URLSearchParams({ login: options.login ?? DEMO_ACCOUNT.login, password: options.password ?? DEMO_ACCOUNT.password });
      request = { url: new URL(action, request.url), form };
    } else if (action?.endsWith('/confirm')) {
      request = { url: new URL(action, request.url), form: new URLSearchParams() };
    } else {
      throw new Error(`signInOverHttp: ${response.status} from ${request.url.pathname}: ${page.slice(0, 300)}`);
    }
  }
  throw new Error('signInOverHttp: no redirect after 12 requests');
}

function codeFrom(redirect: URL, flow: Omit<ObtainedCode, 'code' | 'redirect'>): ObtainedCode {
  const params = redirect.searchParams;
  if (params.get('state') !== flow.state) throw new Error(`obtainCode: state mismatch in ${redirect.href}`);
  const code = params.get('code');
  if (!code) throw new Error(`obtainCode: ${params.get('error')}: ${params.get('error_description')}`);
  return { ...flow, code, redirect: redirect.href };
}

/**
 * The token request that redeems an obtained code (RFC 6749 §4.1.3), the client authenticated
 * as `client` says (by default the demo-basic client with HTTP Basic).
 */
export function redeemCode(
  obtained: ObtainedCode,
  client: ClientCredentials = DEMO_CLIENTS.basic,
  extra: { headers?: Record<string, string> } = {},
): Promise<Response> {
  const request = authorizationCodeRequest(new URL(TOKEN_ENDPOINT_PATH, obtained.issuer).href, obtained, client);
  return fetch(request.url, { method: request.method, headers: { ...request.headers, ...extra.headers }, body: request.body! });
}

/** Just enough of a cookie jar for one host: name → value; a cookie set empty or already expired is removed. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expires = attributes.map((a) => /^\s*expires=(.*)$/i.exec(a)?.[1]).find(Boolean);
      const maxAge = attributes.map((a) => /^\s*max-age=(.*)$/i.exec(a)?.[1]).find(Boolean);
      const expired = (expires !== undefined && Date.parse(expires) <= Date.now()) || (maxAge !== undefined && Number(maxAge) <= 0);
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
