import { isRecord } from '../lib/is-record';
import type { PkceMethod } from './pkce';

/** RFC 6749 §2.3.1 and OIDC Core §9: how the client proves who it is at the token endpoint. */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

/** `server`: no Origin header, like a backend; `browser`: with the extension's Origin, like a single-page app. */
export type TokenRequestsAs = 'server' | 'browser';

/** The setting's words, as the profile form shows them and every fix that names it quotes them. */
export const TOKEN_REQUESTS_LABELS: Readonly<Record<TokenRequestsAs, string>> = Object.freeze({
  server: 'as a server (no Origin header)',
  browser: 'as a browser app (with Origin)',
});
export const TOKEN_REQUESTS_AS_SERVER = `Token requests: "${TOKEN_REQUESTS_LABELS.server}"`;
export const TOKEN_REQUESTS_AS_BROWSER = `Token requests: "${TOKEN_REQUESTS_LABELS.browser}"`;

/**
 * The profile's choice, or the default: a confidential client (it has a secret) is a backend's, so
 * its requests go as a server's; a public client (`none`) is a browser app's.
 */
export function tokenRequestsAs(profile: Pick<FlowProfile, 'tokenRequestsAs' | 'clientAuth'>): TokenRequestsAs {
  // A stored profile of another shape (or none) gets the default of a confidential client.
  const { tokenRequestsAs: chosen, clientAuth } = isRecord(profile) ? profile : {};
  if (chosen === 'server' || chosen === 'browser') return chosen;
  return clientAuth === 'none' ? 'browser' : 'server';
}

/** Everything needed to run an authorization-code flow against one provider. */
export type FlowProfile = {
  /** Stable key in storage; absent until the profile is saved. */
  id?: string;
  name: string;
  /** With an issuer, OIDC discovery fills in the endpoints left empty. */
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  revocationEndpoint?: string;
  introspectionEndpoint?: string;
  userinfoEndpoint?: string;
  clientId: string;
  clientSecret?: string;
  scope: string;
  /** Added to the authorization request (e.g. prompt, access_type, audience); never overrides the flow's own. */
  extraParams?: Record<string, string>;
  clientAuth: ClientAuthMethod;
  pkce: PkceMethod | 'off';
  /** Empty: the browser's own extension redirect URI (identity.getRedirectURL()). */
  redirectUri?: string;
  /** Sends a different redirect_uri in the token request than in the authorization request, to reproduce a mismatch. */
  redirectUriAtExchange?: string;
  /**
   * How the extension sends token, refresh, revocation and introspection requests: `server`, as the
   * developer's backend would, without an Origin header; `browser`, as a single-page app would, with
   * the extension's Origin. Absent: the default for the client authentication (see `tokenRequestsAs`).
   */
  tokenRequestsAs?: TokenRequestsAs;
  /**
   * The provider answers requests from extension origins by CORS (known from a preset), so a request
   * sent as a browser app is readable without a host permission.
   */
  corsAllowsExtensions?: boolean;
  /** The user chose to keep the secret in storage.local, across browser restarts. */
  rememberSecret?: boolean;
};
