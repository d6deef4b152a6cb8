import fc from 'fast-check';
import {
  bundledDemoProfile,
  explainExchange,
  fillPreset,
  PROVIDER_IDENTITIES,
  PROVIDER_PRESETS,
  TOKEN_FORMATS,
  type AccessFacts,
  type AuthorizationRequest,
  type AuthorizationResponseExpectation,
  type CapturedBody,
  type ClientCredentials,
  type Diagnosis,
  type ErrorEntry,
  type ErrorIndexEntry,
  type ExchangeContext,
  type ExplainOptions,
  type FlowHistory,
  type FlowProfile,
  type FlowRun,
  type HostPattern,
  type HttpExchange,
  type HttpRequest,
  type HttpResponse,
  type NoResponse,
  type NoResponseFacts,
  type ProviderIdentity,
  type ProviderMetadata,
  type RecordedExchange,
  type TokenFormat,
  type EvidenceLedger,
  type TrafficEvent,
  type TrafficState,
} from '../../src/core';
import { RFC6749_ERROR, RFC6749_RESPONSE, RFC7515_UNSECURED, RFC7516_JWE, RFC7519_JWT, GITHUB_FORM_RESPONSE } from '../unit/core/fixtures';
import { PROVIDER_ERROR_FIXTURES } from '../unit/core/provider-error-fixtures';
import { anyNumber, anyString, base64ish, data, deepValue, formBody, jsonOf, jsonText, jwtish, piecesString, rare, urlish } from './hostile';

// The project's own types as fuzz input, built from real shapes (the providers' documented
// errors, the presets, RFC examples) so that the fuzz reaches the code behind the type guards;
// `data()` then mutates them as storage, messages and files do.

export const isoDate = fc.oneof(
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('', 'not a date', '2026-13-45T99:99:99Z', '+275760-09-13T00:00:00.000Z', 'Thu, 01 Jan 1970 00:00:00 GMT'),
  anyString,
);

export const methods = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'get', 'post', 'Post', ''), anyString);

const headerNames = fc.oneof(
  fc.constantFrom(
    'Content-Type', 'content-type', ' Content-Type ', 'WWW-Authenticate', 'www-authenticate', 'Retry-After', 'Date', 'Location', 'Authorization', 'Origin',
    'Cookie', 'Set-Cookie', 'Accept', 'Accept-Language', 'Content-Language', 'Range', 'Content-Length', 'Host', 'X-Api-Key', 'DPoP', 'Link', 'Refresh',
    'RateLimit', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy', 'RateLimit-ResetTime', 'RateLimit-Observed',
    'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'X-RateLimit-Used', 'X-Rate-Limit-Reset', 'X-Shopify-Shop-Api-Call-Limit', 'Sforce-Limit-Info',
    '__proto__', 'constructor', 'toString',
  ),
  anyString.filter((name) => name.length < 40),
);

const headerValues = fc.oneof(
  fc.constantFrom(
    'application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/html', 'text/plain', 'multipart/form-data; boundary=b',
    'Bearer error="invalid_token", error_description="The access token expired"', 'Basic realm="Application"', 'Bearer realm="a", error="insufficient_scope", scope="a b"',
    'DPoP algs="ES256", error="use_dpop_nonce"', 'Bearer error=', 'Bearer ,,,', '120', '-1', '1e10', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT',
    '1700000000', '1700000000000', '0', 'limit=100, remaining=0, reset=30', '"default";r=0;t=30', 'q=100;w=60', '40/40', 'api-usage=10/100',
    'https://a.example/cb?error=access_denied&state=s', '/cb?code=abc&state=s#x', 'chrome-extension://abc', 'null', 'Bearer eyJhbGciOiJub25lIn0.e30.',
    'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'sid=abc; Path=/; Secure', 'bytes=0-', 'en-US,en;q=0.9',
  ),
  anyString,
);

export const headers: fc.Arbitrary<Record<string, string>> = fc.dictionary(headerNames, headerValues, { maxKeys: 6 });

/** A body as servers and clients send them: token responses, errors, HTML, forms, HARs, JWTs, anything. */
const tokenResponseShape = fc.record(
  {
    access_token: fc.oneof(jwtish, anyString, fc.constantFrom(RFC7519_JWT, 'gho_16C7e42F292c6912E7710c838347Ae178B4a')),
    token_type: fc.constantFrom('Bearer', 'bearer', 'example', ''),
    expires_in: fc.oneof(anyNumber, fc.constantFrom('3600', '-1', '1e3', '99999999999999999999', ''), rare(deepValue, fc.constant([[3600]]))),
    refresh_token: anyString,
    id_token: fc.oneof(jwtish, fc.constantFrom(RFC7519_JWT, RFC7515_UNSECURED, RFC7516_JWE)),
    scope: fc.oneof(anyString, fc.constantFrom('openid offline_access', 'read:user')),
    error: fc.oneof(fc.constantFrom('invalid_grant', 'invalid_client', 'bad_verification_code', 'access_denied', ''), anyString),
    error_description: fc.oneof(fc.constantFrom('AADSTS70008: The provided authorization code or refresh token has expired', 'Origin not allowed'), anyString),
    error_uri: urlish,
    error_codes: fc.array(fc.oneof(fc.integer(), anyNumber), { maxLength: 3 }),
    authed_user: fc.record({ access_token: anyString, id: anyString }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const providerErrorShape = fc.record(
  {
    error: fc.oneof(fc.record({ code: fc.oneof(anyNumber, anyString), status: anyString, message: anyString, type: anyString, '.tag': anyString }, { requiredKeys: [] }), anyString),
    errors: fc.oneof(fc.array(fc.record({ code: fc.oneof(anyNumber, anyString), message: anyString, Detail: anyString }, { requiredKeys: [] }), { maxLength: 2 }), anyString),
    Fault: fc.record({ Error: fc.array(fc.record({ Message: anyString, code: anyString }, { requiredKeys: [] }), { maxLength: 2 }) }),
    ok: fc.boolean(),
    errorCode: anyString,
    errorSummary: anyString,
    error_summary: anyString,
    code: fc.oneof(anyNumber, anyString),
    message: anyString,
    reason: anyString,
    detail: anyString,
  },
  { requiredKeys: [] },
);
const harShape = fc.record({
  log: fc.record({
    entries: fc.array(
      fc.record({
        request: fc.record({ method: methods, url: urlish, headers: fc.array(fc.record({ name: headerNames, value: headerValues }), { maxLength: 3 }), postData: fc.record({ mimeType: headerValues, text: formBody }) }),
        response: fc.record({ status: anyNumber, headers: fc.array(fc.record({ name: headerNames, value: headerValues }), { maxLength: 3 }), content: fc.record({ text: anyString }) }),
      }),
      { maxLength: 2 },
    ),
  }),
});
const jwk = fc.record({ kty: fc.constantFrom('RSA', 'EC', 'oct'), d: anyString, k: anyString, n: anyString }, { requiredKeys: ['kty'] });

export const bodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: jsonText([tokenResponseShape, providerErrorShape, harShape, jwk]) },
  { weight: 2, arbitrary: formBody },
  { weight: 3, arbitrary: anyString },
  { weight: 1, arbitrary: fc.constantFrom(RFC6749_RESPONSE, RFC6749_ERROR, GITHUB_FORM_RESPONSE, 'HTTP Basic: Access denied.', '<html><title>AADSTS50011 Error</title></html>', '<?xml version="1.0"?><error><code>x</code><message>y</message></error>', '') },
  { weight: 1, arbitrary: piecesString().map((text) => `<html><head><title>${text}</title></head><body><h1>${text}</h1><input name="client_secret" value="${text}"></body></html>`) },
  { weight: 1, arbitrary: jwtish },
);

export const httpRequest: fc.Arbitrary<HttpRequest> = fc.record(
  { method: methods, url: urlish, headers, body: fc.oneof(formBody, bodyText) },
  { requiredKeys: ['method', 'url'] },
);

export const httpResponse: fc.Arbitrary<HttpResponse> = fc.record({
  status: fc.oneof(fc.constantFrom(0, 200, 204, 302, 400, 401, 403, 404, 405, 429, 500, 503), fc.integer({ min: 100, max: 599 }), anyNumber),
  headers,
  body: bodyText,
});

export const noResponse: fc.Arbitrary<NoResponse> = fc.record(
  {
    kind: fc.constantFrom('preflight_refused', 'answer_hidden', 'unreachable', 'timeout', 'connection_lost'),
    hostPermission: fc.oneof(fc.constantFrom('https://github.com/*', 'http://127.0.0.1/*'), anyString),
    possibleCauses: fc.array(anyString, { maxLength: 3 }),
    browserMessage: fc.oneof(fc.constantFrom('Failed to fetch', 'NetworkError when attempting to fetch resource.'), anyString),
  },
  { requiredKeys: ['kind'] },
);

const fixtureExchanges = fc.constantFrom(...PROVIDER_ERROR_FIXTURES.map((fixture) => fixture.exchange));

const generatedExchange: fc.Arbitrary<HttpExchange> = fc.record(
  { request: httpRequest, response: httpResponse, noResponse },
  { requiredKeys: ['response'] },
);

/** A real provider's documented error, or one put together from the parts above. */
export const httpExchange: fc.Arbitrary<HttpExchange> = fc.oneof(fixtureExchanges, generatedExchange);

const steps = fc.constantFrom('discovery', 'authorize', 'token', 'refresh', 'revoke', 'introspect', 'userinfo', 'api');
const clientAuth = fc.constantFrom('client_secret_basic', 'client_secret_post', 'none');

export const exchangeContext: fc.Arbitrary<ExchangeContext> = fc.record(
  {
    step: steps,
    grantType: fc.constantFrom('authorization_code', 'refresh_token'),
    clientAuth,
    redirectUriAtAuthorization: urlish,
    redirectUriAtExchange: urlish,
    codeHash: anyString,
    codeFirstRedeemedAt: isoDate,
    codeFirstRedeemedUnread: fc.boolean(),
    tokenRequestsAs: fc.constantFrom('server', 'browser'),
  },
  { requiredKeys: ['step', 'clientAuth'] },
);

export const recordedExchange: fc.Arbitrary<RecordedExchange> = fc
  .tuple(httpExchange, isoDate, exchangeContext)
  .map(([exchange, at, context]) => ({ ...exchange, at, context }));

export const flowHistory: fc.Arbitrary<FlowHistory> = fc.record(
  {
    step: steps,
    grantType: fc.oneof(fc.constantFrom('authorization_code', 'refresh_token'), anyString),
    clientAuth,
    redirectUriAtAuthorization: urlish,
    redirectUriAtExchange: urlish,
    codeHash: anyString,
    codeFirstRedeemedAt: isoDate,
    codeFirstRedeemedUnread: fc.boolean(),
    tokenRequestsAs: fc.constantFrom('server', 'browser'),
    codeIssuedAt: isoDate,
    tokenRevokedAt: isoDate,
    tokenExpiresAt: isoDate,
    authMethodsSupported: fc.array(fc.oneof(clientAuth, anyString), { maxLength: 3 }),
    pkce: fc.boolean(),
    requestedScope: fc.oneof(fc.constantFrom('openid offline_access', 'openid email'), anyString),
  },
  { requiredKeys: [] },
);

export const explainOptions: fc.Arbitrary<ExplainOptions> = fc.record({ at: isoDate, bodyUnavailable: fc.boolean() }, { requiredKeys: [] });

const presetProfiles = PROVIDER_PRESETS.flatMap((preset) => {
  const filled = fillPreset(preset, { tenant: 'contoso.onmicrosoft.com', domain: 'dev-1.okta.com', instance: 'https://gitlab.example.com' });
  return filled.ok ? [{ ...filled.profile, clientId: 'client', clientSecret: 'secret' }] : [];
});

const generatedProfile: fc.Arbitrary<FlowProfile> = fc.record(
  {
    id: anyString,
    name: anyString,
    issuer: urlish,
    authorizationEndpoint: urlish,
    tokenEndpoint: urlish,
    revocationEndpoint: urlish,
    introspectionEndpoint: urlish,
    userinfoEndpoint: urlish,
    clientId: anyString,
    clientSecret: anyString,
    scope: anyString,
    extraParams: fc.dictionary(anyString, anyString, { maxKeys: 3 }),
    clientAuth,
    pkce: fc.constantFrom('S256', 'plain', 'off'),
    redirectUri: urlish,
    redirectUriAtExchange: urlish,
    tokenRequestsAs: fc.constantFrom('server', 'browser'),
    corsAllowsExtensions: fc.boolean(),
    rememberSecret: fc.boolean(),
  },
  { requiredKeys: ['name', 'clientId', 'scope', 'clientAuth', 'pkce'] },
);

/** The presets as filled in, the bundled demo, or a profile of any endpoints. */
export const flowProfile: fc.Arbitrary<FlowProfile> = fc.oneof(fc.constantFrom(...presetProfiles, bundledDemoProfile()), generatedProfile);

export const providerMetadata: fc.Arbitrary<ProviderMetadata> = fc.record(
  {
    issuer: urlish,
    authorization_endpoint: urlish,
    token_endpoint: urlish,
    revocation_endpoint: urlish,
    introspection_endpoint: urlish,
    userinfo_endpoint: urlish,
    jwks_uri: urlish,
    pushed_authorization_request_endpoint: urlish,
    token_endpoint_auth_methods_supported: fc.array(fc.oneof(clientAuth, anyString), { maxLength: 3 }),
    code_challenge_methods_supported: fc.array(fc.constantFrom('S256', 'plain'), { maxLength: 2 }),
    authorization_response_iss_parameter_supported: fc.boolean(),
  },
  { requiredKeys: ['issuer', 'authorization_endpoint', 'token_endpoint'] },
);

/** A discovery document and the issuer it was asked for: the same one often, so the checks past the issuer run. */
export const discoveryPair: fc.Arbitrary<[string, string]> = fc.oneof(
  data(providerMetadata).map((metadata): [string, string] => [jsonOf(metadata), typeof (metadata as { issuer?: unknown } | null)?.issuer === 'string' ? (metadata as ProviderMetadata).issuer : 'https://a.example']),
  fc.tuple(jsonText([providerMetadata]), urlish),
  fc.tuple(anyString, anyString),
);

export const flowEndpointsShape = fc.record(
  { authorization: urlish, token: urlish, revocation: urlish, introspection: urlish, userinfo: urlish },
  { requiredKeys: ['authorization', 'token'] },
);

const runFields: fc.Arbitrary<Omit<FlowRun, 'exchanges'>> = fc.record(
  {
    id: anyString,
    profileName: anyString,
    startedAt: isoDate,
    finishedAt: isoDate,
    status: fc.constantFrom('running', 'succeeded', 'failed'),
    redirectUri: urlish,
    clientAuth,
    scope: fc.oneof(fc.constantFrom('openid offline_access'), anyString),
    tokenRequestsAs: fc.constantFrom('server', 'browser'),
    awaitingHosts: fc.record({ permissions: fc.array(fc.oneof(fc.constantFrom('https://github.com/*'), anyString), { maxLength: 3 }), until: isoDate, profile: flowProfile }),
    endpoints: flowEndpointsShape,
    authMethodsSupported: fc.array(fc.oneof(clientAuth, anyString), { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'profileName', 'startedAt', 'status', 'redirectUri', 'clientAuth'] },
);

export const flowRun: fc.Arbitrary<FlowRun> = fc.tuple(runFields, fc.array(recordedExchange, { maxLength: 4 })).map(([run, exchanges]) => ({ ...run, exchanges }));

/** A kept run as the Access tab reads it: its exchanges are not read there, and cost most to make. */
const keptRun: fc.Arbitrary<FlowRun> = runFields.map((run) => ({ ...run, exchanges: [] }));

/** A run and one of its own exchanges (as callers pass them), or an exchange from elsewhere. */
export const runAndExchange: fc.Arbitrary<[FlowRun, RecordedExchange]> = fc.oneof(
  fc.tuple(flowRun, fc.nat()).filter(([run]) => run.exchanges.length > 0).map(([run, i]): [FlowRun, RecordedExchange] => [run, run.exchanges[i % run.exchanges.length]!]),
  fc.tuple(data(flowRun), data(recordedExchange)),
);

export const evidenceLedger: fc.Arbitrary<EvidenceLedger> = fc.record({
  authorizations: fc.array(fc.record({ state: anyString, clientId: anyString, redirectUri: urlish, at: isoDate, source: fc.constantFrom('flow', 'watcher') }, { requiredKeys: ['at'] }), { maxLength: 4 }),
  codes: fc.dictionary(
    anyString,
    fc.record({ redirectUriAtAuthorization: urlish, issuedAt: isoDate, firstRedeemedAt: isoDate, firstRedeemedUnread: fc.constant(true as const), firstRedeemedBy: fc.constantFrom('flow', 'watcher') }, { requiredKeys: [] }),
    { maxKeys: 4 },
  ),
});

export const hostPattern: fc.Arbitrary<HostPattern> = fc.record(
  {
    pattern: anyString,
    host: fc.oneof(fc.constantFrom('a.example', 'localhost', '127.0.0.1', '[::1]', 'example.com'), anyString),
    wildcard: fc.boolean(),
    port: fc.oneof(fc.constantFrom('443', '80', '3000'), anyString),
    origins: fc.array(anyString, { maxLength: 2 }),
  },
  { requiredKeys: ['pattern', 'host', 'wildcard', 'origins'] },
);

/** A diagnosis as the explainer makes it for a real error, or one of any fields. */
export const diagnosis: fc.Arbitrary<Diagnosis> = fc.oneof(
  fc.constantFrom(...PROVIDER_ERROR_FIXTURES.map((fixture) => explainExchange(fixture.exchange)!)),
  fc.record(
    {
      category: fc.constantFrom('code_reused', 'rate_limited', 'other', 'cors_blocked'),
      candidates: fc.array(fc.constantFrom('code_reused', 'rate_limited', 'other', 'invalid_token'), { maxLength: 4 }),
      title: anyString,
      explanation: anyString,
      fixes: fc.array(anyString, { maxLength: 3 }),
      evidence: fc.array(anyString, { maxLength: 3 }),
      references: fc.array(anyString, { maxLength: 3 }),
      provider: anyString,
      retryAfterSeconds: anyNumber,
      errorCode: anyString,
      serverMessage: anyString,
      redirectUris: fc.record({ atAuthorization: urlish, atExchange: urlish }),
      certain: fc.boolean(),
    },
    { requiredKeys: ['category', 'candidates', 'title', 'explanation', 'fixes', 'evidence', 'references', 'certain'] },
  ),
);

export const errorEntry: fc.Arbitrary<ErrorEntry> = fc.record(
  {
    id: anyString,
    at: isoDate,
    source: fc.constantFrom('flow', 'watcher', 'pasted'),
    exchange: httpExchange,
    history: flowHistory,
    runId: anyString,
    profileName: anyString,
    bodyUnavailable: fc.boolean(),
    seen: fc.boolean(),
  },
  { requiredKeys: ['id', 'at', 'source', 'exchange', 'seen'] },
);

export const errorIndex: fc.Arbitrary<ErrorIndexEntry[]> = fc.array(fc.record({ id: anyString, bytes: anyNumber, seen: fc.boolean() }), { maxLength: 6 });

const permissions = fc.oneof(fc.constantFrom('identity', 'storage', 'declarativeNetRequestWithHostAccess', 'webRequest', 'https://github.com/*', 'http://127.0.0.1/*'), anyString);

export const accessFacts: fc.Arbitrary<AccessFacts> = fc.record({
  held: fc.record({ origins: fc.array(permissions, { maxLength: 4 }), permissions: fc.array(permissions, { maxLength: 4 }) }),
  required: fc.array(permissions, { maxLength: 3 }),
  watchPermissions: fc.array(permissions, { maxLength: 3 }),
  watch: fc.record({ patterns: fc.array(fc.oneof(fc.constantFrom('localhost:3000', '*.example.com', 'api.freeagent.com'), anyString), { maxLength: 3 }), paused: fc.boolean() }),
  profiles: fc.array(flowProfile, { maxLength: 3 }),
  runs: fc.array(keptRun, { maxLength: 2 }),
});

export const noResponseFacts: fc.Arbitrary<NoResponseFacts> = fc.record(
  { request: httpRequest, hostAccess: fc.boolean(), timedOut: fc.boolean(), reachable: fc.boolean(), browserMessage: anyString },
  { requiredKeys: ['request', 'hostAccess', 'timedOut', 'reachable'] },
);

/** What webRequest hands the watcher: a form's fields, raw byte chunks (any bytes, not only UTF-8), or an error. */
export const capturedBody: fc.Arbitrary<CapturedBody> = fc.record(
  {
    formData: fc.dictionary(anyString, fc.array(anyString, { maxLength: 3 }), { maxKeys: 4 }),
    raw: fc.array(fc.record({ bytes: fc.oneof({ weight: 20, arbitrary: fc.uint8Array({ maxLength: 200 }) }, { weight: 1, arbitrary: fc.constant(new Uint8Array(70_000)) }).map((bytes) => bytes.slice().buffer) }, { requiredKeys: [] }), { maxLength: 3 }),
    error: anyString,
  },
  { requiredKeys: [] },
);

export const capturedHeaders = fc.array(fc.record({ name: headerNames, value: headerValues }, { requiredKeys: ['name'] }), { maxLength: 5 });

export const clientCredentials: fc.Arbitrary<ClientCredentials> = fc.record({ clientId: anyString, clientSecret: anyString, clientAuth }, { requiredKeys: ['clientId', 'clientAuth'] });

export const stringParams: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.oneof(fc.constantFrom('grant_type', 'refresh_token', 'token', 'token_type_hint', 'scope', '__proto__'), anyString),
  anyString,
  { maxKeys: 4 },
);

export const authorizationRequest: fc.Arbitrary<AuthorizationRequest> = fc.record(
  {
    authorizationEndpoint: urlish,
    clientId: anyString,
    redirectUri: urlish,
    scope: anyString,
    state: anyString,
    codeChallenge: anyString,
    codeChallengeMethod: fc.constantFrom('S256', 'plain'),
    nonce: anyString,
    extraParams: stringParams,
  },
  { requiredKeys: ['authorizationEndpoint', 'clientId', 'redirectUri', 'scope', 'state'] },
);

export const authorizationExpectation: fc.Arbitrary<AuthorizationResponseExpectation> = fc.record(
  { state: anyString, redirectUri: urlish, issuer: urlish, issParameterSupported: fc.boolean() },
  { requiredKeys: ['state'] },
);

/** A redirect and what it must match: often the very state, redirect URI and issuer it carries. */
export const redirectAndExpectation: fc.Arbitrary<[string, string | AuthorizationResponseExpectation]> = fc.oneof(
  fc.tuple(urlish, fc.oneof(anyString, data(authorizationExpectation))),
  fc
    .tuple(fc.constantFrom('https://x.chromiumapp.org/', 'https://a.example/cb', 'com.example.app:/cb'), anyString, fc.oneof(anyString, fc.constant(null)), fc.oneof(urlish, fc.constant(null)), fc.boolean(), fc.constantFrom('?', '#'))
    .map(([redirectUri, state, code, iss, supported, separator]): [string, AuthorizationResponseExpectation] => {
      const params = new URLSearchParams({ state: state.replace(/[\uD800-\uDFFF]/g, '') });
      if (code !== null) params.set(code === '' ? 'error' : 'code', code.replace(/[\uD800-\uDFFF]/g, ''));
      if (iss !== null) params.set('iss', iss.replace(/[\uD800-\uDFFF]/g, ''));
      return [`${redirectUri}${separator}${params}`, { state: params.get('state')!, redirectUri, issuer: iss ?? 'https://issuer.example', issParameterSupported: supported }];
    }),
);

/** The catalogue, or formats of any prefix, alphabet and pattern: the code compiles caller-supplied sources. */
export const tokenFormats: fc.Arbitrary<readonly TokenFormat[]> = fc.oneof(
  fc.constant(TOKEN_FORMATS),
  fc.array(
    fc.record(
      {
        provider: anyString,
        kind: anyString,
        prefix: fc.oneof(fc.constantFrom('ghp_', 'AC', 's.', 'eyJ', ''), anyString.filter((s) => s.length < 8)),
        length: anyNumber,
        minLength: anyNumber,
        maxLength: anyNumber,
        alphabet: fc.oneof(fc.constantFrom('A-Za-z0-9_', '\\p{L}', ']', '\\', 'a-', '^'), anyString.filter((s) => s.length < 12)),
        pattern: fc.oneof(fc.constantFrom('[A-Z]{2}[a-f0-9]{32}', '(', 'a|', '\\', '(?<x>a)\\k<x>'), anyString.filter((s) => s.length < 12)),
        source: anyString,
      },
      { requiredKeys: ['provider', 'kind', 'prefix', 'source'] },
    ),
    { maxLength: 4 },
  ),
);

export const providerIdentities: fc.Arbitrary<readonly ProviderIdentity[]> = fc.oneof(
  fc.constant(PROVIDER_IDENTITIES),
  fc.constant([]),
  fc.array(fc.record({ provider: anyString, hosts: fc.array(fc.oneof(fc.constantFrom('.okta.com', 'github.com', '.', ''), anyString), { maxLength: 3 }), source: anyString }), { maxLength: 3 }),
);


export const trafficEvent: fc.Arbitrary<TrafficEvent> = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), id: fc.constantFrom('1', '2', anyString as never), at: isoDate, method: methods, url: urlish, headers: capturedHeaders, body: fc.oneof(capturedBody, formBody, anyString) }, { requiredKeys: ['kind', 'id', 'at', 'method', 'url'] }),
  fc.record({ kind: fc.constant('request-headers' as const), id: fc.constantFrom('1', '2'), headers: fc.oneof(capturedHeaders, headers) }),
  fc.record({ kind: fc.constant('redirect' as const), id: fc.constantFrom('1', '2'), at: isoDate, status: fc.constantFrom(301, 302, 303, 307), headers: capturedHeaders, location: urlish }),
  fc.record({ kind: fc.constant('response' as const), id: fc.constantFrom('1', '2'), status: fc.oneof(fc.constantFrom(200, 400, 401, 429, 500), anyNumber), headers: fc.oneof(capturedHeaders, headers), body: bodyText }, { requiredKeys: ['kind', 'id', 'status'] }),
  fc.record({ kind: fc.constant('failure' as const), id: fc.constantFrom('1', '2'), error: fc.oneof(fc.constantFrom('net::ERR_ABORTED', 'NS_ERROR_CONNECTION_REFUSED'), anyString) }),
);

export const trafficState: fc.Arbitrary<TrafficState> = fc.record({
  ledger: evidenceLedger,
  pending: fc.dictionary(fc.constantFrom('1', '2'), fc.record({ request: httpRequest, at: isoDate }), { maxKeys: 2 }),
  seen: fc.record({ requests: fc.nat() }),
});

/** A HAR entry as browsers and proxies write them (HAR 1.2, Chrome's `_error` and pseudo-headers), an OAuth step or anything. */
const harUrl = fc.oneof(
  urlish,
  fc.constantFrom(
    'https://server.example.com/.well-known/openid-configuration',
    'https://server.example.com/authorize?response_type=code&client_id=s6BhdRkqt3&state=xyz&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb',
    'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz',
    'https://server.example.com/token',
    'https://api.example.com/me?access_token=2YotnFZFEjr1zCsicMWpAA',
  ),
);
const harHeaders = fc.array(fc.record({ name: fc.oneof(headerNames, fc.constantFrom(':authority', ':path', ':status')), value: headerValues }, { requiredKeys: ['name'] }), { maxLength: 4 });
export const harEntry = fc.record(
  {
    startedDateTime: fc.oneof(isoDate, fc.constantFrom('2026-12-01T10:00:00.000+01:00', '2026-12-01T10:00:00Z')),
    time: fc.oneof(fc.nat(5000), anyNumber),
    request: fc.record(
      {
        method: methods,
        url: harUrl,
        headers: harHeaders,
        postData: fc.record(
          {
            mimeType: fc.constantFrom('application/x-www-form-urlencoded', 'application/json', ''),
            text: fc.oneof(formBody, bodyText),
            params: fc.array(fc.record({ name: fc.constantFrom('grant_type', 'code', 'redirect_uri', 'client_id'), value: anyString }, { requiredKeys: ['name'] }), { maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['url'] },
    ),
    response: fc.record(
      {
        status: fc.oneof(fc.constantFrom(0, -1, 200, 302, 400, 401, 429), anyNumber),
        statusText: anyString,
        headers: harHeaders,
        content: fc.record({ mimeType: headerValues, text: fc.oneof(bodyText, base64ish), encoding: fc.constantFrom('base64', 'utf-8') }, { requiredKeys: [] }),
        redirectURL: harUrl,
        _error: fc.constantFrom('net::ERR_ABORTED', 'net::ERR_CONNECTION_REFUSED', ''),
      },
      { requiredKeys: ['status'] },
    ),
    _resourceType: fc.constantFrom('document', 'fetch', 'xhr'),
  },
  { requiredKeys: ['request'] },
);
export const harFile = fc.record({ log: fc.record({ version: fc.constant('1.2'), entries: fc.array(harEntry, { maxLength: 6 }) }, { requiredKeys: ['entries'] }) });
