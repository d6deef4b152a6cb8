// Kept apart from the error catalogue: the background plans runs with these few hosts and must
// not load the catalogue to do so.

/** How to tell which provider answered: by the host of the request (or of the Location it redirected to). */
export type ProviderIdentity = {
  provider: string;
  /** Exact hosts, or suffixes written with a leading dot (".okta.com" matches "dev-1.okta.com"). */
  hosts: string[];
  /** The provider's OAuth documentation. */
  source: string;
};

export const PROVIDER_IDENTITIES: readonly ProviderIdentity[] = Object.freeze([
  { provider: 'GitHub', hosts: ['github.com', 'api.github.com'], source: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps' },
  // Every Google API lives under googleapis.com, the token endpoint (oauth2.googleapis.com) included.
  { provider: 'Google', hosts: ['accounts.google.com', '.googleapis.com'], source: 'https://developers.google.com/identity/protocols/oauth2/web-server' },
  {
    provider: 'Microsoft Entra ID',
    hosts: ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn', 'graph.microsoft.com'],
    source: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
  },
  { provider: 'Okta', hosts: ['.okta.com', '.oktapreview.com', '.okta-emea.com'], source: 'https://developer.okta.com/docs/reference/api/oidc/' },
  { provider: 'Auth0', hosts: ['.auth0.com'], source: 'https://auth0.com/docs/api/authentication' },
  // slack.com serves both /oauth/v2/authorize and the Web API (slack.com/api/…).
  { provider: 'Slack', hosts: ['slack.com', '.slack.com'], source: 'https://docs.slack.dev/authentication/installing-with-oauth' },
  { provider: 'FreeAgent', hosts: ['api.freeagent.com', 'api.sandbox.freeagent.com'], source: 'https://dev.freeagent.com/docs/oauth' },
  { provider: 'Salesforce', hosts: ['login.salesforce.com', 'test.salesforce.com', '.my.salesforce.com'], source: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_flow_errors.htm&type=5' },
  { provider: 'GitLab', hosts: ['gitlab.com'], source: 'https://docs.gitlab.com/api/oauth2/' },
  { provider: 'Stripe', hosts: ['connect.stripe.com', 'api.stripe.com'], source: 'https://docs.stripe.com/connect/oauth-reference' },
  // Every step of Shopify's OAuth runs on the shop's own myshopify.com domain.
  { provider: 'Shopify', hosts: ['.myshopify.com'], source: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant' },
  { provider: 'Zoom', hosts: ['zoom.us', 'api.zoom.us'], source: 'https://developers.zoom.us/docs/integrations/oauth/' },
  { provider: 'Xero', hosts: ['login.xero.com', 'identity.xero.com', 'api.xero.com'], source: 'https://developer.xero.com/documentation/guides/oauth2/auth-flow' },
  {
    provider: 'Intuit',
    hosts: ['appcenter.intuit.com', 'oauth.platform.intuit.com', 'quickbooks.api.intuit.com', 'sandbox-quickbooks.api.intuit.com'],
    source: 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0',
  },
  { provider: 'Dropbox', hosts: ['www.dropbox.com', 'api.dropboxapi.com', 'api.dropbox.com', 'content.dropboxapi.com'], source: 'https://developers.dropbox.com/oauth-guide' },
  { provider: 'Spotify', hosts: ['accounts.spotify.com', 'api.spotify.com'], source: 'https://developer.spotify.com/documentation/web-api/tutorials/code-flow' },
  // X still answers on the twitter.com names; the authorize page moved to x.com.
  { provider: 'X', hosts: ['x.com', 'api.x.com', 'twitter.com', 'api.twitter.com'], source: 'https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code' },
] satisfies ProviderIdentity[]);
