import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basicAuthorization,
  errorReport,
  explainExchange,
  redactExchange,
  toCurl,
  toFetch,
  toPhpCurl,
  type HttpExchange,
  type HttpRequest,
} from '../../../../src/core';

// Every shape a secret was found to pass in clear (issue 13), and its neighbours, each built
// around a random secret under a random spelling of its name. Fixtures follow the RFCs and the
// providers' documentation named beside them.

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'Content-Type': 'application/json' };
const TOKEN_URL = 'https://server.example.com/token';
const API_URL = 'https://api.example.com/v1/me';

/** The RFC 6749 §5.2 error and its neighbours: what must survive byte for byte. */
const ERROR_JSON = '"error":"invalid_grant","error_description":"The provided authorization grant is invalid"';
const ERROR_FORM = 'error=invalid_grant&error_description=The+provided+authorization+grant+is+invalid';
const TOKEN_NEIGHBOURS_JSON = '"token_type":"Bearer","expires_in":3600,"scope":"openid profile"';
const TOKEN_NEIGHBOURS_FORM = 'token_type=Bearer&expires_in=3600&scope=openid+profile';
const CLIENT_ID_FORM = 'client_id=s6BhdRkqt3';

const badRequest = (body = `{${ERROR_JSON}}`) => ({ status: 400, headers: JSON_TYPE, body });
const unauthorized = { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' }, body: '' };

type Shape = {
  shape: string;
  /** The name(s) whose spelling varies: each a list of words, joined with "", "_" or "-" in any case. */
  names?: string[][];
  build: (secret: string, names: string[]) => HttpExchange;
  /** Exact text the redacted exchange keeps (in its URL, a header or a body). */
  kept?: string[];
};

const request = (fields: Partial<HttpRequest>): HttpRequest => ({ method: 'POST', url: TOKEN_URL, ...fields });
const form = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

const SHAPES: Shape[] = [
  // ---- Request headers. GitLab https://docs.gitlab.com/api/rest/authentication/, Shopify https://shopify.dev/docs/api/admin-rest#authentication,
  // Azure API Management https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions,
  // AWS https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html, RFC 9449 §4.1 (DPoP), API Gateway's x-api-key.
  ...(
    [
      ['X-Api-Key', ['x', 'api', 'key']],
      ['PRIVATE-TOKEN', ['private', 'token']],
      ['X-Shopify-Access-Token', ['x', 'shopify', 'access', 'token']],
      ['Ocp-Apim-Subscription-Key', ['ocp', 'apim', 'subscription', 'key']],
      ['X-Amz-Security-Token', ['x', 'amz', 'security', 'token']],
      ['X-Goog-Api-Key', ['x', 'goog', 'api', 'key']],
      ['DPoP', ['dpop']],
    ] as const
  ).map(
    ([header, words]): Shape => ({
      shape: `request header ${header}`,
      names: [[...words]],
      build: (secret, [name]) => ({ request: request({ method: 'GET', url: API_URL, headers: { [name!]: secret, Accept: 'application/json' } }), response: unauthorized }),
      kept: ['application/json', 'Bearer error="invalid_token"'],
    }),
  ),
  {
    // RFC 6750 §2.1
    shape: 'Authorization: Bearer',
    names: [['authorization']],
    build: (secret, [name]) => ({ request: request({ method: 'GET', url: API_URL, headers: { [name!]: `Bearer ${secret}` } }), response: unauthorized }),
    kept: ['Bearer <redacted'],
  },
  {
    // RFC 6749 §2.3.1: the client secret inside Basic credentials
    shape: 'Authorization: Basic client secret',
    names: [['authorization']],
    build: (secret, [name]) => ({
      request: request({ headers: { [name!]: basicAuthorization('s6BhdRkqt3', secret), ...FORM }, body: 'grant_type=client_credentials' }),
      response: badRequest(),
    }),
    kept: ['client_id "s6BhdRkqt3"', 'grant_type=client_credentials', ERROR_JSON],
  },
  {
    shape: 'Proxy-Authorization: Bearer',
    names: [['proxy', 'authorization']],
    build: (secret, [name]) => ({ request: request({ method: 'GET', url: API_URL, headers: { [name!]: `Bearer ${secret}` } }), response: unauthorized }),
  },
  {
    // RFC 6265 §5.4
    shape: 'Cookie',
    build: (secret) => ({ request: request({ method: 'GET', url: API_URL, headers: { Cookie: `lang=en; session=${secret}` } }), response: unauthorized }),
    kept: ['lang=', 'session='],
  },
  {
    // RFC 6265 §4.1
    shape: 'Set-Cookie',
    build: (secret) => ({ response: { status: 401, headers: { 'Set-Cookie': `sid=${secret}; Path=/; Secure; HttpOnly; SameSite=Lax` }, body: `{${ERROR_JSON}}` } }),
    kept: ['; Path=/; Secure; HttpOnly; SameSite=Lax', ERROR_JSON],
  },

  // ---- JSON bodies
  {
    // A JSON token request with camelCase names (Firebase https://firebase.google.com/docs/reference/rest/auth)
    shape: 'JSON clientSecret in a request',
    names: [['client', 'secret']],
    build: (secret, [name]) => ({
      request: request({ headers: JSON_TYPE, body: `{"client_id":"s6BhdRkqt3","${name}":"${secret}","grant_type":"client_credentials","scope":"openid profile"}` }),
      response: badRequest(),
    }),
    kept: ['"client_id":"s6BhdRkqt3"', '"scope":"openid profile"', ERROR_JSON],
  },
  {
    shape: 'JSON refreshToken in a request',
    names: [['refresh', 'token']],
    build: (secret, [name]) => ({ request: request({ headers: JSON_TYPE, body: `{"grant_type":"refresh_token","${name}":"${secret}"}` }), response: badRequest() }),
    kept: ['"grant_type":"refresh_token"'],
  },
  {
    // Cognito InitiateAuth https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
    shape: 'JSON Cognito AuthenticationResult',
    names: [['access', 'token'], ['id', 'token'], ['refresh', 'token']],
    build: (secret, [access, id, refresh]) => ({
      response: {
        status: 200,
        headers: { 'Content-Type': 'application/x-amz-json-1.1' },
        body: `{"AuthenticationResult":{"${access}":"${secret}","ExpiresIn":3600,"${id}":"${secret}","${refresh}":"${secret}","TokenType":"Bearer"},"ChallengeParameters":{}}`,
      },
    }),
    kept: ['"ExpiresIn":3600', '"TokenType":"Bearer"'],
  },
  {
    // Okta Authentication API https://developer.okta.com/docs/reference/api/authn/
    shape: 'JSON Okta sessionToken',
    names: [['session', 'token']],
    build: (secret, [name]) => ({ response: { status: 200, headers: JSON_TYPE, body: `{"expiresAt":"2026-11-22T10:05:00.000Z","status":"SUCCESS","${name}":"${secret}"}` } }),
    kept: ['"status":"SUCCESS"'],
  },
  {
    // Auth0 https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa
    shape: 'JSON Auth0 mfa_token beside an error',
    names: [['mfa', 'token']],
    build: (secret, [name]) => ({
      response: { status: 403, headers: JSON_TYPE, body: `{"error":"mfa_required","error_description":"Multifactor authentication required","${name}":"${secret}"}` },
    }),
    kept: ['"error":"mfa_required","error_description":"Multifactor authentication required"'],
  },
  {
    // Auth0's mfa-otp grant
    shape: 'JSON otp and mfa_token in a request',
    names: [['otp'], ['mfa', 'token']],
    build: (secret, [otp, mfa]) => ({
      request: request({ headers: JSON_TYPE, body: `{"grant_type":"http://auth0.com/oauth/grant-type/mfa-otp","client_id":"s6BhdRkqt3","${mfa}":"${secret}","${otp}":"${secret}"}` }),
      response: badRequest(),
    }),
    kept: ['"client_id":"s6BhdRkqt3"'],
  },
  {
    shape: 'JSON nested arrays',
    names: [['access', 'token']],
    build: (secret, [name]) => ({
      response: { status: 500, headers: JSON_TYPE, body: `{"data":[{"grants":[[{"${name}":"${secret}","token_type":"Bearer"}]]}],"error":"server_error"}` },
    }),
    kept: ['"token_type":"Bearer"', '"error":"server_error"'],
  },
  {
    // RFC 6749 §5.1, as an error answer some providers send with 400
    shape: 'JSON token response',
    names: [['access', 'token'], ['refresh', 'token']],
    build: (secret, [access, refresh]) => ({ response: { status: 400, headers: JSON_TYPE, body: `{"${access}":"${secret}",${TOKEN_NEIGHBOURS_JSON},"${refresh}":"${secret}",${ERROR_JSON}}` } }),
    kept: [TOKEN_NEIGHBOURS_JSON, ERROR_JSON],
  },
  {
    // HAR 1.2 http://www.softwareishard.com/blog/har-12-spec/#headers
    shape: 'JSON name/value pairs (HAR)',
    names: [['authorization']],
    build: (secret, [name]) => ({
      response: { status: 400, headers: JSON_TYPE, body: `{"headers":[{"name":"Accept","value":"application/json"},{"name":"${name}","value":"Bearer ${secret}"}],${ERROR_JSON}}` },
    }),
    kept: ['{"name":"Accept","value":"application/json"}', ERROR_JSON],
  },
  {
    shape: 'JSON secret quoted inside a message',
    names: [['client', 'secret']],
    build: (secret, [name]) => ({ response: { status: 401, headers: JSON_TYPE, body: `{"error":"invalid_client","message":"rejected ${name}=${secret}"}` } }),
    kept: ['"error":"invalid_client"'],
  },
  {
    // RFC 7517 Appendix A.2: an RSA private key's "d"
    shape: 'JSON JWK private member',
    build: (secret) => ({ response: { status: 500, headers: JSON_TYPE, body: `{"keys":[{"kty":"RSA","kid":"2011-04-29","e":"AQAB","d":"${secret}"}]}` } }),
    kept: ['"kty":"RSA","kid":"2011-04-29","e":"AQAB"'],
  },

  // ---- URLs: query, fragment, hash route, userinfo
  {
    shape: 'query api_key',
    names: [['api', 'key']],
    build: (secret, [name]) => ({ request: request({ method: 'GET', url: `${API_URL}?${form([[name!, secret], ['fields', 'name']])}` }), response: unauthorized }),
    kept: ['fields=name'],
  },
  {
    // Google API keys https://cloud.google.com/docs/authentication/api-keys-use
    shape: 'query key',
    names: [['key']],
    build: (secret, [name]) => ({ request: request({ method: 'GET', url: `https://www.googleapis.com/youtube/v3/videos?part=snippet&${form([[name!, secret]])}` }), response: unauthorized }),
    kept: ['part=snippet'],
  },
  {
    // OIDC Core §3.1.2.1 / RP-Initiated Logout
    shape: 'query id_token_hint',
    names: [['id', 'token', 'hint']],
    build: (secret, [name]) => ({
      request: request({ method: 'GET', url: `https://server.example.com/logout?${form([[name!, secret], ['post_logout_redirect_uri', 'https://client.example.org/'], ['state', 'xyz']])}` }),
      response: badRequest(),
    }),
    kept: ['state=xyz', 'post_logout_redirect_uri=https%3A%2F%2Fclient.example.org%2F'],
  },
  {
    // Semicolon separators (the HTML 4 recommendation https://www.w3.org/TR/html401/appendix/notes.html#h-B.2.2)
    shape: 'query with ; separators',
    names: [['code']],
    build: (secret, [name]) => ({ request: request({ method: 'GET', url: `https://client.example.com/cb?a=1;${name}=${encodeURIComponent(secret)};state=xyz` }), response: badRequest() }),
    kept: ['a=1;', ';state=xyz'],
  },
  {
    // RFC 6749 §4.2.2
    shape: 'fragment of the implicit flow',
    names: [['access', 'token']],
    build: (secret, [name]) => ({
      response: { status: 302, headers: { Location: `http://example.com/cb#${form([[name!, secret]])}&state=xyz&token_type=example&expires_in=3600&error=x` }, body: '' },
    }),
    kept: ['&state=xyz&token_type=example&expires_in=3600'],
  },
  {
    shape: 'hash route',
    names: [['code']],
    build: (secret, [name]) => ({ request: request({ method: 'GET', url: `https://app.example/#/callback?${form([[name!, secret], ['state', 'xyz']])}` }), response: badRequest() }),
    kept: ['#/callback?', 'state=xyz'],
  },
  {
    // A token as the user part: https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation
    shape: 'userinfo user part',
    build: (secret) => ({ request: request({ method: 'GET', url: `https://${encodeURIComponent(secret)}@github.com/octo/repo.git/info/refs` }), response: unauthorized }),
    kept: ['@github.com/octo/repo.git/info/refs'],
  },
  {
    shape: 'userinfo password',
    build: (secret) => ({ request: request({ method: 'GET', url: `https://x-access-token:${encodeURIComponent(secret)}@github.com/octo/repo.git` }), response: unauthorized }),
    kept: ['https://x-access-token:', '@github.com/octo/repo.git'],
  },
  {
    // Azure SAS https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas
    shape: 'query sig (SAS)',
    names: [['sig']],
    build: (secret, [name]) => ({
      request: request({ method: 'GET', url: `https://myaccount.blob.core.windows.net/c/b.txt?sv=2022-11-02&sr=b&sp=r&${form([[name!, secret]])}` }),
      response: { status: 403, headers: {}, body: '' },
    }),
    kept: ['sv=2022-11-02&sr=b&sp=r'],
  },
  {
    // AWS SigV4 query https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
    shape: 'query X-Amz-Signature and X-Amz-Security-Token',
    names: [['x', 'amz', 'signature'], ['x', 'amz', 'security', 'token']],
    build: (secret, [signature, token]) => ({
      request: request({ method: 'GET', url: `https://bucket.s3.amazonaws.com/a.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&${form([[token!, secret], [signature!, secret]])}` }),
      response: { status: 403, headers: {}, body: '' },
    }),
    kept: ['X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400'],
  },

  // ---- Response headers carrying URLs
  {
    // RFC 6749 §4.1.2
    shape: 'Location with a code',
    names: [['code']],
    build: (secret, [name]) => ({ response: { status: 302, headers: { Location: `https://client.example.com/cb?${form([[name!, secret], ['state', 'xyz']])}&error=x` }, body: '' } }),
    kept: ['state=xyz'],
  },
  {
    // HTML's refresh https://html.spec.whatwg.org/multipage/document-lifecycle.html#shared-declarative-refresh-steps
    shape: 'Refresh with a code',
    names: [['code']],
    build: (secret, [name]) => ({ response: { status: 400, headers: { Refresh: `0; url=https://client.example.com/cb?${name}=${secret}&state=xyz` }, body: `{${ERROR_JSON}}` } }),
    kept: ['0; url=https://client.example.com/cb?', '&state=xyz'],
  },
  {
    // RFC 8288
    shape: 'Link with a code',
    names: [['code']],
    build: (secret, [name]) => ({ response: { status: 400, headers: { Link: `<https://client.example.com/cb?${name}=${secret}>; rel="next"` }, body: `{${ERROR_JSON}}` } }),
    kept: ['; rel="next"'],
  },
  {
    shape: 'Referer with a code',
    names: [['code']],
    build: (secret, [name]) => ({
      request: request({ method: 'GET', url: 'https://client.example.com/favicon.ico', headers: { Referer: `https://client.example.com/cb?${form([[name!, secret], ['state', 'xyz']])}` } }),
      response: { status: 404, headers: {}, body: '' },
    }),
    kept: ['state=xyz'],
  },

  // ---- Form bodies
  {
    // RFC 6749 §4.1.3 with RFC 7636 §4.5 and client_secret_post (§2.3.1)
    shape: 'form token request',
    names: [['code'], ['code', 'verifier'], ['client', 'secret']],
    build: (secret, [code, verifier, clientSecret]) => ({
      request: request({
        headers: FORM,
        body: `grant_type=authorization_code&${form([[code!, secret], [verifier!, secret]])}&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb&${CLIENT_ID_FORM}&${form([[clientSecret!, secret]])}`,
      }),
      response: badRequest(),
    }),
    kept: ['grant_type=authorization_code', 'redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb', CLIENT_ID_FORM, ERROR_JSON],
  },
  {
    // RFC 6749 §4.3.2
    shape: 'form password grant',
    names: [['password']],
    build: (secret, [name]) => ({ request: request({ headers: FORM, body: `grant_type=password&username=johndoe&${form([[name!, secret]])}&${CLIENT_ID_FORM}` }), response: badRequest() }),
    kept: ['username=johndoe', CLIENT_ID_FORM],
  },
  {
    // RFC 7523 §2.2
    shape: 'form client_assertion',
    names: [['client', 'assertion']],
    build: (secret, [name]) => ({
      request: request({
        headers: FORM,
        body: `grant_type=authorization_code&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&${form([[name!, secret]])}`,
      }),
      response: badRequest(),
    }),
    kept: ['client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer'],
  },
  {
    // RFC 8693 §2.1
    shape: 'form token exchange',
    names: [['subject', 'token'], ['actor', 'token']],
    build: (secret, [subject, actor]) => ({
      request: request({
        headers: FORM,
        body: `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&${form([[subject!, secret]])}&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token&${form([[actor!, secret]])}`,
      }),
      response: badRequest(),
    }),
    kept: ['subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token'],
  },
  {
    // RFC 7009 §2.1
    shape: 'form revocation',
    names: [['token']],
    build: (secret, [name]) => ({ request: request({ url: 'https://server.example.com/revoke', headers: FORM, body: `${form([[name!, secret]])}&token_type_hint=refresh_token` }), response: badRequest() }),
    kept: ['token_type_hint=refresh_token'],
  },
  {
    // SAML 2.0 HTTP-POST binding https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf §3.5.4
    shape: 'form SAMLResponse',
    names: [['saml', 'response']],
    build: (secret, [name]) => ({ request: request({ url: 'https://sp.example.com/acs', headers: FORM, body: `${form([[name!, secret]])}&RelayState=token` }), response: { status: 500, headers: {}, body: '' } }),
    kept: ['RelayState=token'],
  },
  {
    // GitHub's form-encoded token response https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
    shape: 'form body sent as application/json',
    names: [['access', 'token']],
    build: (secret, [name]) => ({ response: { status: 400, headers: JSON_TYPE, body: `${form([[name!, secret]])}&${TOKEN_NEIGHBOURS_FORM}&${ERROR_FORM}` } }),
    kept: [TOKEN_NEIGHBOURS_FORM, ERROR_FORM],
  },
  {
    shape: 'form error_description quoting a secret',
    names: [['client', 'secret']],
    build: (secret, [name]) => ({ response: { status: 401, headers: FORM, body: form([['error', 'invalid_client'], ['error_description', `bad ${name}=${secret}`]]) } }),
    kept: ['error=invalid_client'],
  },
  {
    // RFC 6749 §4.1.2.1
    shape: 'error redirect quoting a secret',
    names: [['code']],
    build: (secret, [name]) => ({
      response: { status: 302, headers: { Location: `https://client.example.com/cb?${form([['error', 'invalid_request'], ['error_description', `${name}: ${secret}`], ['state', 'xyz']])}` }, body: '' },
    }),
    kept: ['error=invalid_request', 'state=xyz'],
  },

  // ---- multipart/form-data (RFC 7578)
  {
    shape: 'multipart client_secret',
    names: [['client', 'secret']],
    build: (secret, [name]) => ({
      request: request({
        headers: { 'Content-Type': 'multipart/form-data; boundary=AaB03x' },
        body: `--AaB03x\r\nContent-Disposition: form-data; name="client_id"\r\n\r\ns6BhdRkqt3\r\n--AaB03x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${secret}\r\n--AaB03x\r\nContent-Disposition: form-data; name="scope"\r\n\r\nopenid profile\r\n--AaB03x--\r\n`,
      }),
      response: badRequest(),
    }),
    kept: ['name="client_id"\r\n\r\ns6BhdRkqt3\r\n', 'name="scope"\r\n\r\nopenid profile\r\n'],
  },

  // ---- XML
  {
    shape: 'XML token elements',
    names: [['access', 'token']],
    build: (secret, [name]) => ({
      response: { status: 400, headers: { 'Content-Type': 'application/xml' }, body: `<?xml version="1.0"?><OAuth><${name}>${secret}</${name}><token_type>Bearer</token_type><error>invalid_grant</error></OAuth>` },
    }),
    kept: ['<token_type>Bearer</token_type><error>invalid_grant</error>'],
  },
  {
    // AWS STS AssumeRole https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
    shape: 'XML STS Credentials',
    names: [['secret', 'access', 'key'], ['session', 'token']],
    build: (secret, [secretKey, session]) => ({
      response: {
        status: 400,
        headers: { 'Content-Type': 'text/xml' },
        body: `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><${session}>${secret}</${session}><${secretKey}>${secret}</${secretKey}><Expiration>2019-11-09T13:34:41Z</Expiration><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId></Credentials></AssumeRoleResult><Error><Code>ExpiredToken</Code></Error></AssumeRoleResponse>`,
      },
    }),
    kept: ['<Error><Code>ExpiredToken</Code></Error>'],
  },
  {
    shape: 'XML attribute',
    names: [['client', 'secret']],
    build: (secret, [name]) => ({ response: { status: 400, headers: { 'Content-Type': 'application/xml' }, body: `<client id="s6BhdRkqt3" ${name}="${secret}"/><error>invalid_client</error>` } }),
    kept: ['<client id="s6BhdRkqt3" ', '<error>invalid_client</error>'],
  },
  {
    // SAML 2.0 Core §2.3.3
    shape: 'XML SAML Assertion',
    build: (secret) => ({
      response: { status: 500, headers: { 'Content-Type': 'text/xml' }, body: `<samlp:Response><saml:Assertion ID="_d71a3a8e"><saml:NameID>${secret}</saml:NameID></saml:Assertion><samlp:Status>Requester</samlp:Status></samlp:Response>` },
    }),
    kept: ['<samlp:Status>Requester</samlp:Status>'],
  },

  // ---- Text: logs, plain text, HTML
  {
    shape: 'log-style name: value',
    names: [['access', 'token']],
    build: (secret, [name]) => ({ response: { status: 500, headers: { 'Content-Type': 'text/plain' }, body: `2026-11-22T10:00:00Z ERROR upstream refused ${name}: ${secret} (token_type: Bearer)` } }),
    kept: ['(token_type: Bearer)'],
  },
  {
    shape: 'log line starting with the name',
    names: [['password']],
    build: (secret, [name]) => ({ response: { status: 500, headers: { 'Content-Type': 'text/plain' }, body: `user: johndoe\n${name}: ${secret}\nscope: openid profile` } }),
    kept: ['user: johndoe\n', '\nscope: openid profile'],
  },
  {
    // The issue's case: a text/plain 400 whose first line the diagnosis quotes
    shape: 'text/plain 400 quoting client_secret=',
    names: [['client', 'secret']],
    build: (secret, [name]) => ({ request: request({ headers: FORM, body: `grant_type=client_credentials&${CLIENT_ID_FORM}` }), response: { status: 400, headers: { 'Content-Type': 'text/plain' }, body: `rejected: ${name}=${secret}` } }),
    kept: [CLIENT_ID_FORM],
  },
  {
    shape: 'HTML <title>',
    names: [['client', 'secret']],
    build: (secret, [name]) => ({ response: { status: 400, headers: { 'Content-Type': 'text/html' }, body: `<!DOCTYPE html><html><head><title>Bad ${name}=${secret}</title></head><body><h1>Error</h1></body></html>` } }),
    kept: ['<h1>Error</h1>'],
  },
  {
    shape: 'HTML Authorization: Bearer',
    names: [['authorization']],
    build: (secret, [name]) => ({ response: { status: 500, headers: { 'Content-Type': 'text/html' }, body: `<html><body><p>Request headers:</p><pre>${name}: Bearer ${secret}</pre></body></html>` } }),
    kept: ['<p>Request headers:</p>', ': Bearer <redacted'],
  },
  {
    // OAuth 2.0 Form Post Response Mode §2 https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html
    shape: 'HTML form_post inputs',
    names: [['code']],
    build: (secret, [name]) => ({
      response: {
        status: 400,
        headers: { 'Content-Type': 'text/html' },
        body: `<html><body onload="javascript:document.forms[0].submit()"><form method="post" action="https://client.example.org/callback"><input type="hidden" name="${name}" value="${secret}"/><input type="hidden" name="state" value="DcP7csa3hMlvybERqcieLHrRzKBra"/></form></body></html>`,
      },
    }),
    kept: ['name="state" value="DcP7csa3hMlvybERqcieLHrRzKBra"'],
  },
  {
    // Rails' csrf_meta_tags
    shape: 'HTML meta csrf-token',
    names: [['csrf', 'token']],
    build: (secret, [name]) => ({ response: { status: 422, headers: { 'Content-Type': 'text/html' }, body: `<html><head><meta name="csrf-param" content="authenticity_token" /><meta name="${name}" content="${secret}" /></head></html>` } }),
    kept: ['<meta name="csrf-param" content="authenticity_token" />'],
  },
  {
    shape: 'URL with a token user part in text',
    build: (secret) => ({ response: { status: 500, headers: { 'Content-Type': 'text/plain' }, body: `fatal: could not read from https://${encodeURIComponent(secret)}@github.com/octo/repo.git` } }),
    kept: ['@github.com/octo/repo.git'],
  },
];

// ---- Arbitraries

const SECRET_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/='];
const secretArbitrary = fc.string({ unit: fc.constantFrom(...SECRET_ALPHABET), minLength: 8, maxLength: 200 });

function spellName(words: readonly string[], separator: string, cases: readonly number[]): string {
  return words.map((word, index) => (cases[index] === 0 ? word.toLowerCase() : cases[index] === 1 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase())).join(separator);
}

const namesArbitrary = (names: readonly (readonly string[])[]) =>
  fc.tuple(...names.map((words) => fc.tuple(fc.constantFrom('', '_', '-'), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: words.length, maxLength: words.length })))).map((spelled) =>
    spelled.map(([separator, cases], index) => spellName(names[index]!, separator, cases)),
  );

/** Every spelling under which the secret could be read back. */
function spellings(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)])];
}

/** Everything that is shown, stored or reported of an exchange: the redacted exchange, the diagnosis, the report, the snippets. */
function everythingShown(exchange: HttpExchange): { redacted: HttpExchange; outputs: [string, string][] } {
  const redacted = redactExchange(exchange);
  const diagnosis = explainExchange(exchange);
  // A success has no diagnosis; its report is still made with a generic one, to check the transcript.
  const forReport = diagnosis ?? explainExchange({ response: { status: 500, headers: {}, body: '' } })!;
  const outputs: [string, string][] = [
    ['redacted exchange', JSON.stringify(redacted)],
    ['diagnosis', JSON.stringify(diagnosis)],
    ['report', errorReport(exchange, forReport)],
  ];
  if (redacted.request) outputs.push(['curl', toCurl(redacted.request)], ['PHP', toPhpCurl(redacted.request)], ['fetch', toFetch(redacted.request)]);
  return { redacted, outputs };
}

function shownText(exchange: HttpExchange): string {
  const parts = [exchange.request?.url ?? '', ...Object.values(exchange.request?.headers ?? {}), exchange.request?.body ?? ''];
  parts.push(...Object.values(exchange.response?.headers ?? {}), exchange.response?.body ?? '');
  return parts.join('\n');
}

describe('redaction corpus', () => {
  it('has at least 40 shapes', () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SHAPES.map((shape) => shape.shape)).size).toBe(SHAPES.length);
  });

  it.each(SHAPES.map((shape) => [shape.shape, shape] as const))('%s: no secret is shown, stored, reported or copied; its neighbours are kept', (_, shape) => {
    fc.assert(
      fc.property(secretArbitrary, namesArbitrary(shape.names ?? []), (secret, names) => {
        // A secret that happens to be a piece of the surrounding text is no evidence of a leak.
        const placeholder = everythingShown(shape.build('x'.repeat(secret.length), names));
        fc.pre(spellings(secret).every((spelling) => placeholder.outputs.every(([, text]) => !text.includes(spelling))));

        const exchange = shape.build(secret, names);
        const { redacted, outputs } = everythingShown(exchange);
        for (const [where, text] of outputs) {
          for (const spelling of spellings(secret)) expect(text.includes(spelling), `${where} shows ${spelling}`).toBe(false);
        }
        for (const kept of shape.kept ?? []) expect(shownText(redacted)).toContain(kept);
        // Redacting what was redacted changes nothing.
        expect(redactExchange(redacted)).toEqual(redacted);
      }),
      { numRuns: 40 },
    );
  });

  it('quotes the body redacted in the diagnosis evidence (the issue\'s text/plain 400 and HTML title)', () => {
    const secret = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5';
    for (const body of [`rejected: client_secret=${secret}`, `<html><head><title>rejected client_secret=${secret}</title></head></html>`]) {
      const diagnosis = explainExchange({ response: { status: 400, headers: { 'Content-Type': body.startsWith('<') ? 'text/html' : 'text/plain' }, body } })!;
      expect(diagnosis.evidence.join('\n')).toContain('client_secret=••••+(28+chars)');
      expect(JSON.stringify(diagnosis)).not.toContain(secret);
    }
  });
});
