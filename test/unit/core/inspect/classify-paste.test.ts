import { describe, expect, it } from 'vitest';
import { classifyPaste, encodeBase64, explainExchange, inspectToken, utf8, type FoundCredential, type PasteClassification } from '../../../../src/core';
import { GITHUB_FORM_RESPONSE, RFC6749_RESPONSE, RFC7519_EXP_MS, RFC7519_JWT } from '../fixtures';
import {
  AUTH0_CLIENT_CREDENTIALS_CURL,
  CURL_OAUTH2_BEARER,
  GITHUB_CURL,
  OIDC_ERROR_REDIRECT,
  RFC6265_SET_COOKIE_VALUE,
  RFC6749_ERROR_REDIRECT,
  RFC6749_IMPLICIT_ERROR_REDIRECT,
  RFC6749_IMPLICIT_REDIRECT,
  RFC6749_TOKEN_REQUEST,
  RFC6750_BODY_REQUEST,
  RFC6750_HEADER_REQUEST,
  RFC6750_QUERY_REQUEST,
  RFC7617_HEADER,
  RFC9449_ACCESS_TOKEN,
  RFC9449_RESOURCE_PROOF,
  RFC9449_RESOURCE_REQUEST,
} from '../paste-fixtures';

const now = RFC7519_EXP_MS - 60_000;
const classify = (text: string) => classifyPaste(text, { now });

function as<K extends PasteClassification['kind']>(result: PasteClassification, kind: K): Extract<PasteClassification, { kind: K }> {
  expect(result.kind).toBe(kind);
  return result as Extract<PasteClassification, { kind: K }>;
}
const credentials = (text: string) => as(classify(text), 'credentials').credentials;
const summary = (found: FoundCredential[]) => found.map((c) => ({ source: c.source, name: c.name, token: c.inspection?.token ?? c.value }));

describe('classifyPaste: a curl command', () => {
  it("GitHub's quickstart (line continuations, --header): the Bearer value, a placeholder, said to be one", () => {
    const result = as(classify(GITHUB_CURL), 'credentials');
    expect(result.container).toBe('curl');
    expect(result.request).toEqual({ method: 'GET', url: 'https://api.github.com/repos/octocat/Spoon-Knife/issues' });
    expect(summary(result.credentials)).toEqual([{ source: 'authorization', name: 'Authorization', token: 'YOUR-TOKEN' }]);
    const [bearer] = result.credentials;
    expect(bearer!.scheme).toBe('Bearer');
    expect(bearer!.where).toBe('the Authorization header (Bearer), set with --header');
    expect(bearer!.meaning).toContain('https://www.rfc-editor.org/rfc/rfc6750#section-2.1');
    expect(bearer!.notAToken?.map((r) => r.code)).toEqual(['placeholder']);
  });

  it("Auth0's client-credentials request (--data fields): the client secret, with its client id, a placeholder", () => {
    const found = credentials(AUTH0_CLIENT_CREDENTIALS_CURL);
    expect(summary(found)).toEqual([{ source: 'form_field', name: 'client_secret', token: 'YOUR_CLIENT_SECRET' }]);
    expect(found[0]!.where).toBe('the "client_secret" field of the body, set with --data (client_id "YOUR_CLIENT_ID")');
    expect(found[0]!.notAToken?.map((r) => r.code)).toEqual(['placeholder']);
  });

  it("curl's --oauth2-bearer: the token, as curl sends it", () => {
    const [bearer] = credentials(CURL_OAUTH2_BEARER);
    expect(bearer).toMatchObject({ source: 'bearer_option', scheme: 'Bearer', value: 'mF_9.B5f-4.1JqM' });
    expect(bearer!.where).toContain('"Authorization: Bearer"');
    expect(bearer!.notAToken).toBeUndefined();
  });

  it('a JWT in -H after other options, single-quoted, with a prompt: found and decoded, not a 392-character opaque token', () => {
    const found = credentials(`$ curl -sS -X POST -H 'Accept: application/json' -H 'Authorization: Bearer ${RFC7519_JWT}' https://api.example.com/me`);
    expect(found).toHaveLength(1);
    expect(found[0]!.inspection).toMatchObject({ kind: 'jwt', token: RFC7519_JWT });
    expect(found[0]!.inspection!.jwt?.payload).toMatchObject({ iss: 'joe' });
  });

  it('-u id:secret (RFC 6749 §4.1.3 values) and -d code: Basic read as client id and secret, the code as a token', () => {
    const found = credentials('curl -u s6BhdRkqt3:gX1fBat3bV -d grant_type=authorization_code -d code=SplxlOBeZQQYbYS6WxSbIA https://server.example.com/token');
    expect(found[0]).toMatchObject({ source: 'user_option', basic: { clientId: 's6BhdRkqt3', clientSecret: 'gX1fBat3bV' } });
    expect(summary(found.slice(1))).toEqual([{ source: 'form_field', name: 'code', token: 'SplxlOBeZQQYbYS6WxSbIA' }]);
    expect(found[1]!.notAToken).toBeUndefined();
  });

  it('-u with no password: curl asks for it, so it is not in the paste', () => {
    const [user] = credentials('curl -u s6BhdRkqt3 https://server.example.com/token');
    expect(user!.basic).toMatchObject({ clientId: 's6BhdRkqt3', secretMissing: true });
  });

  it('a cookie sent with -b, and a Basic header whose secret has an unencoded "+"', () => {
    const found = credentials(`curl -b 'theme=dark; session=${RFC7519_JWT}' -H "Authorization: Basic ${encodeBase64(utf8('app:a+b/c'))}" https://app.example/api`);
    expect(found.map((c) => c.source)).toEqual(['cookie', 'authorization']);
    expect(found[0]).toMatchObject({ name: 'session', where: 'the "session" cookie of the Cookie header, set with -b' });
    expect(found[1]!.basic).toMatchObject({ clientId: 'app', clientSecret: 'a+b/c' });
    expect(found[1]!.basic!.notes.join(' ')).toContain('"+" as a space');
  });

  it('no credential at all: a curl command with none, said so', () => {
    expect(credentials('curl https://example.com/.well-known/openid-configuration')).toEqual([]);
  });
});

describe('classifyPaste: a raw HTTP request', () => {
  it('RFC 6750 §2.1: the Bearer token of the Authorization header', () => {
    const result = as(classify(RFC6750_HEADER_REQUEST), 'credentials');
    expect(result).toMatchObject({ container: 'http_request', request: { method: 'GET', url: 'https://server.example.com/resource' } });
    expect(summary(result.credentials)).toEqual([{ source: 'authorization', name: 'Authorization', token: 'mF_9.B5f-4.1JqM' }]);
  });

  it('RFC 6750 §2.2 and §2.3: the token in a form body, and in the query, with why the query is a poor place', () => {
    expect(summary(credentials(RFC6750_BODY_REQUEST))).toEqual([{ source: 'form_field', name: 'access_token', token: 'mF_9.B5f-4.1JqM' }]);
    const [inQuery] = credentials(RFC6750_QUERY_REQUEST);
    expect(inQuery).toMatchObject({ source: 'query', name: 'access_token', value: 'mF_9.B5f-4.1JqM' });
    expect(inQuery!.meaning).toContain('RFC 6750 §2.3');
  });

  it('RFC 6749 §4.1.3 (CRLF): Basic decoded into client id and secret, and the code', () => {
    const found = credentials(RFC6749_TOKEN_REQUEST);
    expect(found[0]).toMatchObject({ source: 'authorization', scheme: 'Basic', basic: { clientId: 's6BhdRkqt3', clientSecret: 'gX1fBat3bV', notes: [] } });
    expect(found[0]!.inspection).toBeUndefined();
    expect(summary(found.slice(1))).toEqual([{ source: 'form_field', name: 'code', token: 'SplxlOBeZQQYbYS6WxSbIA' }]);
  });

  it('RFC 9449 §7.1: the DPoP-bound token and the DPoP proof, each named for what it is', () => {
    const found = credentials(RFC9449_RESOURCE_REQUEST);
    expect(summary(found)).toEqual([
      { source: 'authorization', name: 'Authorization', token: RFC9449_ACCESS_TOKEN },
      { source: 'header', name: 'DPoP', token: RFC9449_RESOURCE_PROOF },
    ]);
    expect(found[0]!.meaning).toContain('rfc9449#section-7.1');
    expect(found[1]!.meaning).toContain('DPoP proof');
    expect(found[1]!.inspection!.jwt?.header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256' });
  });
});

describe('classifyPaste: a log line, snippet or text', () => {
  it('a JSON-ish header map in a log line: the Bearer JWT in it', () => {
    const result = as(classify(`2024-05-01T10:00:00Z DEBUG outgoing request headers={"Accept": "application/json", "Authorization": "Bearer ${RFC7519_JWT}"}`), 'credentials');
    expect(result.container).toBe('text');
    expect(result.credentials).toHaveLength(1);
    expect(result.credentials[0]).toMatchObject({ source: 'authorization', scheme: 'Bearer', inspection: { kind: 'jwt' } });
  });

  it("curl -v's request lines: the header, with its line", () => {
    const found = credentials(`*   Trying 93.184.216.34:443...\n> GET /me HTTP/2\n> Host: api.example.com\n> Authorization: Bearer ${RFC7519_JWT}\n>`);
    expect(found[0]).toMatchObject({ where: 'the Authorization header (Bearer) on line 4', inspection: { token: RFC7519_JWT } });
  });

  it('a JWT and a GitHub token in prose', () => {
    const found = credentials(`my id token is ${RFC7519_JWT} and the PAT ghp_16C7e42F292c6912E7710c838347Ae178B4a fails`);
    expect(found.map((c) => c.inspection?.kind ?? c.source)).toEqual(['jwt', 'opaque']);
    expect(found[1]!.inspection!.provider?.name).toBe('GitHub');
  });

  it("Google's client_secrets.json (nested): the client secret, with its client id", () => {
    // https://github.com/googleapis/google-api-python-client/blob/main/docs/client-secrets.md
    const json = '{\n  "web": {\n    "client_id": "asdfjasdljfasdkjf",\n    "client_secret": "1912308409123890",\n    "redirect_uris": ["https://www.example.com/oauth2callback"],\n    "auth_uri": "https://accounts.google.com/o/oauth2/auth",\n    "token_uri": "https://accounts.google.com/o/oauth2/token"\n  }\n}';
    const result = as(classify(json), 'credentials');
    expect(result.container).toBe('json');
    expect(summary(result.credentials)).toEqual([{ source: 'json_field', name: 'client_secret', token: '1912308409123890' }]);
    expect(result.credentials[0]!.where).toContain('(client_id "asdfjasdljfasdkjf")');
  });
});

describe('classifyPaste: an authorization error redirect', () => {
  it('RFC 6749 §4.1.2.1: an error, not a token, explained as Explain a response explains it', () => {
    const result = as(classify(RFC6749_ERROR_REDIRECT), 'authorization_error');
    expect(result).toMatchObject({ error: 'access_denied', state: 'xyz', part: 'query' });
    expect(result.exchange).toEqual({ response: { status: 302, headers: { location: RFC6749_ERROR_REDIRECT }, body: '' } });
    const diagnosis = explainExchange(result.exchange);
    expect(diagnosis?.category).toBe('consent_denied');
    expect(diagnosis?.errorCode).toBe('access_denied');
  });

  it('RFC 6749 §4.2.2.1: in the fragment; OIDC Core §3.1.2.6: with its description decoded', () => {
    expect(as(classify(RFC6749_IMPLICIT_ERROR_REDIRECT), 'authorization_error')).toMatchObject({ error: 'access_denied', part: 'fragment' });
    expect(as(classify(OIDC_ERROR_REDIRECT), 'authorization_error')).toMatchObject({
      error: 'invalid_request',
      description: 'Unsupported response_type value',
      state: 'af0ifjsldkj',
    });
  });

  it('as a Location header, or its query alone', () => {
    expect(classify(`Location: ${RFC6749_ERROR_REDIRECT}`).kind).toBe('authorization_error');
    expect(classify('?error=access_denied&error_description=The+user+denied+access').kind).toBe('authorization_error');
  });
});

describe('classifyPaste: tokens and token responses, as before', () => {
  it('a JWT, a token response, GitHub’s form response', () => {
    expect(as(classify(RFC7519_JWT), 'token').inspection.kind).toBe('jwt');
    expect(as(classify(RFC6749_RESPONSE), 'token_response').response.access_token?.value).toBe('2YotnFZFEjr1zCsicMWpAA');
    expect(as(classify(GITHUB_FORM_RESPONSE), 'token_response').response.token_type).toBe('bearer');
  });

  it('RFC 6749 §4.2.2: the implicit redirect, and its fragment alone, read as the token response they carry', () => {
    for (const text of [RFC6749_IMPLICIT_REDIRECT, RFC6749_IMPLICIT_REDIRECT.slice(RFC6749_IMPLICIT_REDIRECT.indexOf('#'))]) {
      const result = as(classify(text), 'token_response');
      expect(result.foundIn).toContain('fragment');
      expect(result.response).toMatchObject({ access_token: { value: '2YotnFZFEjr1zCsicMWpAA' }, token_type: 'example', expires_in: 3600 });
    }
  });

  it('RFC 7617 §2: an Authorization line with Basic, read into user id and password', () => {
    const result = as(classify(RFC7617_HEADER), 'token');
    expect(result.basic).toMatchObject({ clientId: 'Aladdin', clientSecret: 'open sesame' });
  });

  it('"Bearer <token>" and an Authorization line keep what inspectToken says it cleaned off', () => {
    const result = as(classify(`Authorization: Bearer ${RFC7519_JWT}`), 'token');
    expect(result.inspection.warnings.map((w) => w.code)).toContain('scheme_included');
  });
});

describe('classifyPaste: not a credential', () => {
  it('prose: spaces between words, and how many read as words', () => {
    const result = as(classify('Why does my access token stop working after an hour?'), 'not_a_token');
    expect(result.reasons.map((r) => r.code)).toEqual(['prose']);
    expect(result.reasons[0]!.message).toContain('spaces between words');
  });

  it('one word: it reads as a word, and is too short', () => {
    expect(as(classify('hello'), 'not_a_token').reasons.map((r) => r.code)).toEqual(['words', 'too_short']);
    expect(as(classify('letmeinplease'), 'not_a_token').reasons.map((r) => r.code)).toEqual(['words']);
  });

  it('an empty value written as text, a placeholder, a field name: each said for what it is', () => {
    expect(as(classify('Bearer undefined'), 'not_a_token').reasons.map((r) => r.code)).toEqual(['empty_value']);
    expect(as(classify('Authorization: Bearer [object Object]'), 'not_a_token').reasons.map((r) => r.code)).toEqual(['empty_value']);
    expect(as(classify('$ACCESS_TOKEN'), 'not_a_token').reasons[0]!.message).toContain('shell or template variable');
    expect(as(classify('<your-access-token>'), 'not_a_token').reasons.map((r) => r.code)).toEqual(['placeholder']);
    expect(as(classify('access_token'), 'not_a_token').reasons.map((r) => r.code)).toEqual(['field_name']);
  });

  it('a URL or JSON with nothing secret in it', () => {
    expect(as(classify('https://client.example.com/cb'), 'not_a_token').reasons.map((r) => r.code)).toEqual(['no_credential']);
    expect(as(classify('{"issuer":"https://server.example.com"}'), 'not_a_token').reasons.map((r) => r.code)).toEqual(['no_credential']);
  });

  it('random characters are a token, even short ones of RFC 6750’s length', () => {
    expect(classify('mF_9.B5f-4.1JqM').kind).toBe('token');
    expect(classify('SplxlOBeZQQYbYS6WxSbIA').kind).toBe('token');
  });

  it('a token wrapped over lines is still one token', () => {
    const [head, payload, signature] = RFC7519_JWT.split('.');
    expect(as(classify(`${head}.${payload!.slice(0, 40)}\n${payload!.slice(40)}.${signature}`), 'token').inspection.kind).toBe('jwt');
  });
});

describe('inspectToken: unwrapping and checks (issue 18’s adversarial pastes)', () => {
  it('a bare fragment: the access token inside it', () => {
    const fragment = RFC6749_IMPLICIT_REDIRECT.slice(RFC6749_IMPLICIT_REDIRECT.indexOf('#'));
    const inspection = inspectToken(fragment, { now });
    expect(inspection.token).toBe('2YotnFZFEjr1zCsicMWpAA');
    expect(inspection.extractedFrom).toEqual({ container: 'url', field: 'access_token' });
  });

  it('RFC 6265 §3.1’s cookie with its attributes, without "Set-Cookie:"; and a JWT in one', () => {
    expect(inspectToken(RFC6265_SET_COOKIE_VALUE, { now })).toMatchObject({ token: '31d4d96e407aad42', extractedFrom: { container: 'cookie', field: 'SID' } });
    expect(inspectToken(`id=${RFC7519_JWT}; Path=/; Secure; HttpOnly`, { now })).toMatchObject({ kind: 'jwt', token: RFC7519_JWT });
  });

  it('RFC 6749 §4.2.2’s implicit response: the URL, its fragment alone, and its parameters without "#"', () => {
    const url = 'http://example.com/cb#access_token=2YotnFZFEjr1zCsicMWpAA&state=xyz&token_type=example&expires_in=3600';
    const expected = { token: '2YotnFZFEjr1zCsicMWpAA', extractedFrom: { field: 'access_token' } };
    expect(inspectToken(url, { now })).toMatchObject({ ...expected, extractedFrom: { container: 'url' } });
    const fragment = inspectToken(url.slice(url.indexOf('#')), { now });
    expect(fragment).toMatchObject({ ...expected, extractedFrom: { container: 'url' } });
    expect(fragment.warnings.find((w) => w.code === 'container_extracted')?.message).toContain('the pasted fragment');
    expect(inspectToken(url.slice(url.indexOf('#') + 1), { now })).toMatchObject(expected);
    expect(inspectToken('#access_token=2YotnFZFEjr1zCsicMWpAA&token_type=Bearer&expires_in=3600', { now })).toMatchObject(expected);
  });

  it('RFC 6749 §4.1.2’s code response: with "?" and without, and the code is what is inspected', () => {
    for (const pasted of ['?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', 'code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz']) {
      const inspection = inspectToken(pasted, { now });
      expect(inspection, pasted).toMatchObject({ token: 'SplxlOBeZQQYbYS6WxSbIA', extractedFrom: { container: 'url', field: 'code' } });
      expect(inspection.warnings.map((w) => w.code)).toContain('container_extracted');
    }
    // A hash router (Angular, Vue Router's hash mode) puts the route in the fragment before the parameters.
    expect(inspectToken('http://localhost:4200/#/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', { now })).toMatchObject({ token: 'SplxlOBeZQQYbYS6WxSbIA', extractedFrom: { field: 'code' } });
    // A parameter list with no token in it is left alone.
    expect(inspectToken('state=xyz&foo=bar', { now }).extractedFrom).toBeUndefined();
  });

  it('an ID token in a fragment (OIDC Core §3.2.2.5), and a hybrid response that names the tokens it did not pick', () => {
    expect(inspectToken(`#id_token=${RFC7519_JWT}&state=af0ifjsldkj`, { now })).toMatchObject({ kind: 'jwt', token: RFC7519_JWT, extractedFrom: { field: 'id_token' } });
    const hybrid = inspectToken(`#code=SplxlOBeZQQYbYS6WxSbIA&id_token=${RFC7519_JWT}&state=af0ifjsldkj`, { now });
    expect(hybrid).toMatchObject({ kind: 'jwt', extractedFrom: { field: 'id_token' } });
    expect(hybrid.warnings.find((w) => w.code === 'container_extracted')?.message).toContain('also carries "code"');
  });

  it('an authorization error response (RFC 6749 §4.1.2.1) is no token, with or without "?" or "#"', () => {
    for (const pasted of ['error=access_denied&error_description=The+user+denied+access&state=xyz', '#error=access_denied&error_description=The+user+denied+access', 'https://client.example.com/cb?error=access_denied&state=xyz']) {
      const inspection = inspectToken(pasted, { now });
      expect(inspection.token, pasted).toBe('');
      expect(inspection.warnings.find((w) => w.code === 'authorization_error')?.message, pasted).toContain('error "access_denied"');
    }
    expect(classify('error=access_denied&error_description=The+user+denied+access')).toMatchObject({ kind: 'authorization_error', error: 'access_denied', description: 'The user denied access' });
  });

  it('RFC 6265 §4.2.1 cookie pairs without "Cookie:": the token among them, a JWT before any other', () => {
    // RFC 6265 §3.1's Cookie header value: no JWT and no telling name, so the longest value.
    expect(inspectToken('SID=31d4d96e407aad42; lang=en-US', { now })).toMatchObject({ token: '31d4d96e407aad42', extractedFrom: { container: 'cookie', field: 'SID' } });
    for (const pasted of [`a=b; c=${RFC7519_JWT}`, `Cookie: a=b; c=${RFC7519_JWT}`, `theme=dark; session_id=abc123; c="${RFC7519_JWT}";`]) {
      const inspection = inspectToken(pasted, { now });
      expect(inspection, pasted).toMatchObject({ kind: 'jwt', token: RFC7519_JWT, extractedFrom: { container: 'cookie', field: 'c' } });
      expect(inspection.warnings.map((w) => w.code)).toContain('container_extracted');
    }
    // RFC 6265 §3.1's Set-Cookie with an Expires date (a comma inside the attribute).
    expect(inspectToken(`id=${RFC7519_JWT}; Expires=Wed, 09 Jun 2021 10:18:14 GMT; SameSite=Lax`, { now })).toMatchObject({ kind: 'jwt', extractedFrom: { field: 'id' } });
    // Prose with semicolons is no cookie.
    expect(inspectToken('this; that', { now }).extractedFrom).toBeUndefined();
    expect(inspectToken('a=b; not a cookie', { now }).extractedFrom).toBeUndefined();
  });

  it('a JOSE header encoded twice: flagged malformed, named double_encoded_segment, and shown decoded', () => {
    const [head, payload, signature] = RFC7519_JWT.split('.');
    const twice = `${encodeBase64(utf8(head!), 'url')}.${payload}.${signature}`;
    const inspection = inspectToken(twice, { now });
    expect(inspection.kind).toBe('jwt');
    expect(inspection.warnings.filter((w) => w.code === 'jwt_malformed')).toHaveLength(1);
    const named = inspection.warnings.filter((w) => w.code === 'double_encoded_segment');
    expect(named).toHaveLength(1);
    expect(named[0]!.message).toContain('header segment was base64url-encoded twice');
    expect(inspection.jwt?.header).toEqual({ typ: 'JWT', alg: 'HS256' });
  });

  it('a JOSE payload encoded twice: named as the payload, and shown decoded', () => {
    const [head, payload, signature] = RFC7519_JWT.split('.');
    const inspection = inspectToken(`${head}.${encodeBase64(utf8(payload!), 'url')}.${signature}`, { now });
    const named = inspection.warnings.filter((w) => w.code === 'double_encoded_segment');
    expect(named.map((w) => w.message)).toEqual([expect.stringContaining('payload segment was base64url-encoded twice')]);
    expect(inspection.warnings.map((w) => w.code)).toContain('jwt_malformed');
    expect(inspection.jwt?.payload).toMatchObject({ iss: 'joe' });
  });

  it('a whole JWT encoded once more (dots and all): named, and shown decoded', () => {
    const inspection = inspectToken(encodeBase64(utf8(RFC7519_JWT), 'url'), { now });
    expect(inspection.kind).toBe('jwt');
    expect(inspection.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['jwt_malformed', 'double_encoded_segment']));
    expect(inspection.jwt?.payload).toMatchObject({ iss: 'joe' });
    // Base64 of something else that starts "eyJ" is left alone.
    expect(inspectToken(encodeBase64(utf8('eyJhbGciOiJub25lIn0'), 'url'), { now }).kind).toBe('opaque');
  });

  it('both segments encoded twice: each named', () => {
    const [head, payload, signature] = RFC7519_JWT.split('.');
    const inspection = inspectToken(`${encodeBase64(utf8(head!), 'url')}.${encodeBase64(utf8(payload!), 'url')}.${signature}`, { now });
    expect(inspection.warnings.filter((w) => w.code === 'double_encoded_segment')).toHaveLength(2);
  });

  it('a format whose whole shape is documented, cut short: recognised, and flagged truncated', () => {
    // Twilio documents an Account SID as "AC" and 32 hex digits (https://www.twilio.com/docs/glossary/what-is-a-sid); made in that shape, then cut.
    const sid = `AC${'0123456789abcdef'.repeat(2)}`;
    expect(inspectToken(sid, { now }).warnings.map((w) => w.code)).not.toContain('truncated');
    const cut = inspectToken(sid.slice(0, 24), { now });
    expect(cut.provider?.name).toBe('Twilio');
    expect(cut.warnings.map((w) => w.code)).toContain('truncated');
    // An ordinary word with the prefix is not taken for one.
    expect(inspectToken('ACCEPTED', { now }).provider).toBeUndefined();
  });

  it('a GitHub token below its documented 40 characters is truncated; one longer than an exact length is noted apart', () => {
    // GitHub's documented example (docs.github.com, authorizing OAuth apps), cut by one character.
    const example = 'gho_16C7e42F292c6912E7710c838347Ae178B4a';
    expect(inspectToken(example, { now }).warnings.map((w) => w.code)).toEqual([]);
    const cut = inspectToken(example.slice(0, 30), { now });
    expect(cut.provider?.prefix).toBe('gho_');
    expect(cut.warnings.find((w) => w.code === 'truncated')?.message).toContain('GitHub documents at least 40');
    // Shopify documents exactly 38 characters (shopify.dev changelog): 46 is not truncated, but said.
    const long = inspectToken(`shpat_${'0'.repeat(40)}`, { now });
    expect(long.warnings.map((w) => w.code)).toEqual(['longer_than_documented']);
    expect(long.warnings[0]!.message).toContain('Shopify documents 38');
  });
});
