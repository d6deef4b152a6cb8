import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basicAuthorization, maskSecret, redactExchange, redactRequest, type HttpExchange, type HttpRequest } from '../../../../src/core';
import { secretNameKind } from '../../../../src/core/redact/secret-name-kind';
import { GITHUB_FORM_RESPONSE, RFC6749_BASIC, RFC6749_RESPONSE } from '../fixtures';

const FORM = 'application/x-www-form-urlencoded';

/** RFC 6749 §4.1.3: the authorization code grant's token request (client s6BhdRkqt3, secret gX1fBat3bV). */
const RFC6749_TOKEN_REQUEST: HttpRequest = {
  method: 'POST',
  url: 'https://server.example.com/token',
  headers: { Host: 'server.example.com', Authorization: `Basic ${RFC6749_BASIC}`, 'Content-Type': FORM },
  body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb',
};

/** RFC 6749 §6: refreshing an access token. */
const RFC6749_REFRESH_REQUEST: HttpRequest = {
  method: 'POST',
  url: 'https://server.example.com/token',
  headers: { Host: 'server.example.com', Authorization: `Basic ${RFC6749_BASIC}`, 'Content-Type': FORM },
  body: 'grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA',
};

/** RFC 7636 §4.5, with the code_verifier of its Appendix B. */
const RFC7636_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC7636_TOKEN_REQUEST: HttpRequest = {
  ...RFC6749_TOKEN_REQUEST,
  body: `${RFC6749_TOKEN_REQUEST.body}&code_verifier=${RFC7636_VERIFIER}`,
};

/** RFC 7009 §2.1: revoking a refresh token. */
const RFC7009_REVOCATION_REQUEST: HttpRequest = {
  method: 'POST',
  url: 'https://server.example.com/revoke',
  headers: { Host: 'server.example.com', 'Content-Type': FORM, Authorization: `Basic ${RFC6749_BASIC}` },
  body: 'token=45ghiukldjahdnhzdauz&token_type_hint=refresh_token',
};

/** RFC 7662 §2.1: introspection, the protected resource authenticating with a bearer token. */
const RFC7662_INTROSPECTION_REQUEST: HttpRequest = {
  method: 'POST',
  url: 'https://server.example.com/introspect',
  headers: { Host: 'server.example.com', Accept: 'application/json', 'Content-Type': FORM, Authorization: 'Bearer 23410913-abewfq.123483' },
  body: 'token=2YotnFZFEjr1zCsicMWpAA',
};

const RFC6749_EXCHANGE: HttpExchange = {
  request: RFC6749_TOKEN_REQUEST,
  response: { status: 200, headers: { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store', Pragma: 'no-cache' }, body: RFC6749_RESPONSE },
};

const RFC_SECRETS = [
  RFC6749_BASIC,
  'gX1fBat3bV',
  'SplxlOBeZQQYbYS6WxSbIA',
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  RFC7636_VERIFIER,
  '45ghiukldjahdnhzdauz',
  '23410913-abewfq.123483',
];

function expectNoSecrets(value: unknown, secrets: readonly string[] = RFC_SECRETS): void {
  const serialized = JSON.stringify(value);
  for (const secret of secrets) expect(serialized).not.toContain(secret);
}

describe('redactRequest on the RFC examples', () => {
  it('masks the Basic credentials and the code of RFC 6749 §4.1.3, and keeps every other byte', () => {
    expect(redactRequest(RFC6749_TOKEN_REQUEST)).toEqual({
      method: 'POST',
      url: 'https://server.example.com/token',
      headers: { Host: 'server.example.com', Authorization: 'Basic <redacted client_id "s6BhdRkqt3", secret •••• (10 chars)>', 'Content-Type': FORM },
      // redirect_uri keeps its unusual "%2E"s: a byte-for-byte copy, not a re-encoding.
      body: 'grant_type=authorization_code&code=••••+(22+chars)&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb',
    });
  });

  it('leaves a body that a form parser still reads, with the mask as the value', () => {
    const body = new URLSearchParams(redactRequest(RFC6749_TOKEN_REQUEST).body);
    expect(body.get('code')).toBe(maskSecret('SplxlOBeZQQYbYS6WxSbIA'));
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('redirect_uri')).toBe('https://client.example.com/cb');
  });

  it.each([
    ['RFC 6749 §4.1.3', RFC6749_TOKEN_REQUEST, ['code']],
    ['RFC 6749 §6', RFC6749_REFRESH_REQUEST, ['refresh_token']],
    ['RFC 7636 §4.5', RFC7636_TOKEN_REQUEST, ['code', 'code_verifier']],
    ['RFC 7009 §2.1', RFC7009_REVOCATION_REQUEST, ['token']],
    ['RFC 7662 §2.1', RFC7662_INTROSPECTION_REQUEST, ['token']],
  ])('%s: no secret survives, the other fields do', (_, request, secretFields) => {
    const redacted = redactRequest(request);
    expectNoSecrets(redacted);
    expect(redacted.method).toBe(request.method);
    expect(redacted.url).toBe(request.url);
    const before = new URLSearchParams(request.body);
    const after = new URLSearchParams(redacted.body);
    before.forEach((value, name) => {
      expect(after.get(name)).toBe(secretFields.includes(name) ? maskSecret(value) : value);
    });
    for (const name of ['Host', 'Content-Type', 'Accept']) expect(redacted.headers?.[name]).toBe(request.headers?.[name]);
  });

  it('keeps the scheme of a Bearer header (RFC 7662 §2.1)', () => {
    expect(redactRequest(RFC7662_INTROSPECTION_REQUEST).headers?.Authorization).toBe('Bearer <redacted •••• (22 chars)>');
  });

  it('masks client_secret, client_assertion and password in a form body', () => {
    const assertion = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjIyIn0.eyJpc3MiOiJzNkJoZFJrcXQzIn0.c2lnbmF0dXJl';
    const request = redactRequest({
      method: 'POST',
      url: 'https://server.example.com/token',
      headers: { 'content-type': FORM },
      body: `grant_type=password&username=johndoe&password=A3ddj3w&client_id=s6BhdRkqt3&client_secret=gX1fBat3bV&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=${assertion}`,
    });
    expectNoSecrets(request, ['A3ddj3w', 'gX1fBat3bV', assertion]);
    const body = new URLSearchParams(request.body);
    expect(body.get('username')).toBe('johndoe');
    expect(body.get('client_id')).toBe('s6BhdRkqt3');
    expect(body.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  });

  it('masks secrets in the query and the fragment of the request URL', () => {
    const request = redactRequest({ method: 'GET', url: 'https://api.example.com/me?access_token=mF_9.B5f-4.1JqM&fields=name#id_token=eyJhbGciOiJub25lIn0.e30.' });
    expectNoSecrets(request, ['mF_9.B5f-4.1JqM', 'eyJhbGciOiJub25lIn0.e30.']);
    const url = new URL(request.url);
    expect(url.searchParams.get('access_token')).toBe(maskSecret('mF_9.B5f-4.1JqM'));
    expect(url.searchParams.get('fields')).toBe('name');
  });

  it('masks a password in the URL userinfo and keeps the user name', () => {
    const request = redactRequest({ method: 'GET', url: 'https://alice:correct%20horse@server.example.com/' });
    expect(request.url).toBe('https://alice:••••%20(13%20chars)@server.example.com/');
  });

  it('matches header names in any case and keeps them as given', () => {
    const headers = redactRequest({
      method: 'GET',
      url: 'https://server.example.com/resource',
      headers: { AUTHORIZATION: 'Bearer mF_9.B5f-4.1JqM', 'proxy-authorization': 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', cOOkie: 'sid=31d4d96e407aad42' },
    }).headers!;
    expect(Object.keys(headers)).toEqual(['AUTHORIZATION', 'proxy-authorization', 'cOOkie']);
    expect(headers.AUTHORIZATION).toBe('Bearer <redacted •••• (15 chars)>');
    expect(headers['proxy-authorization']).toBe('Basic <redacted client_id "Aladdin", secret •••• (11 chars)>');
    expect(headers.cOOkie).toBe('sid=•••• (16 chars)');
  });

  it('masks a header value that has no scheme at all, and keeps a bare scheme', () => {
    expect(redactRequest({ method: 'GET', url: '', headers: { Authorization: 'mF_9.B5f-4.1JqM' } }).headers?.Authorization).toBe('<redacted •••• (15 chars)>');
    expect(redactRequest({ method: 'GET', url: '', headers: { Authorization: 'Bearer ' } }).headers?.Authorization).toBe('Bearer ');
  });
});

describe('redactExchange', () => {
  it('masks the tokens of the RFC 6749 §5.1 response and keeps the JSON as it was around them', () => {
    const redacted = redactExchange(RFC6749_EXCHANGE);
    expectNoSecrets(redacted);
    expect(redacted.response.body).toBe(
      `{"access_token":"${maskSecret('2YotnFZFEjr1zCsicMWpAA')}","token_type":"example","expires_in":3600,"refresh_token":"${maskSecret('tGzv3JOkF0XG5Qx2TlKWIA')}","example_parameter":"example_value"}`,
    );
    expect(redacted.response.headers).toEqual(RFC6749_EXCHANGE.response.headers);
    expect(redacted.response.status).toBe(200);
  });

  it('keeps white space, key order and number spelling of a JSON body', () => {
    const body = '{\n  "token_type" : "Bearer",\n  "expires_in": 3.6e3,\n  "id_token": "eyJhbGciOiJub25lIn0.e30.",\n  "scope": "openid"\n}\n';
    const redacted = redactExchange({ response: { status: 200, headers: {}, body } });
    expect(redacted.response.body).toBe(body.replace('eyJhbGciOiJub25lIn0.e30.', maskSecret('eyJhbGciOiJub25lIn0.e30.')));
  });

  it('masks nested fields, arrays under a secret name, and everything beneath one', () => {
    const body = JSON.stringify({
      data: { session: { access_token: 'at-0123456789abcdef' } },
      issued: [{ refresh_token: 'rt-0123456789abcdef' }],
      token: ['tk-one-0123456789', 'tk-two-0123456789'],
      subject_token: { value: 'st-0123456789abcdef' },
      error: { code: 401, message: 'expired' },
    });
    const redacted = redactExchange({ response: { status: 200, headers: { 'content-type': 'application/json' }, body } });
    expectNoSecrets(redacted, ['at-0123456789abcdef', 'rt-0123456789abcdef', 'tk-one-0123456789', 'tk-two-0123456789', 'st-0123456789abcdef']);
    // A number under "code" is an error status far more often than a grant.
    expect(JSON.parse(redacted.response.body).error).toEqual({ code: 401, message: 'expired' });
  });

  it('reads escaped JSON keys as the server does', () => {
    const redacted = redactExchange({ response: { status: 200, headers: {}, body: '{"access\\u005ftoken":"2YotnFZFEjr1zCsicMWpAA"}' } });
    expectNoSecrets(redacted);
  });

  it('masks the code in the Location of RFC 6749 §4.1.2 and the token in the fragment of §4.2.2', () => {
    const code = redactExchange({ response: { status: 302, headers: { Location: 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz' }, body: '' } });
    expect(code.response.headers.Location).toBe('https://client.example.com/cb?code=••••+(22+chars)&state=xyz');
    const implicit = redactExchange({
      response: { status: 302, headers: { location: 'http://example.com/cb#access_token=2YotnFZFEjr1zCsicMWpAA&state=xyz&token_type=example&expires_in=3600' }, body: '' },
    });
    expect(implicit.response.headers.location).toBe('http://example.com/cb#access_token=••••+(22+chars)&state=xyz&token_type=example&expires_in=3600');
  });

  it('masks a code that a hash-routed app receives after "#/route?"', () => {
    const redacted = redactRequest({ method: 'GET', url: 'https://app.example/#/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz' });
    expect(redacted.url).toBe('https://app.example/#/callback?code=••••+(22+chars)&state=xyz');
  });

  it('masks cookie values and keeps names and attributes, also when several Set-Cookie are folded into one', () => {
    const redacted = redactExchange({
      response: {
        status: 200,
        headers: { 'Set-Cookie': 'SID=31d4d96e407aad42; Path=/; Secure; HttpOnly, lang=en-US; Expires=Wed, 09 Jun 2021 10:18:14 GMT\nflag=on; SameSite=Lax' },
        body: '',
      },
    });
    expect(redacted.response.headers['Set-Cookie']).toBe(
      'SID=•••• (16 chars); Path=/; Secure; HttpOnly, lang=•••• (5 chars); Expires=Wed, 09 Jun 2021 10:18:14 GMT\nflag=•••• (2 chars); SameSite=Lax',
    );
  });

  it('reads a form-encoded response without a Content-Type as a form (GitHub)', () => {
    const redacted = redactExchange({ response: { status: 200, headers: {}, body: GITHUB_FORM_RESPONSE } });
    expect(redacted.response.body).toBe(`access_token=gho_…8B4a+(40+chars)&scope=repo%2Cgist&token_type=bearer`);
  });

  it('masks token-looking values in a body that is neither form nor JSON', () => {
    const page = [
      '<html><body onload="document.forms[0].submit()">',
      '<form method="post" action="https://client.example.com/cb">',
      '<input type="hidden" name="code" value="SplxlOBeZQQYbYS6WxSbIA"/>',
      "<input type='hidden' name='state' value='xyz'/>",
      '</form></body></html>',
    ].join('\n');
    const redacted = redactExchange({ response: { status: 200, headers: { 'content-type': 'text/html' }, body: page } });
    expect(redacted.response.body).toBe(page.replace('SplxlOBeZQQYbYS6WxSbIA', maskSecret('SplxlOBeZQQYbYS6WxSbIA')));

    const text = 'upstream said: error_code=17 grant_type=refresh_token refresh_token=tGzv3JOkF0XG5Qx2TlKWIA; {"access_token": "2YotnFZFEjr1zCsicMWpAA", truncated';
    const log = redactExchange({ response: { status: 500, headers: { 'content-type': 'text/plain' }, body: text } });
    expectNoSecrets(log);
    expect(log.response.body).toBe(
      'upstream said: error_code=17 grant_type=refresh_token refresh_token=••••+(22+chars); {"access_token": "•••• (22 chars)", truncated',
    );
  });

  it('does not change its input, and adds no request where there was none', () => {
    const copy = structuredClone(RFC6749_EXCHANGE);
    redactExchange(RFC6749_EXCHANGE);
    expect(RFC6749_EXCHANGE).toEqual(copy);
    expect('request' in redactExchange({ response: RFC6749_EXCHANGE.response })).toBe(false);
  });

  it('leaves an exchange without secrets exactly as it was', () => {
    const exchange: HttpExchange = {
      request: { method: 'GET', url: 'https://server.example.com/.well-known/openid-configuration?x=%2E', headers: { Accept: 'application/json' } },
      response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"issuer":"https://server.example.com","response_types_supported":["code"]}' },
    };
    expect(redactExchange(exchange)).toEqual(exchange);
  });

  it('can be applied twice: masks are kept, not masked again', () => {
    const once = redactExchange(RFC6749_EXCHANGE);
    expect(redactExchange(once)).toEqual(once);
  });
});

describe('redaction properties', () => {
  // Printable ASCII, any UTF-16 code unit, and the characters that split and quote the places a secret goes.
  const delimiters = fc.constantFrom(...'&=%+"\\ ;,:\n\t<>\'#?[]{}aZ09-._~'.split(''));
  const secretArbitrary = fc.oneof(
    fc.string({ minLength: 8, maxLength: 60 }),
    fc.string({ unit: 'binary', minLength: 8, maxLength: 60 }),
    fc.string({ unit: delimiters, minLength: 8, maxLength: 60 }),
  );

  function exchangeWith(secret: string, scheme: 'Basic' | 'Bearer'): HttpExchange {
    return {
      request: {
        method: 'POST',
        url: 'https://server.example.com/token',
        headers: {
          Authorization: scheme === 'Basic' ? basicAuthorization('s6BhdRkqt3', secret) : `Bearer ${secret}`,
          'Content-Type': FORM,
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: secret, client_secret: secret, refresh_token: secret, scope: 'openid' }).toString(),
      },
      response: {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_secret: secret, code: secret, refresh_token: secret, token_type: 'Bearer' }),
      },
    };
  }

  /** Every spelling under which the secret could show up in a serialized exchange. */
  function spellings(secret: string, scheme: 'Basic' | 'Bearer'): string[] {
    const formEncoded = new URLSearchParams({ x: secret }).toString().slice(2);
    const jsonEscaped = JSON.stringify(secret).slice(1, -1);
    const header = exchangeWith(secret, scheme).request!.headers!.Authorization!.replace(/^\S+ /, '');
    return [secret, formEncoded, jsonEscaped, JSON.stringify(formEncoded).slice(1, -1), JSON.stringify(jsonEscaped).slice(1, -1), header];
  }

  it('no secret of 8 characters or more survives in a form body, a JSON body or an Authorization header', () => {
    fc.assert(
      fc.property(secretArbitrary, fc.constantFrom('Basic' as const, 'Bearer' as const), (secret, scheme) => {
        // A secret that is a piece of the surrounding text (or of its own mask) is no evidence of a leak.
        const placeholder = redactExchange(exchangeWith('x'.repeat(secret.length), scheme));
        const surroundings = JSON.stringify(placeholder) + maskSecret(secret) + JSON.stringify(maskSecret(secret));
        fc.pre(spellings(secret, scheme).every((spelling) => !surroundings.includes(spelling)));

        const redacted = redactExchange(exchangeWith(secret, scheme));
        const serialized = JSON.stringify(redacted);
        for (const spelling of spellings(secret, scheme)) expect(serialized).not.toContain(spelling);
        new URLSearchParams(redacted.request!.body).forEach((value) => expect(value).not.toContain(secret));
        for (const value of Object.values(JSON.parse(redacted.response.body) as Record<string, string>)) expect(value).not.toContain(secret);
        expect(new URLSearchParams(redacted.request!.body).get('scope')).toBe('openid');
        expect(JSON.parse(redacted.response.body).token_type).toBe('Bearer');
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves form bodies and URLs without secret fields byte for byte', () => {
    const name = fc.string({ minLength: 1, maxLength: 12 }).filter((n) => !/[&=]/.test(n) && secretNameKind(n) === undefined);
    const pairs = fc.array(fc.tuple(name, fc.string({ maxLength: 20 })), { maxLength: 8 });
    fc.assert(
      fc.property(pairs, (entries) => {
        const body = new URLSearchParams(entries).toString();
        const request: HttpRequest = { method: 'POST', url: `https://server.example.com/token?${body}#${body}`, headers: { 'content-type': FORM }, body };
        expect(redactRequest(request)).toEqual(request);
      }),
    );
  });

  it('is idempotent', () => {
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.dictionary(fc.constantFrom('code', 'access_token', 'state', 'token', 'x'), fc.string()).map((o) => new URLSearchParams(o).toString()),
      fc.dictionary(fc.constantFrom('code', 'access_token', 'state', 'token', 'x'), fc.jsonValue()).map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(body, fc.string(), (text, credentials) => {
        const exchange: HttpExchange = {
          request: { method: 'POST', url: `https://as.example/?${text}`, headers: { Authorization: credentials, Cookie: text }, body: text },
          response: { status: 200, headers: { 'Set-Cookie': text, Location: text }, body: text },
        };
        const once = redactExchange(exchange);
        expect(redactExchange(once)).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever it is given', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const text = fc.oneof(fc.string({ unit: codeUnit, maxLength: 200 }), fc.json(), fc.string({ unit: fc.constantFrom(...'{}[]":,\\u&=%+ ;<>\'input name=value code token'.split('')), maxLength: 200 }));
    const headers = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('Authorization', 'cookie', 'Set-Cookie', 'Location', 'Content-Type', '__proto__'), fc.string()), text), fc.anything());
    const request = fc.oneof(fc.record({ method: fc.string(), url: text, headers, body: text }, { requiredKeys: [] }), fc.anything());
    const response = fc.oneof(fc.record({ status: fc.integer(), headers, body: text }, { requiredKeys: [] }), fc.anything());
    fc.assert(
      fc.property(fc.oneof(fc.record({ request, response }, { requiredKeys: [] }), fc.anything()), (exchange) => {
        redactExchange(exchange as HttpExchange);
        redactRequest(exchange as HttpRequest);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not overflow the stack on deeply nested JSON', () => {
    const deep = `${'['.repeat(200_000)}"x"${']'.repeat(200_000)}`;
    expect(redactExchange({ response: { status: 200, headers: {}, body: `{"token":${deep}}` } }).response.body).toBe(`{"token":${deep.replace('"x"', '"•••• (1 chars)"')}}`);
  });
});

describe('Basic credentials', () => {
  it('keep the client id and show nothing of the secret, not even the base64 tail that decodes to its end', () => {
    const shown = redactRequest({ method: 'POST', url: 'https://as.example/token', headers: { authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW' } }).headers!.authorization!;
    expect(shown).toBe('Basic <redacted client_id "s6BhdRkqt3", secret •••• (10 chars)>');
    for (const leak of ['M2JW', '3bV', 'gX1f', 'czZC']) expect(shown).not.toContain(leak);
  });
});
