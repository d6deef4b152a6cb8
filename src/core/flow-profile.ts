import type { PkceMethod } from './pkce';

/** RFC 6749 §2.3.1 and OIDC Core §9: how the client proves who it is at the token endpoint. */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

/** Everything needed to run an authorization-code flow against one provider. */
export type FlowProfile = {
  name: string;
  /** With an issuer, OIDC discovery fills in the endpoints left empty. */
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  clientId: string;
  clientSecret?: string;
  scope: string;
  clientAuth: ClientAuthMethod;
  pkce: PkceMethod | 'off';
  /** Empty: the browser's own extension redirect URI (identity.getRedirectURL()). */
  redirectUri?: string;
};
