import type { PkceMethod } from './pkce';

/** RFC 6749 §2.3.1 and OIDC Core §9: how the client proves who it is at the token endpoint. */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

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
  /** The user chose to keep the secret in storage.local, across browser restarts. */
  rememberSecret?: boolean;
};
