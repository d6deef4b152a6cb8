import { describe, expect, it } from 'vitest';
import { readTranscript } from '../read-transcript';
import { RFC6749_BASIC } from '../fixtures';

const crlf = (text: string) => text.replaceAll('\n', '\r\n');

describe('parseHttpTranscript: curl -i', () => {
  it('reads the FreeAgent 401: Basic realm, text body, and the request from the command', () => {
    const exchange = readTranscript(
      crlf(`$ curl -i -u 'my-oauth-id:my-oauth-secret' https://api.freeagent.com/v2/token_endpoint -d grant_type=authorization_code -d code=1Yz-NGQ3YzBj -d redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb
HTTP/1.1 401 Unauthorized
Date: Tue, 02 Jan 2024 09:12:44 GMT
Content-Type: text/html; charset=utf-8
Transfer-Encoding: chunked
Connection: keep-alive
WWW-Authenticate: Basic realm="Application"
Cache-Control: no-cache
X-Request-Id: 8d1b8f0e-2f7c-4b8e-9a43-6c1f1b6d2f55
X-Runtime: 0.004519
Strict-Transport-Security: max-age=31536000

HTTP Basic: Access denied.
`),
    );
    expect(exchange.response).toEqual({
      status: 401,
      headers: {
        Date: 'Tue, 02 Jan 2024 09:12:44 GMT',
        'Content-Type': 'text/html; charset=utf-8',
        'Transfer-Encoding': 'chunked',
        Connection: 'keep-alive',
        'WWW-Authenticate': 'Basic realm="Application"',
        'Cache-Control': 'no-cache',
        'X-Request-Id': '8d1b8f0e-2f7c-4b8e-9a43-6c1f1b6d2f55',
        'X-Runtime': '0.004519',
        'Strict-Transport-Security': 'max-age=31536000',
      },
      body: 'HTTP Basic: Access denied.',
    });
    expect(exchange.request).toEqual({
      method: 'POST',
      url: 'https://api.freeagent.com/v2/token_endpoint',
      headers: { Authorization: 'Basic bXktb2F1dGgtaWQ6bXktb2F1dGgtc2VjcmV0', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=1Yz-NGQ3YzBj&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb',
    });
  });

  it('reads GitHub’s form-encoded error sent with HTTP 200, HTTP/2 lowercase headers and two Set-Cookie', () => {
    const exchange = readTranscript(
      crlf(`$ curl -i -X POST https://github.com/login/oauth/access_token \\
    -d client_id=Iv1.8a61f9b3a7aba766 \\
    -d client_secret=$CLIENT_SECRET \\
    -d code=0e1f7a6b2c3d4e5f6a7b
HTTP/2 200 
server: GitHub.com
date: Tue, 02 Jan 2024 09:15:27 GMT
content-type: application/x-www-form-urlencoded; charset=utf-8
vary: X-PJAX, X-PJAX-Container, Turbo-Visit, Turbo-Frame, Accept-Encoding, Accept, X-Requested-With
cache-control: max-age=0, private, must-revalidate
set-cookie: _gh_sess=aGVsbG8%3D--1a2b3c; path=/; secure; HttpOnly; SameSite=Lax
set-cookie: _octo=GH1.1.1234567890.1704186927; Path=/; Domain=github.com; Expires=Thu, 02 Jan 2025 09:15:27 GMT; Secure; SameSite=Lax
x-github-request-id: C2B4:2F6E:1F9A5B:2B3C1D:6593D4EF

error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-oauth-app-access-token-request-errors%2F%23bad-verification-code`),
    );
    expect(exchange.response.status).toBe(200);
    expect(exchange.response.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(exchange.response.headers['set-cookie']).toBe(
      '_gh_sess=aGVsbG8%3D--1a2b3c; path=/; secure; HttpOnly; SameSite=Lax\n_octo=GH1.1.1234567890.1704186927; Path=/; Domain=github.com; Expires=Thu, 02 Jan 2025 09:15:27 GMT; Secure; SameSite=Lax',
    );
    expect(exchange.response.body).toMatch(/^error=bad_verification_code&error_description=The\+code\+passed.*%23bad-verification-code$/);
    expect(exchange.request).toMatchObject({ method: 'POST', url: 'https://github.com/login/oauth/access_token' });
    // The shell variable is left as written: the paste does not say what it held.
    expect(exchange.request?.body).toBe('client_id=Iv1.8a61f9b3a7aba766&client_secret=$CLIENT_SECRET&code=0e1f7a6b2c3d4e5f6a7b');
  });

  it('reads a 429 with Retry-After and joins a repeated header with ", "', () => {
    const exchange = readTranscript(`HTTP/1.1 429 Too Many Requests
Content-Type: application/json
Retry-After: 30
X-Rate-Limit-Limit: 100
X-Rate-Limit-Remaining: 0
X-Rate-Limit-Reset: 1704187000
Vary: Origin
Vary: Accept-Encoding

{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests.","errorLink":"E0000047","errorId":"oae1a2b3c4d5e6f","errorCauses":[]}`);
    expect(exchange.response.status).toBe(429);
    expect(exchange.response.headers['Retry-After']).toBe('30');
    expect(exchange.response.headers['X-Rate-Limit-Remaining']).toBe('0');
    expect(exchange.response.headers.Vary).toBe('Origin, Accept-Encoding');
    expect(JSON.parse(exchange.response.body).errorCode).toBe('E0000047');
    expect(exchange.request).toBeUndefined();
  });

  it('keeps the final response after 100 Continue', () => {
    const exchange = readTranscript(
      crlf(`HTTP/1.1 100 Continue

HTTP/1.1 400 Bad Request
Content-Type: application/json;charset=UTF-8
Cache-Control: no-store
Pragma: no-cache

{
  "error":"invalid_request"
}`),
    );
    expect(exchange.response).toEqual({
      status: 400,
      headers: { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store', Pragma: 'no-cache' },
      body: '{\n  "error":"invalid_request"\n}',
    });
  });

  it('follows curl -L: the last response, and the GET curl made after the 301', () => {
    const exchange = readTranscript(`$ curl -iL http://auth.example.com/oauth/token -H 'Authorization: Basic ${RFC6749_BASIC}' -d grant_type=client_credentials
HTTP/1.1 301 Moved Permanently
Server: nginx
Location: https://auth.example.com/oauth/token
Content-Length: 0

HTTP/2 405 
allow: POST
content-type: application/json

{"error":"invalid_request","error_description":"HTTP method GET is not supported by this URL"}`);
    expect(exchange.response.status).toBe(405);
    expect(exchange.response.headers).toEqual({ allow: 'POST', 'content-type': 'application/json' });
    expect(exchange.request).toEqual({
      method: 'GET',
      url: 'https://auth.example.com/oauth/token',
      headers: { Authorization: `Basic ${RFC6749_BASIC}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  });

  it('works without the blank line between headers and body, and ignores what comes before the status line', () => {
    const exchange = readTranscript(`Note: Unnecessary use of -X or --request, POST is already inferred.
HTTP/1.1 400 Bad Request
Content-Type: application/json
{"error":"invalid_grant","error_description":"Code not valid"}`);
    expect(exchange.response).toEqual({
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: '{"error":"invalid_grant","error_description":"Code not valid"}',
    });
  });

  it('reads an indented paste and drops the "%" zsh prints after output without a final newline', () => {
    const exchange = readTranscript(`
        HTTP/2 400
        content-type: application/json; charset=utf-8

        {
          "error": "invalid_grant",
          "error_description": "Bad Request"
        }%
    `);
    expect(exchange.response.status).toBe(400);
    expect(exchange.response.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(exchange.response.body).toBe('{\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n}');
  });
});

describe('parseHttpTranscript: curl -v', () => {
  const GOOGLE = `$ curl -v https://oauth2.googleapis.com/token -d grant_type=authorization_code -d code=4/0AfJohXn -d client_id=123.apps.googleusercontent.com -d client_secret=GOCSPX-abc -d redirect_uri=http://localhost:8080
*   Trying 142.250.74.106:443...
* Connected to oauth2.googleapis.com (142.250.74.106) port 443
* ALPN: curl offers h2,http/1.1
* (304) (OUT), TLS handshake, Client hello (1):
* SSL connection using TLSv1.3 / AEAD-CHACHA20-POLY1305-SHA256
* ALPN: server accepted h2
* Server certificate:
*  subject: CN=upload.video.google.com
* using HTTP/2
* [HTTP/2] [1] OPENED stream for https://oauth2.googleapis.com/token
* [HTTP/2] [1] [:method: POST]
* [HTTP/2] [1] [:scheme: https]
* [HTTP/2] [1] [:authority: oauth2.googleapis.com]
* [HTTP/2] [1] [:path: /token]
> POST /token HTTP/2
> Host: oauth2.googleapis.com
> User-Agent: curl/8.4.0
> Accept: */*
> Content-Length: 140
> Content-Type: application/x-www-form-urlencoded
> 
} [140 bytes data]
< HTTP/2 400 
< date: Tue, 02 Jan 2024 10:01:12 GMT
< pragma: no-cache
< cache-control: no-cache, no-store, max-age=0, must-revalidate
< content-type: application/json; charset=utf-8
< vary: Origin
< vary: X-Origin
< vary: Referer
< server: scaffolding on HTTPServer2
< 
{ [95 bytes data]
{
  "error": "invalid_grant",
  "error_description": "Malformed auth code."
}
* Connection #0 to host oauth2.googleapis.com left intact`;

  it('reads Google’s invalid_grant: request from the > lines, response from the < lines, body after', () => {
    const exchange = readTranscript(GOOGLE);
    expect(exchange.request).toEqual({
      method: 'POST',
      url: 'https://oauth2.googleapis.com/token',
      headers: {
        Host: 'oauth2.googleapis.com',
        'User-Agent': 'curl/8.4.0',
        Accept: '*/*',
        'Content-Length': '140',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      // curl -v prints "} [140 bytes data]", not the body: it comes from the command line.
      body: 'grant_type=authorization_code&code=4/0AfJohXn&client_id=123.apps.googleusercontent.com&client_secret=GOCSPX-abc&redirect_uri=http://localhost:8080',
    });
    expect(exchange.response.status).toBe(400);
    expect(exchange.response.headers.vary).toBe('Origin, X-Origin, Referer');
    expect(exchange.response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(exchange.response.body)).toEqual({ error: 'invalid_grant', error_description: 'Malformed auth code.' });
  });

  it('reads the same with CRLF line endings and the progress meter of 2>&1 mixed in', () => {
    const withMeter = GOOGLE.replace(
      '*   Trying',
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0*   Trying',
    ).replace('* Connection #0', '100   235  100    95  100   140    415    612 --:--:-- --:--:-- --:--:--  1030\n* Connection #0');
    const exchange = readTranscript(crlf(withMeter));
    expect(exchange.response.status).toBe(400);
    expect(exchange.request?.url).toBe('https://oauth2.googleapis.com/token');
    expect(JSON.parse(exchange.response.body).error).toBe('invalid_grant');
  });

  it('builds an http URL when there was no TLS handshake, keeping the port from Host', () => {
    const exchange = readTranscript(`*   Trying 127.0.0.1:8080...
* Connected to localhost (127.0.0.1) port 8080 (#0)
> POST /realms/demo/protocol/openid-connect/token HTTP/1.1
> Host: localhost:8080
> User-Agent: curl/7.88.1
> Accept: */*
> Content-Type: application/x-www-form-urlencoded
> Content-Length: 71
> 
< HTTP/1.1 401 Unauthorized
< Cache-Control: no-store
< Pragma: no-cache
< Content-Type: application/json
< Content-Length: 75
< 
{"error":"invalid_client","error_description":"Invalid client credentials"}
* Connection #0 to host localhost left intact`);
    expect(exchange.request).toMatchObject({ method: 'POST', url: 'http://localhost:8080/realms/demo/protocol/openid-connect/token' });
    expect(exchange.request?.body).toBeUndefined();
    expect(exchange.response).toMatchObject({ status: 401, headers: { 'Cache-Control': 'no-store', 'Content-Length': '75' } });
    expect(exchange.response.body).toBe('{"error":"invalid_client","error_description":"Invalid client credentials"}');
  });

  it('keeps the last exchange of a redirect followed with -L, and its own request', () => {
    const exchange = readTranscript(`* Connected to example.com (93.184.216.34) port 80 (#0)
> GET /login HTTP/1.1
> Host: example.com
> 
< HTTP/1.1 302 Found
< Location: https://id.example.com/authorize?client_id=abc
< Content-Length: 0
< 
* Issue another request to this URL: 'https://id.example.com/authorize?client_id=abc'
* Connected to id.example.com (93.184.216.35) port 443 (#1)
* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384
> GET /authorize?client_id=abc HTTP/1.1
> Host: id.example.com
> 
< HTTP/1.1 400 Bad Request
< Content-Type: text/html
< 
<html><body>Missing redirect_uri</body></html>`);
    expect(exchange.request).toEqual({ method: 'GET', url: 'https://id.example.com/authorize?client_id=abc', headers: { Host: 'id.example.com' } });
    expect(exchange.response).toEqual({ status: 400, headers: { 'Content-Type': 'text/html' }, body: '<html><body>Missing redirect_uri</body></html>' });
  });

  it('reads curl -vi, where the headers come twice', () => {
    const exchange = readTranscript(`* Connected to api.example.com (10.0.0.1) port 443 (#0)
* ALPN: server accepted http/1.1
> GET /me HTTP/1.1
> Host: api.example.com
> Authorization: Bearer mF_9.B5f-4.1JqM
> 
< HTTP/1.1 401 Unauthorized
< WWW-Authenticate: Bearer realm="example", error="invalid_token", error_description="The access token expired"
< Content-Length: 0
< 
HTTP/1.1 401 Unauthorized
WWW-Authenticate: Bearer realm="example", error="invalid_token", error_description="The access token expired"
Content-Length: 0

* Connection #0 to host api.example.com left intact`);
    expect(exchange.request).toMatchObject({ method: 'GET', url: 'https://api.example.com/me', headers: { Authorization: 'Bearer mF_9.B5f-4.1JqM' } });
    expect(exchange.response.status).toBe(401);
    expect(exchange.response.headers['WWW-Authenticate']).toBe('Bearer realm="example", error="invalid_token", error_description="The access token expired"');
    expect(exchange.response.body).toBe('');
  });
});

describe('parseHttpTranscript: a raw request and its response', () => {
  it('reads the RFC 6749 §4.1.3 token request followed by the §5.2 error response', () => {
    const exchange = readTranscript(`POST /token HTTP/1.1
Host: server.example.com
Authorization: Basic ${RFC6749_BASIC}
Content-Type: application/x-www-form-urlencoded

grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb

HTTP/1.1 400 Bad Request
Content-Type: application/json;charset=UTF-8
Cache-Control: no-store
Pragma: no-cache

{
  "error":"invalid_request"
}`);
    expect(exchange.request).toEqual({
      method: 'POST',
      // RFC 6749 §3.2 requires TLS at the token endpoint, and the paste does not say otherwise.
      url: 'https://server.example.com/token',
      headers: { Host: 'server.example.com', Authorization: `Basic ${RFC6749_BASIC}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb',
    });
    expect(exchange.response).toMatchObject({ status: 400, headers: { 'Cache-Control': 'no-store' }, body: '{\n  "error":"invalid_request"\n}' });
  });

  it('uses http for a request to this machine', () => {
    const exchange = readTranscript('POST /oauth/token HTTP/1.1\nHost: 127.0.0.1:3000\n\ngrant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA\nHTTP/1.1 400 Bad Request\n\n{"error":"invalid_grant"}');
    expect(exchange.request?.url).toBe('http://127.0.0.1:3000/oauth/token');
    expect(exchange.request?.body).toBe('grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA');
    expect(exchange.response.body).toBe('{"error":"invalid_grant"}');
  });

  it('says what is missing when only the request is there', () => {
    expect(() => readTranscript('POST /token HTTP/1.1\nHost: server.example.com\n\ngrant_type=client_credentials')).toThrow(
      'Found the request (POST /token) but no response after it',
    );
  });
});

describe('parseHttpTranscript: devtools', () => {
  it('reads HTTP/2 pseudo-headers: ":status: 401"', () => {
    const exchange = readTranscript(`:status: 401
cache-control: no-store
content-type: application/json
www-authenticate: Bearer error="invalid_token"

{"error":"invalid_token","error_description":"Token expired"}`);
    expect(exchange.response).toEqual({
      status: 401,
      headers: { 'cache-control': 'no-store', 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' },
      body: '{"error":"invalid_token","error_description":"Token expired"}',
    });
  });

  it('reads "status: 401" as Chrome listed it for HTTP/2, without keeping it as a header', () => {
    const exchange = readTranscript('status: 401\ncontent-type: text/plain\n\nUnauthorized');
    expect(exchange.response).toEqual({ status: 401, headers: { 'content-type': 'text/plain' }, body: 'Unauthorized' });
  });

  it('reads Chrome’s General section, then the response headers, then the body', () => {
    const exchange = readTranscript(`General
Request URL: https://oauth2.googleapis.com/token
Request Method: POST
Status Code: 400 Bad Request
Remote Address: 142.250.74.106:443
Referrer Policy: strict-origin-when-cross-origin

Response Headers
cache-control: no-cache, no-store, max-age=0, must-revalidate
content-type: application/json; charset=utf-8
date: Tue, 02 Jan 2024 10:01:12 GMT

{"error":"redirect_uri_mismatch","error_description":"Bad Request"}`);
    expect(exchange.request).toEqual({ method: 'POST', url: 'https://oauth2.googleapis.com/token' });
    expect(exchange.response.status).toBe(400);
    expect(Object.keys(exchange.response.headers)).toEqual(['cache-control', 'content-type', 'date']);
    expect(exchange.response.body).toBe('{"error":"redirect_uri_mismatch","error_description":"Bad Request"}');
  });

  it('reads HTTP/2 request pseudo-headers into the request', () => {
    const exchange = readTranscript(`:authority: login.microsoftonline.com
:method: POST
:path: /common/oauth2/v2.0/token
:scheme: https
content-type: application/x-www-form-urlencoded

:status: 400
content-type: application/json; charset=utf-8

{"error":"invalid_grant","error_description":"AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.","error_codes":[70008]}`);
    expect(exchange.request).toEqual({
      method: 'POST',
      url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(exchange.response.status).toBe(400);
    expect(exchange.response.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(JSON.parse(exchange.response.body).error_codes).toEqual([70008]);
  });
});

describe('parseHttpTranscript: a body with its status typed beside it', () => {
  it('reads the status on its own line above the body', () => {
    expect(readTranscript('401\n{"error":"invalid_token"}')).toEqual({ response: { status: 401, headers: {}, body: '{"error":"invalid_token"}' } });
    expect(readTranscript('403 Forbidden\n\n{"error":"insufficient_scope"}').response).toEqual({ status: 403, headers: {}, body: '{"error":"insufficient_scope"}' });
    expect(readTranscript('HTTP 502\n<html>Bad Gateway</html>').response.status).toBe(502);
  });

  it('reads the status and the body on one line', () => {
    expect(readTranscript('400 Bad Request {"error":"invalid_grant"}').response).toEqual({ status: 400, headers: {}, body: '{"error":"invalid_grant"}' });
    expect(readTranscript('200 error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.').response).toEqual({
      status: 200,
      headers: {},
      body: 'error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.',
    });
  });

  it('reads "status: 429" with headers, then the body', () => {
    const exchange = readTranscript('status: 429\nretry-after: 5\n\n{"error":"slow_down"}');
    expect(exchange.response).toEqual({ status: 429, headers: { 'retry-after': '5' }, body: '{"error":"slow_down"}' });
  });

  it('takes a status a bare body tells: its own field, or the one the specs give its OAuth error', () => {
    const status = (body: string) => readTranscript(body).response.status;
    expect(status('{"error":"invalid_grant","error_description":"Invalid authorization code"}')).toBe(400);
    expect(status('{"error":"invalid_client"}')).toBe(401);
    expect(status('{"error":"invalid_token"}')).toBe(401);
    expect(status('{"error":"insufficient_scope"}')).toBe(403);
    expect(status('error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.')).toBe(400);
    // Auth0 (hapi) and Google API error shapes carry the status themselves.
    expect(status('{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached"}')).toBe(429);
    expect(status('{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}}')).toBe(401);
    // RFC 6749 §5.1 and GitHub's form-encoded success.
    expect(status('{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"Bearer","expires_in":3600}')).toBe(200);
    expect(status('access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer')).toBe(200);
  });

  it('throws, saying what to paste, when there is no status and the body does not tell one', () => {
    expect(() => readTranscript('{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}')).toThrow(
      'Could not find an HTTP status: the paste has a JSON body but no status line',
    );
    expect(() => readTranscript('<!DOCTYPE html><html><body>Sign in</body></html>')).toThrow('an HTML body but no status line');
    expect(() => readTranscript('HTTP Basic: Access denied.')).toThrow(
      'Could not find an HTTP status in the paste: paste the output of curl -i (or curl -v), or type the status above the body',
    );
  });

  it('throws on an empty paste and on a command without its output', () => {
    expect(() => readTranscript('')).toThrow('Nothing to read: the paste is empty.');
    expect(() => readTranscript(' \r\n\t\n')).toThrow('Nothing to read');
    expect(() => readTranscript("$ curl -i https://example.com/token -d 'grant_type=client_credentials'\n")).toThrow('only a curl command, without its output');
  });
});

describe('parseHttpTranscript: the curl command line', () => {
  const withOutput = (command: string) => readTranscript(`${command}\nHTTP/1.1 400 Bad Request\n\n{"error":"invalid_request"}`).request;

  it('reads -X, -H, --data-raw with a multi-line quoted body, and continuation lines', () => {
    expect(
      withOutput(`$ curl -i -X POST 'https://login.example.com/oauth2/token' \\
  -H 'Content-Type: application/json' \\
  -H 'Accept: application/json' \\
  --data-raw '{
  "grant_type": "client_credentials",
  "scope": "read:users"
}'`),
    ).toEqual({
      method: 'POST',
      url: 'https://login.example.com/oauth2/token',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{\n  "grant_type": "client_credentials",\n  "scope": "read:users"\n}',
    });
  });

  it('reads Chrome’s “Copy as cURL”: $\'…\' quoting and --compressed', () => {
    expect(
      withOutput(`curl 'https://auth.example.com/token' \\
  -H 'accept: */*' \\
  -H 'content-type: application/x-www-form-urlencoded;charset=UTF-8' \\
  --data-raw $'grant_type=authorization_code&code=abc&note=it\\'s\\n' \\
  --compressed`),
    ).toEqual({
      method: 'POST',
      url: 'https://auth.example.com/token',
      headers: { accept: '*/*', 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: "grant_type=authorization_code&code=abc&note=it's\n",
    });
  });

  it('reads short options in clusters, double quotes, --data-urlencode, --oauth2-bearer, -G and a URL without a scheme', () => {
    expect(withOutput('$ curl -sSiXPUT "https://api.example.com/items/1" -H"X-Trace: \\"a\\"" --data-urlencode "note=a b&c"')).toEqual({
      method: 'PUT',
      url: 'https://api.example.com/items/1',
      headers: { 'X-Trace': '"a"', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'note=a%20b%26c',
    });
    expect(withOutput('curl --oauth2-bearer mF_9.B5f-4.1JqM https://api.example.com/me')).toEqual({
      method: 'GET',
      url: 'https://api.example.com/me',
      headers: { Authorization: 'Bearer mF_9.B5f-4.1JqM' },
    });
    expect(withOutput('curl -G -d client_id=abc -d response_type=code localhost:8080/authorize')).toEqual({
      method: 'GET',
      url: 'http://localhost:8080/authorize?client_id=abc&response_type=code',
    });
  });

  it('lets an explicit Authorization header win over -u, as curl does, and reads a prompt with a path', () => {
    expect(withOutput(`me@laptop:~/src$ curl -u id:secret -H 'Authorization: Basic ${RFC6749_BASIC}' -d @body.txt https://server.example.com/token`)).toEqual({
      method: 'POST',
      url: 'https://server.example.com/token',
      headers: { Authorization: `Basic ${RFC6749_BASIC}` },
    });
  });
});
