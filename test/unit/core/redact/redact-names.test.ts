import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEPT_NAMES, SECRET_NAMES, redactExchange, redactText, redactUrl, type HttpExchange } from '../../../../src/core';
import { secretNameKind } from '../../../../src/core/redact/secret-name-kind';

describe('secret names', () => {
  it('each rule and each exception names its source', () => {
    for (const rule of SECRET_NAMES) {
      expect(rule.source).toMatch(/^https:\/\//);
      expect(rule.pattern).toMatch(/^\*?[a-z0-9]+$/);
    }
    for (const entry of KEPT_NAMES) expect(entry.source).toMatch(/^https:\/\//);
  });

  it.each([
    ['client_secret', 'password'],
    ['clientSecret', 'password'],
    ['CLIENT-SECRET', 'password'],
    ['user[password]', 'password'],
    ['SecretAccessKey', 'password'],
    ['private_key', 'password'],
    ['Authorization', 'credentials'],
    ['Proxy-Authorization', 'credentials'],
    ['X-Api-Key', 'token'],
    ['PRIVATE-TOKEN', 'token'],
    ['Ocp-Apim-Subscription-Key', 'token'],
    ['DPoP', 'token'],
    ['AccessToken', 'token'],
    ['id_token_hint', 'token'],
    ['code', 'token'],
    ['code_verifier', 'token'],
    ['oauth_verifier', 'token'],
    ['device_code', 'token'],
    ['auth_req_id', 'token'],
    ['SAMLResponse', 'token'],
    ['otp', 'token'],
    ['sig', 'token'],
    ['X-Amz-Signature', 'token'],
    ['X-Amz-Credential', 'token'],
    ['JSESSIONID', 'token'],
    ['session', 'token'],
  ])('%s is a secret (%s)', (name, kind) => {
    expect(secretNameKind(name)).toBe(kind);
  });

  // What a developer needs to read: RFC 6749 §4.1.1, §5.1, §5.2, RFC 7636 §4.3, RFC 7591 §2 and §3.2.1,
  // RFC 7517 §4.5 and §5, RFC 8628 §3.2, OIDC Session Management §2, RFC 7009 §2.1, RFC 8693 §2.1.
  it.each([
    'token_type',
    'token_type_hint',
    'expires_in',
    'error',
    'error_description',
    'error_uri',
    'error_code',
    'grant_type',
    'response_type',
    'code_challenge',
    'code_challenge_method',
    'token_endpoint_auth_method',
    'client_secret_expires_at',
    'client_assertion_type',
    'subject_token_type',
    'keys',
    'kid',
    'client_id',
    'scope',
    'state',
    'nonce',
    'session_state',
    'user_code',
    'redirect_uri',
    'publicKey',
    'Idempotency-Key',
    'pageToken',
    'Content-Type',
    'WWW-Authenticate',
  ])('%s is not a secret', (name) => {
    expect(secretNameKind(name)).toBeUndefined();
  });
});

describe('redaction keeps what a developer needs', () => {
  it('keeps a JWK Set of public keys (RFC 7517 Appendix A.1)', () => {
    const jwks = '{"keys":[{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","use":"enc","kid":"1"}]}';
    expect(redactExchange({ response: { status: 200, headers: {}, body: jwks } }).response.body).toBe(jwks);
  });

  it('masks a JWK\'s private member, not its public ones (RFC 7517 Appendix A.2)', () => {
    const body = '{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","d":"870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE","kid":"1"}';
    const shown = JSON.parse(redactExchange({ response: { status: 200, headers: {}, body } }).response.body);
    expect(shown.d).toBe('•••• (43 chars)');
    expect(shown.x).toBe('MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4');
  });

  it('keeps error codes under "code": numbers, and strings inside an error object (Stripe, https://docs.stripe.com/api/errors)', () => {
    const body = '{"error":{"code":"resource_missing","type":"invalid_request_error","message":"No such customer"},"code":401}';
    expect(redactExchange({ response: { status: 404, headers: {}, body } }).response.body).toBe(body);
  });

  it('keeps AWS\'s XML <Code> and HTML\'s <code> (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html)', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message></Error>';
    expect(redactText(xml)).toBe(xml);
    const html = '<p>Missing parameter <code>client_id</code>.</p>';
    expect(redactText(html)).toBe(html);
  });

  it('shows passwords and client secrets by length only, long tokens by their ends', () => {
    const token = 'gho_16C7e42F292c6912E7710c838347Ae178B4a';
    const body = `{"client_secret":"${'s'.repeat(40)}","access_token":"${token}","password":"correct-horse-bat"}`;
    expect(JSON.parse(redactExchange({ response: { status: 200, headers: {}, body } }).response.body)).toEqual({
      client_secret: '•••• (40 chars)',
      access_token: 'gho_…8B4a (40 chars)',
      password: '•••• (17 chars)',
    });
  });

  it('writes a mask in a log line as it reads, and in a query as one form-encoded word', () => {
    expect(redactText('10:00:00 access_token: 2YotnFZFEjr1zCsicMWpAA expired')).toBe('10:00:00 access_token: •••• (22 chars) expired');
    // A line that starts with the name reads as a header: all of the rest is the value.
    expect(redactText('password: correct horse battery staple')).toBe('password: •••• (28 chars)');
    expect(redactUrl('https://client.example.com/cb?a=1;code=SplxlOBeZQQYbYS6WxSbIA;state=xyz')).toBe('https://client.example.com/cb?a=1;code=••••+(22+chars);state=xyz');
  });

  it('masks a token as the user part of a URL, and keeps a short user name', () => {
    expect(redactUrl('https://ghs_16C7e42F292c6912E7710c838347Ae178B4a@github.com/o/r.git')).toBe('https://ghs_…8B4a%20(40%20chars)@github.com/o/r.git');
    expect(redactUrl('ssh://git@github.com/o/r.git')).toBe('ssh://git@github.com/o/r.git');
    expect(redactUrl('https://alice:wonderland@example.com/')).toBe('https://alice:••••%20(10%20chars)@example.com/');
  });

  it('keeps the Authorization scheme in text and masks the credentials after it', () => {
    expect(redactText('<pre>Authorization: Bearer mF_9.B5f-4.1JqM</pre>')).toBe('<pre>Authorization: Bearer <redacted •••• (15 chars)></pre>');
    expect(redactText('Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW')).toBe('Authorization: Basic <redacted client_id "s6BhdRkqt3", secret •••• (10 chars)>');
  });

  it('leaves prose without secret names alone', () => {
    const text = 'HTTP Basic: Access denied.\nerror=invalid_grant error_description: The code has expired (token_type: Bearer, expires_in=3600)';
    expect(redactText(text)).toBe(text);
  });
});

describe('redaction properties over any input', () => {
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  const pieces = fc.constantFrom(
    ...'=:&;?#@<>/"\'\\ \n\r\t{}[]%+,'.split(''),
    'code',
    'access_token',
    'Authorization: Bearer ',
    'Basic ',
    'client_secret',
    'password',
    '<password>',
    '</password>',
    '<input name="code" value=',
    'Content-Disposition: form-data; name="otp"\r\n\r\n',
    '\r\n--b',
    'https://',
    'x-access-token:',
    '••••',
    ' (12 chars)',
    '…',
    '<redacted ',
    '"',
  );
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: codeUnit, maxLength: 200 }),
    fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join('')),
  );

  it.each([
    // Found by the property below: the credentials word is read as "code:" and a value of its own.
    [' Authorization: Bearer code:(', ' Authorization: Bearer code:•••• (1 chars)'],
    ['Authorization: token=abc', 'Authorization: <redacted •••• (9 chars)>'],
  ])('redacts %j once and for all', (input, redacted) => {
    expect(redactText(input)).toBe(redacted);
    expect(redactText(redactText(input))).toBe(redacted);
  });

  it('redactText and redactUrl are idempotent and never throw on any string', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = redactText(input);
        expect(redactText(once)).toBe(once);
        const url = redactUrl(input);
        expect(redactUrl(url)).toBe(url);
      }),
      { numRuns: 3000 },
    );
  });

  it('redactExchange is idempotent and never throws on any object', () => {
    const secretKey = fc.constantFrom('code', 'Access-Token', 'clientSecret', 'password', 'otp', 'authorization', 'name', 'value', 'kty', 'd', 'error', 'x');
    const json = fc.oneof(fc.jsonValue(), fc.dictionary(secretKey, fc.jsonValue())).map((value) => JSON.stringify(value));
    const body = fc.oneof(text, json);
    const headers = fc.dictionary(fc.oneof(secretKey, fc.constantFrom('Content-Type', 'Location', 'Refresh', 'Link', 'Cookie', 'Set-Cookie', 'X-Api-Key')), fc.oneof(text, fc.constantFrom('application/json', 'multipart/form-data', 'text/html')));
    const exchange = fc.record({
      request: fc.record({ method: fc.constant('POST'), url: text, headers, body }),
      response: fc.record({ status: fc.integer({ min: 0, max: 599 }), headers, body }),
    });
    fc.assert(
      fc.property(exchange, (value) => {
        const once = redactExchange(value as HttpExchange);
        expect(redactExchange(once)).toEqual(once);
      }),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        redactExchange(value as HttpExchange);
        redactExchange({ response: value } as HttpExchange);
        redactExchange({ request: value, response: { status: 400, headers: value, body: JSON.stringify(value) ?? '' } } as HttpExchange);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps text that names no secret byte for byte', () => {
    const name = fc.constantFrom('token_type', 'expires_in', 'error', 'error_description', 'grant_type', 'client_id', 'scope', 'state', 'kid', 'keys', 'redirect_uri');
    const value = fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~+/%'.split('')), maxLength: 30 });
    const separator = fc.constantFrom('=', ': ', '="');
    const joint = fc.constantFrom('&', ' ', '\n', '; ', ', ');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, separator, value, joint), { maxLength: 10 }), (pairs) => {
        const input = pairs.map(([n, s, v, j]) => `${n}${s}${v}${s.endsWith('"') ? '"' : ''}${j}`).join('');
        expect(redactText(input)).toBe(input);
        expect(redactUrl(`https://client.example.com/cb?${input}`)).toBe(`https://client.example.com/cb?${input}`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('redaction of large inputs', () => {
  // Each of these once made a pattern rescan the rest of the text at every occurrence.
  it.each([
    ['part headers without a blank line', 'Content-Disposition: form-data; name="a"\n'],
    ['part headers on one endless line', 'Content-Disposition: form-data; name="a" '],
    ['dotted words before an @', 'a.'],
    ['unclosed secret elements', '<password>'],
    ['unterminated quotes', 'password="'],
  ])('1 MB of %s is redacted in linear time', (_, unit) => {
    const body = `${unit.repeat(Math.ceil(1_000_000 / unit.length))}@`;
    const started = performance.now();
    redactExchange({ response: { status: 500, headers: { 'Content-Type': 'text/plain' }, body } });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('1 MB of white space inside a secret element is redacted in linear time (found by npm run fuzz)', () => {
    const started = performance.now();
    expect(redactText(`<password> a${' '.repeat(1_000_000)}b </password>`)).toBe('<password> •••• (1000002 chars) </password>');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
