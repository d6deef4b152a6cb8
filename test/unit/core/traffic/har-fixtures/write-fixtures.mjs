// Writes the hand-made HAR fixtures of this folder (see README.md): `node write-fixtures.mjs`.
// Shaped field for field as Chrome's "Export HAR" and Firefox's "Save All As HAR" write them;
// values are RFC 6749's examples (client s6BhdRkqt3, code SplxlOBeZQQYbYS6WxSbIA, state xyz).
import { writeFileSync } from 'node:fs';

const SERVER = 'https://server.example.com';
const CLIENT = 'https://client.example.com';
const REDIRECT = `${CLIENT}/cb`;
const CODE = 'SplxlOBeZQQYbYS6WxSbIA';
const BASIC = 'Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3'; // s6BhdRkqt3:7Fjfp0ZBr1KtDRbnfVdmIw
const ACCESS = '2YotnFZFEjr1zCsicMWpAA';
const AUTHORIZE = `${SERVER}/authorize?response_type=code&client_id=s6BhdRkqt3&state=xyz&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=openid`;
const UA_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const UA_FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const DISCOVERY = JSON.stringify({
  issuer: SERVER,
  authorization_endpoint: `${SERVER}/authorize`,
  token_endpoint: `${SERVER}/token`,
  userinfo_endpoint: `${SERVER}/userinfo`,
  jwks_uri: `${SERVER}/jwks`,
  response_types_supported: ['code'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
});
const TOKENS = JSON.stringify({ access_token: ACCESS, token_type: 'Bearer', expires_in: 3600, refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA' });
const tokenForm = (redirectUri = REDIRECT) => new URLSearchParams({ grant_type: 'authorization_code', code: CODE, redirect_uri: redirectUri }).toString();

const query = (url) => [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
const pairs = (record) => Object.entries(record).map(([name, value]) => ({ name, value }));

/** One entry as Chrome 131's DevTools "Export HAR (with sensitive data)" writes it, over HTTP/2. */
function chrome({ at, time, method = 'GET', url, type = 'fetch', headers = {}, form, status, statusText = '', responseHeaders = {}, mimeType = 'application/json', text, base64, redirectURL = '', error = null }) {
  const u = new URL(url);
  const content = { size: text ? Buffer.byteLength(text) : 0, mimeType, ...(text !== undefined ? (base64 ? { text: Buffer.from(text, base64 === 'bytes' ? 'latin1' : 'utf8').toString('base64'), encoding: 'base64' } : { text }) : {}) };
  return {
    _initiator: type === 'document' ? { type: 'other' } : { type: 'script', stack: { callFrames: [{ functionName: 'signIn', scriptId: '12', url: `${CLIENT}/app.js`, lineNumber: 40, columnNumber: 12 }] } },
    _priority: type === 'document' ? 'VeryHigh' : 'High',
    _resourceType: type,
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method,
      url,
      httpVersion: 'http/2.0',
      headers: [
        { name: ':authority', value: u.host },
        { name: ':method', value: method },
        { name: ':path', value: u.pathname + u.search },
        { name: ':scheme', value: 'https' },
        { name: 'accept', value: type === 'document' ? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' : '*/*' },
        { name: 'accept-language', value: 'en-US,en;q=0.9' },
        ...pairs(headers),
        { name: 'user-agent', value: UA_CHROME },
      ],
      queryString: query(url),
      cookies: [],
      headersSize: -1,
      bodySize: form ? Buffer.byteLength(form) : 0,
      ...(form ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: form, params: [...new URLSearchParams(form)].map(([name, value]) => ({ name, value })) } } : {}),
    },
    response: {
      status,
      statusText,
      httpVersion: status === 0 ? '' : 'http/2.0',
      headers: pairs(responseHeaders),
      cookies: [],
      content,
      redirectURL,
      headersSize: -1,
      bodySize: -1,
      _transferSize: status === 0 ? 0 : 180 + content.size,
      _error: error,
      _fetchedViaServiceWorker: false,
    },
    serverIPAddress: status === 0 ? '' : '192.0.2.10',
    startedDateTime: at,
    time,
    timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: time - 2.5, receive: 1.2, _blocked_queueing: 0.6, _workerStart: -1, _workerReady: -1, _workerFetchStart: -1, _workerRespondWithSettled: -1 },
  };
}

/** One entry as Firefox 128's Network panel "Save All As HAR" writes it: local time with its offset, HTTP/2. */
function firefox({ at, time, method = 'GET', url, headers = {}, form, status, statusText = 'OK', responseHeaders = {}, mimeType = 'application/json', text, redirectURL = '' }) {
  const u = new URL(url);
  return {
    pageref: 'page_1',
    startedDateTime: at,
    request: {
      bodySize: form ? Buffer.byteLength(form) : 0,
      method,
      url,
      httpVersion: 'HTTP/2',
      headers: [
        { name: 'Host', value: u.host },
        { name: 'User-Agent', value: UA_FIREFOX },
        { name: 'Accept', value: '*/*' },
        { name: 'Accept-Language', value: 'en-US,en;q=0.5' },
        { name: 'Accept-Encoding', value: 'gzip, deflate, br, zstd' },
        ...pairs(headers),
        { name: 'Connection', value: 'keep-alive' },
        { name: 'Sec-Fetch-Dest', value: 'empty' },
        { name: 'Sec-Fetch-Mode', value: 'cors' },
        { name: 'Sec-Fetch-Site', value: 'same-site' },
      ],
      cookies: [],
      queryString: query(url),
      headersSize: 412,
      ...(form ? { postData: { mimeType: 'application/x-www-form-urlencoded', params: [], text: form } } : {}),
    },
    response: {
      status,
      statusText,
      httpVersion: 'HTTP/2',
      headers: pairs(responseHeaders),
      cookies: [],
      content: { mimeType, size: text ? Buffer.byteLength(text) : 0, ...(text !== undefined ? { text } : {}) },
      redirectURL,
      headersSize: 220,
      bodySize: 220 + (text ? Buffer.byteLength(text) : 0),
    },
    cache: {},
    timings: { blocked: 0, dns: 0, connect: 0, ssl: 0, send: 0, wait: time - 1, receive: 1 },
    time,
    _securityState: 'secure',
    serverIPAddress: '192.0.2.10',
    connection: '443',
  };
}

function log(creator, entries, page) {
  const browser = creator.name === 'Firefox' ? { browser: { name: 'Firefox', version: creator.version } } : {};
  return { log: { version: '1.2', creator, ...browser, pages: [{ startedDateTime: page, id: 'page_1', title: `${CLIENT}/`, pageTimings: { onContentLoad: 120, onLoad: 180 } }], entries } };
}
const CHROME = { name: 'WebInspector', version: '537.36' };
const FIREFOX = { name: 'Firefox', version: '128.0' };

const discovery = (at) => chrome({ at, time: 42.1, url: `${SERVER}/.well-known/openid-configuration`, status: 200, responseHeaders: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=3600' }, text: DISCOVERY });
const authorize = (at) =>
  chrome({ at, time: 61.3, url: AUTHORIZE, type: 'document', status: 302, responseHeaders: { location: `${REDIRECT}?code=${CODE}&state=xyz`, 'cache-control': 'no-store', 'content-length': '0' }, mimeType: 'x-unknown', redirectURL: `${REDIRECT}?code=${CODE}&state=xyz` });
const callback = (at) => chrome({ at, time: 20.4, url: `${REDIRECT}?code=${CODE}&state=xyz`, type: 'document', status: 200, responseHeaders: { 'content-type': 'text/html; charset=utf-8' }, mimeType: 'text/html', text: '<!doctype html><p>Signing you in…</p><script src="/app.js"></script>' });
const token = (at, answer, redirectUri) =>
  chrome({ at, time: 88.7, method: 'POST', url: `${SERVER}/token`, headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded', origin: CLIENT }, form: tokenForm(redirectUri), ...answer });
const TOKEN_OK = { status: 200, responseHeaders: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', pragma: 'no-cache' }, text: TOKENS };
const INVALID_GRANT = { status: 400, responseHeaders: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' }, text: '{"error":"invalid_grant","error_description":"grant request is invalid"}' };

const files = {
  'chrome-clean-flow.har': log(CHROME, [
    discovery('2026-12-01T10:00:00.120Z'),
    authorize('2026-12-01T10:00:01.004Z'),
    callback('2026-12-01T10:00:04.210Z'),
    token('2026-12-01T10:00:04.380Z', TOKEN_OK),
    chrome({ at: '2026-12-01T10:00:04.520Z', time: 35.9, url: `${SERVER}/userinfo`, headers: { authorization: `Bearer ${ACCESS}`, origin: CLIENT }, status: 200, responseHeaders: { 'content-type': 'application/json' }, text: '{"sub":"248289761001","name":"Jane Doe"}' }),
    // The app's favicon: a 404 that is nobody's OAuth failure; its body is bytes, which Chrome writes in base64.
    chrome({ at: '2026-12-01T10:00:04.600Z', time: 12.0, url: `${CLIENT}/favicon.ico`, type: 'other', status: 404, responseHeaders: { 'content-type': 'image/x-icon' }, mimeType: 'image/x-icon', text: '\u0000\u0000\u0001\u0000\u0001\u0000\u0010\u0010\u00ff', base64: 'bytes' }),
  ], '2026-12-01T10:00:00.050Z'),
  'chrome-reused-code.har': log(CHROME, [
    authorize('2026-12-01T10:00:01.004Z'),
    callback('2026-12-01T10:00:04.210Z'),
    token('2026-12-01T10:00:04.380Z', TOKEN_OK),
    // The app's callback ran twice (a React effect in development runs twice) and sent the same code again.
    token('2026-12-01T10:00:04.395Z', INVALID_GRANT),
  ], '2026-12-01T10:00:01.000Z'),
  'firefox-redirect-uri-mismatch.har': log(FIREFOX, [
    firefox({ at: '2026-12-01T11:00:01.004+01:00', time: 58, url: AUTHORIZE, status: 302, statusText: 'Found', responseHeaders: { location: `${REDIRECT}?code=${CODE}&state=xyz`, 'content-length': '0' }, mimeType: 'text/plain', text: '', redirectURL: `${REDIRECT}?code=${CODE}&state=xyz` }),
    firefox({ at: '2026-12-01T11:00:04.210+01:00', time: 21, url: `${REDIRECT}?code=${CODE}&state=xyz`, status: 200, responseHeaders: { 'content-type': 'text/html; charset=utf-8' }, mimeType: 'text/html', text: '<p>Signing you in…</p>' }),
    // The app sends another redirect_uri to the token endpoint than it sent to /authorize.
    firefox({
      at: '2026-12-01T11:00:04.380+01:00',
      time: 74,
      method: 'POST',
      url: `${SERVER}/token`,
      headers: { Authorization: BASIC, 'Content-Type': 'application/x-www-form-urlencoded', Origin: CLIENT },
      form: tokenForm(`${CLIENT}/callback`),
      status: 400,
      statusText: 'Bad Request',
      ...INVALID_GRANT,
    }),
  ], '2026-12-01T11:00:01.000+01:00'),
  'chrome-rate-limited.har': log(CHROME, [
    token('2026-12-01T10:00:04.380Z', {
      status: 429,
      responseHeaders: { 'content-type': 'application/json', 'retry-after': '30', date: 'Tue, 01 Dec 2026 10:00:04 GMT' },
      text: '{"error":"too_many_requests","error_description":"Too many requests, retry in 30 seconds"}',
      // Chrome writes a body it holds as bytes in base64; here a JSON one, so the decoding is exercised.
      base64: true,
    }),
  ], '2026-12-01T10:00:04.000Z'),
  'firefox-api-401.har': log(FIREFOX, [
    firefox({
      at: '2026-12-01T11:05:00.000+01:00',
      time: 33,
      url: `${SERVER}/userinfo`,
      headers: { Authorization: `Bearer ${ACCESS}`, Origin: CLIENT },
      status: 401,
      statusText: 'Unauthorized',
      responseHeaders: { 'www-authenticate': 'Bearer realm="example", error="invalid_token", error_description="The access token expired"', 'content-type': 'application/json' },
      text: '{"error":"invalid_token","error_description":"The access token expired"}',
    }),
  ], '2026-12-01T11:05:00.000+01:00'),
};

for (const [name, har] of Object.entries(files)) writeFileSync(new URL(name, import.meta.url), `${JSON.stringify(har, null, 2)}\n`);
