import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_TEXTS, explainExchange, isErrorExchange, readError, tokenResponseWarnings, type HttpExchange } from '../../../../src/core';

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyString = fc.string({ unit: codeUnit, maxLength: 200 });
// Values an explainer reacts to, so its branches meet odd combinations.
const oauthish = fc.constantFrom(
  'invalid_grant', 'invalid_client', 'invalid_token', 'access_denied', 'slow_down', 'AADSTS70008', 'Bearer', 'Basic realm="x"',
  'Bearer error="invalid_token", error_description="expired"', '120', 'Fri, 31 Dec 1999 23:59:59 GMT', '0', '1691591363', '-1', 'NaN',
  'https://api.github.com/user', 'https://login.microsoftonline.com/common/oauth2/v2.0/token', 'https://x/cb?error=access_denied',
  'AADSTS9002326', 'Invalid origin', 'Invalid CORS request', 'origin chrome-extension://abc not allowed for client: x', 'chrome-extension://abc',
);
const text = fc.oneof(anyString, oauthish);
const headerName = fc.oneof(
  fc.constantFrom('WWW-Authenticate', 'www-authenticate', 'Retry-After', 'Location', 'Content-Type', 'Date', 'x-ratelimit-remaining', 'X-RateLimit-Reset', 'RateLimit', 'RateLimit-Policy', 'Origin', '__proto__'),
  anyString,
);
const body = fc.oneof(
  anyString,
  fc.json(),
  fc.dictionary(fc.oneof(fc.constantFrom('error', 'error_description', 'ok', 'errors', 'code', 'message', 'error_codes', 'Fault'), anyString), fc.jsonValue()).map((o) => JSON.stringify(o)),
  fc.dictionary(fc.constantFrom('error', 'error_description', 'error_uri'), text).map((o) => new URLSearchParams(o).toString()),
  fc.dictionary(fc.constantFrom('access_token', 'refresh_token', 'token_type', 'expires_in'), fc.oneof(text, fc.jsonValue())).map((o) => JSON.stringify(o)),
);
// Why no answer was read, as the recorder classifies it, and shapes it never makes.
const noResponse = fc.oneof(
  fc.record(
    {
      kind: fc.constantFrom('preflight_refused', 'answer_hidden', 'unreachable', 'timeout', 'connection_lost', 'bogus'),
      hostPermission: text,
      possibleCauses: fc.oneof(fc.array(text, { maxLength: 3 }), fc.anything()),
      browserMessage: fc.oneof(text, fc.anything()),
    },
    { requiredKeys: ['kind'] },
  ),
  fc.anything(),
);
const exchange = fc.record(
  {
    request: fc.record({ method: fc.constantFrom('GET', 'POST'), url: text, headers: fc.dictionary(headerName, text), body: fc.oneof(body, fc.constant('grant_type=authorization_code&code=x')) }, { requiredKeys: ['method', 'url'] }),
    response: fc.record({ status: fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.constantFrom(NaN, Infinity, 0, 0, 0, 200, 302, 400, 401, 403, 429)), headers: fc.dictionary(headerName, text), body }),
    noResponse,
  },
  { requiredKeys: ['response'] },
) as fc.Arbitrary<HttpExchange>;
const history = fc.record(
  {
    step: fc.constantFrom('token', 'refresh', 'api', 'userinfo', 'revoke', 'authorize'),
    grantType: fc.constantFrom('authorization_code', 'refresh_token'),
    codeHash: text,
    codeFirstRedeemedAt: text,
    redirectUriAtAuthorization: text,
    redirectUriAtExchange: text,
    tokenRevokedAt: text,
    tokenExpiresAt: text,
    authMethodsSupported: fc.array(text, { maxLength: 3 }),
    codeFirstRedeemedUnread: fc.oneof(fc.boolean(), fc.anything()),
    tokenRequestsAs: fc.constantFrom('server', 'browser', 'other'),
    requestedScope: fc.oneof(text, fc.constant('openid offline_access'), fc.anything()),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, unknown>>;

describe('explainExchange never throws', () => {
  it('on any exchange and history; a diagnosis keeps its contract', () => {
    fc.assert(
      fc.property(exchange, history, (ex, hist) => {
        const diagnosis = explainExchange(ex, hist);
        expect(diagnosis === null).toBe(!isErrorExchange(ex));
        if (!diagnosis) return;
        expect(diagnosis.candidates[0]).toBe(diagnosis.category);
        expect(diagnosis.candidates.length).toBeGreaterThan(0);
        expect(diagnosis.candidates.length).toBeLessThanOrEqual(5);
        expect(new Set(diagnosis.candidates).size).toBe(diagnosis.candidates.length);
        expect(diagnosis.title).toContain(CATEGORY_TEXTS[diagnosis.category].title);
        expect(diagnosis.explanation.length).toBeGreaterThan(0);
        expect(diagnosis.fixes.length).toBeGreaterThan(0);
        expect(diagnosis.evidence.length).toBeGreaterThan(0);
        if (diagnosis.retryAfterSeconds !== undefined) expect(Number.isInteger(diagnosis.retryAfterSeconds) && diagnosis.retryAfterSeconds >= 0).toBe(true);
        // Status 0: nothing was read, so nothing may be put in the server's mouth.
        if (Number(ex?.response?.status) === 0 || !Number.isFinite(Number(ex?.response?.status))) {
          expect(diagnosis.evidence.some((line) => line.startsWith('The server says'))).toBe(false);
          expect(diagnosis.serverMessage).toBeUndefined();
        }
      }),
      { numRuns: 1500 },
    );
  });

  // The background counts errors with isErrorExchange alone, without readError's reading.
  it('isErrorExchange tells exactly the exchanges readError reads an error in', () => {
    fc.assert(
      fc.property(exchange, (ex) => {
        expect(isErrorExchange(ex)).toBe(readError(ex) !== null);
      }),
      { numRuns: 3000 },
    );
  });

  it('tokenResponseWarnings never throws either, and warns only about 2xx answers', () => {
    fc.assert(
      fc.property(exchange, history, (ex, hist) => {
        const warnings = tokenResponseWarnings(ex, hist as never);
        expect(Array.isArray(warnings)).toBe(true);
        if (warnings.length > 0) expect(ex.response.status >= 200 && ex.response.status < 300).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('on values that are not exchanges at all', () => {
    for (const value of [null, undefined, 0, '', [], {}, { response: null }, { response: { status: '401' } }, { response: { status: 401, headers: null, body: 5 } }]) {
      expect(() => explainExchange(value as unknown as HttpExchange, value as never)).not.toThrow();
    }
    const hostile = { get response(): never { throw new Error('boom'); } };
    expect(() => explainExchange(hostile as unknown as HttpExchange)).not.toThrow();
    const hostileNoResponse = { response: { status: 0, headers: {}, body: '' }, get noResponse(): never { throw new Error('boom'); } };
    expect(() => explainExchange(hostileNoResponse as unknown as HttpExchange)).not.toThrow();
    expect(() => tokenResponseWarnings(hostile as unknown as HttpExchange, hostile as never)).not.toThrow();
    for (const value of [null, undefined, 0, '', [], {}]) expect(tokenResponseWarnings(value as unknown as HttpExchange, value as never)).toEqual([]);
  });
});
