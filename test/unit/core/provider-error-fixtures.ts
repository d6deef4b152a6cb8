import type { DiagnosisCategory } from '../../../src/core/diagnose/diagnosis';
import type { HttpExchange } from '../../../src/core/traffic/http-exchange';

/**
 * Failed exchanges as providers really answer them: each response body is copied from the
 * provider's documentation or from a public issue thread (named in `source`). Request URLs are
 * the providers' real endpoints, so the provider can be told from the host. Trace IDs, codes and
 * secrets in requests are placeholders.
 */
export type ProviderErrorFixture = {
  provider: string;
  source: string;
  description: string;
  exchange: HttpExchange;
  category: DiagnosisCategory;
};

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const JSON_ACCEPT = { ...FORM, Accept: 'application/json' };
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };

const codeExchange = (extra = ''): string =>
  `grant_type=authorization_code&code=CODE&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback${extra}`;

export const PROVIDER_ERROR_FIXTURES: ProviderErrorFixture[] = [
  {
    provider: 'GitHub',
    source: 'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors (Bad verification code)',
    description: 'Code exchange with a used or expired code, JSON requested: HTTP 200 with an error body',
    exchange: {
      request: { method: 'POST', url: 'https://github.com/login/oauth/access_token', headers: JSON_ACCEPT, body: codeExchange('&client_id=Iv1.abc&client_secret=SECRET') },
      response: {
        status: 200,
        headers: JSON_TYPE,
        body: JSON.stringify({
          error: 'bad_verification_code',
          error_description: 'The code passed is incorrect or expired.',
          error_uri: '/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code',
        }),
      },
    },
    category: 'code_expired',
  },
  {
    provider: 'GitHub',
    source: 'Same page (Incorrect client credentials); GitHub answers form-encoded when Accept does not ask for JSON, so the documented JSON is sent here form-encoded',
    description: 'Code exchange with a wrong client secret and no Accept header: HTTP 200, form-encoded error',
    exchange: {
      request: { method: 'POST', url: 'https://github.com/login/oauth/access_token', headers: FORM, body: codeExchange('&client_id=Iv1.abc&client_secret=WRONG') },
      response: {
        status: 200,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: 'error=incorrect_client_credentials&error_description=The+client_id+and%2For+client_secret+passed+are+incorrect.&error_uri=%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-oauth-app-access-token-request-errors%2F%23incorrect-client-credentials',
      },
    },
    category: 'invalid_client_credentials',
  },
  {
    provider: 'GitHub',
    source: 'https://github.com/pluveto/upgit/issues/70',
    description: 'REST API call with an invalid personal access token',
    exchange: {
      request: { method: 'PUT', url: 'https://api.github.com/repos/octocat/picbed/contents/a.png', headers: { Authorization: 'Bearer ghp_INVALID' } },
      response: { status: 401, headers: JSON_TYPE, body: '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}' },
    },
    category: 'invalid_token',
  },
  {
    provider: 'Google',
    source: 'https://github.com/nextcloud/server/issues/40863',
    description: 'Refresh with a dead refresh token: invalid_grant with the bare "Bad Request" description',
    exchange: {
      request: { method: 'POST', url: 'https://oauth2.googleapis.com/token', headers: FORM, body: 'grant_type=refresh_token&refresh_token=1%2F%2FREFRESH&client_id=ID.apps.googleusercontent.com&client_secret=SECRET' },
      response: { status: 400, headers: JSON_TYPE, body: '{\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n}\n' },
    },
    category: 'code_reused',
  },
  {
    provider: 'Google',
    source: 'https://github.com/dolfim/django-gmailapi-backend/issues/9',
    description: 'Refresh six months later: the refresh token has been expired or revoked',
    exchange: {
      request: { method: 'POST', url: 'https://oauth2.googleapis.com/token', headers: FORM, body: 'grant_type=refresh_token&refresh_token=1%2F%2FREFRESH&client_id=ID.apps.googleusercontent.com&client_secret=SECRET' },
      response: { status: 400, headers: JSON_TYPE, body: '{\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}' },
    },
    category: 'token_revoked',
  },
  {
    provider: 'Google',
    source: 'https://github.com/Edujugon/laravel-google-ads/issues/17',
    description: 'Token request with a client ID Google does not know',
    exchange: {
      request: { method: 'POST', url: 'https://www.googleapis.com/oauth2/v4/token', headers: FORM, body: 'grant_type=refresh_token&refresh_token=Test&client_id=id&client_secret=test' },
      response: { status: 401, headers: JSON_TYPE, body: '{ "error": "invalid_client", "error_description": "The OAuth client was not found." }' },
    },
    category: 'invalid_client_credentials',
  },
  {
    provider: 'Microsoft Entra ID',
    source: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes (the sample error response)',
    description: 'Token request with a scope Entra ID does not accept',
    exchange: {
      request: { method: 'POST', url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token', headers: FORM, body: codeExchange('&client_id=00001111-aaaa-2222-bbbb-3333cccc4444&scope=https%3A%2F%2Fexample.contoso.com%2Factivity.read') },
      response: {
        status: 400,
        headers: JSON_TYPE,
        body: JSON.stringify({
          error: 'invalid_scope',
          error_description:
            "AADSTS70011: The provided value for the input parameter 'scope' isn't valid. The scope https://example.contoso.com/activity.read isn't valid.\r\nTrace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2016-01-09 02:02:12Z",
          error_codes: [70011],
          timestamp: '2016-01-09 02:02:12Z',
          trace_id: '0000aaaa-11bb-cccc-dd33-eeeeee333333',
          correlation_id: 'aaaa0000-bb11-2222-33cc-444444dddddd',
          error_uri: 'https://login.microsoftonline.com/error?code=70011',
        }),
      },
    },
    category: 'invalid_scope',
  },
  {
    provider: 'Microsoft Entra ID',
    source: 'https://github.com/AzureAD/microsoft-identity-web/issues/2328 (text as in the reference-error-codes table)',
    description: 'Code exchanged a second time',
    exchange: {
      request: { method: 'POST', url: 'https://login.microsoftonline.com/organizations/oauth2/v2.0/token', headers: FORM, body: codeExchange('&client_id=00001111-aaaa-2222-bbbb-3333cccc4444&client_secret=SECRET') },
      response: {
        status: 400,
        headers: JSON_TYPE,
        body: JSON.stringify({
          error: 'invalid_grant',
          error_description:
            'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.\r\nTrace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2023-07-04 10:00:00Z',
          error_codes: [54005],
        }),
      },
    },
    category: 'code_reused',
  },
  {
    provider: 'Microsoft Entra ID',
    source: 'https://github.com/Azure-Samples/ms-identity-javascript-angular-tutorial/issues/37',
    description: 'Browser redeems a code whose redirect URI is registered as Web, not SPA',
    exchange: {
      request: {
        method: 'POST',
        url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
        headers: { ...FORM, Origin: 'http://localhost:4200' },
        body: codeExchange('&client_id=00001111-aaaa-2222-bbbb-3333cccc4444&code_verifier=VERIFIER'),
      },
      response: {
        status: 400,
        headers: JSON_TYPE,
        body: JSON.stringify({
          error: 'invalid_request',
          error_description:
            "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.\r\nTrace ID: 40e5a04a-6016-42c3-b32f-0b9f20b61500\r\nCorrelation ID: b5a1a372-ed08-48a7-95e6-f7ab55489f03\r\nTimestamp: 2021-09-03 14:20:13Z",
          error_codes: [9002326],
        }),
      },
    },
    category: 'origin_not_allowed',
  },
  {
    provider: 'Okta',
    source: 'https://developer.okta.com/docs/reference/api/oidc/ (/token, Response Example (Error))',
    description: 'Token request without client authentication',
    exchange: {
      request: { method: 'POST', url: 'https://dev-133337.okta.com/oauth2/default/v1/token', headers: FORM, body: codeExchange() },
      response: { status: 401, headers: { 'Content-Type': 'application/json;charset=UTF-8' }, body: '{\n    "error" : "invalid_client",\n    "error_description" : "No client credentials found."\n}' },
    },
    category: 'client_auth_method',
  },
  {
    provider: 'Auth0',
    source: 'https://community.auth0.com/t/authorisation-code-flow-error-403/73029',
    description: 'Code exchange with an expired code: Auth0 answers 403',
    exchange: {
      request: { method: 'POST', url: 'https://dev-example.us.auth0.com/oauth/token', headers: FORM, body: codeExchange('&client_id=MY_ID&client_secret=MY_SECRET') },
      response: { status: 403, headers: JSON_TYPE, body: '{"error":"invalid_grant","error_description":"Invalid authorization code"}' },
    },
    category: 'code_expired',
  },
  {
    provider: 'Slack',
    source: 'https://docs.slack.dev/reference/methods/oauth.v2.access (the documented error example)',
    description: 'oauth.v2.access with a wrong client ID: HTTP 200, ok false',
    exchange: {
      request: { method: 'POST', url: 'https://slack.com/api/oauth.v2.access', headers: FORM, body: 'code=CODE&client_id=WRONG&client_secret=SECRET' },
      response: { status: 200, headers: JSON_TYPE, body: '{\n    "ok": false,\n    "error": "invalid_client_id"\n}' },
    },
    category: 'invalid_client_credentials',
  },
  {
    provider: 'Slack',
    source: 'https://github.com/krishamoud/meteor-slack-api/issues/7',
    description: 'Code exchange with an invalid (here: already used) code',
    exchange: {
      request: { method: 'POST', url: 'https://slack.com/api/oauth.v2.access', headers: FORM, body: 'code=CODE&client_id=1234.5678&client_secret=SECRET' },
      response: { status: 200, headers: JSON_TYPE, body: '{ "ok": false, "error": "invalid_code" }' },
    },
    category: 'code_expired',
  },
  {
    provider: 'Slack',
    source: 'https://docs.slack.dev/apis/web-api/rate-limits (429 with Retry-After; "ratelimited" as listed in the method error tables)',
    description: 'Web API call while rate limited: the one Slack error that is not HTTP 200',
    exchange: {
      request: { method: 'POST', url: 'https://slack.com/api/chat.postMessage', headers: { ...JSON_TYPE, Authorization: 'Bearer xoxb-TOKEN' }, body: '{"channel":"C123","text":"hi"}' },
      response: { status: 429, headers: { ...JSON_TYPE, 'Retry-After': '30' }, body: '{"ok":false,"error":"ratelimited"}' },
    },
    category: 'rate_limited',
  },
  {
    provider: 'FreeAgent',
    source: 'https://api-discuss.freeagent.com/t/getting-access-token/693 (reused code); headers as captured in http://baddotrobot.com/blog/2012/08/13/oauth-and-http-part-iii/',
    description: 'Authorisation code exchanged a second time: the Basic-auth challenge, not an OAuth error',
    exchange: {
      request: {
        method: 'POST',
        url: 'https://api.freeagent.com/v2/token_endpoint',
        headers: { ...FORM, Accept: 'application/json', Authorization: 'Basic Y2xpZW50X2lkOmNsaWVudF9zZWNyZXQ=' },
        body: codeExchange(),
      },
      response: {
        status: 401,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'WWW-Authenticate': 'Basic realm="Application"' },
        body: 'HTTP Basic: Access denied.\n',
      },
    },
    category: 'code_reused',
  },
  {
    provider: 'Salesforce',
    source: 'https://github.com/omniphx/forrest/issues/169',
    description: 'Code exchanged after it had already been used',
    exchange: {
      request: { method: 'POST', url: 'https://login.salesforce.com/services/oauth2/token', headers: FORM, body: codeExchange('&client_id=3MVG9&client_secret=SECRET') },
      response: { status: 400, headers: JSON_TYPE, body: '{"error":"invalid_grant","error_description":"expired authorization code"}' },
    },
    category: 'code_expired',
  },
  {
    provider: 'GitLab',
    source: 'https://github.com/mattermost/mattermost-plugin-gitlab/issues/316',
    description: 'API call with an OAuth access token older than two hours',
    exchange: {
      request: { method: 'GET', url: 'https://gitlab.com/api/v4/issues', headers: { Authorization: 'Bearer TOKEN' } },
      response: {
        status: 401,
        headers: JSON_TYPE,
        body: '{"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."}',
      },
    },
    category: 'token_expired',
  },
  {
    provider: 'Stripe',
    source: 'https://github.com/isaacsanders/omniauth-stripe-connect/issues/23',
    description: 'Connect code redeemed twice: Stripe also revokes the tokens the code produced',
    exchange: {
      request: { method: 'POST', url: 'https://connect.stripe.com/oauth/token', headers: { ...FORM, Authorization: 'Bearer sk_test_SECRET' }, body: 'grant_type=authorization_code&code=ac_CODE' },
      response: {
        status: 400,
        headers: JSON_TYPE,
        body: '{\n"error": "invalid_grant",\n"error_description": "This authorization code has already been used. All tokens issued with this code have been revoked."\n}',
      },
    },
    category: 'code_reused',
  },
  {
    provider: 'Shopify',
    source: 'https://github.com/nozzlegear/ShopifySharp/issues/70',
    description: 'Access token request with an already used code',
    exchange: {
      request: { method: 'POST', url: 'https://example-shop.myshopify.com/admin/oauth/access_token', headers: JSON_TYPE, body: '{"client_id":"ID","client_secret":"SECRET","code":"CODE"}' },
      response: { status: 400, headers: JSON_TYPE, body: '{"error":"invalid_request","error_description":"The authorization code was not found or was already used"}' },
    },
    category: 'code_reused',
  },
  {
    provider: 'Zoom',
    source: 'https://github.com/Jericho/ZoomNet/issues/36 (Zoom sends the message as "reason")',
    description: 'Authorization code used a second time',
    exchange: {
      request: { method: 'POST', url: 'https://zoom.us/oauth/token', headers: { ...FORM, Authorization: 'Basic Q0xJRU5UOlNFQ1JFVA==' }, body: codeExchange() },
      response: { status: 400, headers: JSON_TYPE, body: '{\n    "reason": "Invalid authorization code xxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxx",\n    "error": "invalid_request"\n}' },
    },
    category: 'code_reused',
  },
  {
    provider: 'Xero',
    source: 'https://developer.xero.com/documentation/oauth2/troubleshooting (Invalid grant)',
    description: 'Code exchange with an incorrect, expired or used code',
    exchange: {
      request: { method: 'POST', url: 'https://identity.xero.com/connect/token', headers: { ...FORM, Authorization: 'Basic Q0xJRU5UOlNFQ1JFVA==' }, body: codeExchange() },
      response: { status: 400, headers: JSON_TYPE, body: '{\n    "error": "invalid_grant"\n}' },
    },
    category: 'code_expired',
  },
  {
    provider: 'Intuit',
    source: 'https://github.com/intuit/oauth-jsclient/issues/128 (content-length 25)',
    description: 'Refresh with a refresh token Intuit no longer accepts',
    exchange: {
      request: {
        method: 'POST',
        url: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
        headers: { ...FORM, Accept: 'application/json', Authorization: 'Basic Q0xJRU5UOlNFQ1JFVA==' },
        body: 'grant_type=refresh_token&refresh_token=AB11REFRESH',
      },
      response: { status: 400, headers: { 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': '25' }, body: '{"error":"invalid_grant"}' },
    },
    category: 'token_expired',
  },
  {
    provider: 'Dropbox',
    source: 'https://avyl.ru/1c/OpenIntegrations/raw/commit/6bf8d0f89e85f76799a8e204c6b8fe78e3fd921c/docs/en/results/Dropbox/GetToken.log',
    description: 'Code exchange with a code that was used or has expired',
    exchange: {
      request: { method: 'POST', url: 'https://api.dropboxapi.com/oauth2/token', headers: FORM, body: 'grant_type=authorization_code&code=bTCiUTzxe6kAAAAAAAAAGN1NMZIxyqETKr4o7OS2dU8&client_id=KEY&client_secret=SECRET' },
      response: { status: 400, headers: JSON_TYPE, body: '{ "error": "invalid_grant", "error_description": "code doesn\'t exist or has expired" }' },
    },
    category: 'code_expired',
  },
  {
    provider: 'Spotify',
    source: 'https://github.com/guilhermesad/rspotify/issues/210',
    description: 'Web API call with an access token older than an hour',
    exchange: {
      request: { method: 'GET', url: 'https://api.spotify.com/v1/me/player/recently-played', headers: { Authorization: 'Bearer TOKEN' } },
      response: { status: 401, headers: JSON_TYPE, body: '{\n  "error": {\n    "status": 401,\n    "message": "The access token expired"\n  }\n}' },
    },
    category: 'token_expired',
  },
  {
    provider: 'X',
    source: 'https://github.com/plhery/node-twitter-api-v2/issues/496 (the "errors" array the issue shows only as [Object] is left out)',
    description: 'Code exchange with a code that was already used or too old',
    exchange: {
      request: {
        method: 'POST',
        url: 'https://api.twitter.com/2/oauth2/token',
        headers: { ...FORM, Authorization: 'Basic Q0xJRU5UOlNFQ1JFVA==' },
        body: codeExchange('&code_verifier=VERIFIER'),
      },
      response: { status: 400, headers: JSON_TYPE, body: '{"error":"invalid_request","error_description":"Value passed for the authorization code was invalid."}' },
    },
    category: 'code_expired',
  },
];
