import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTokenRequest, isWatchedFailure, type HttpExchange } from '../../../../src/core';

const json = { 'Content-Type': 'application/json' };
const exchange = (status: number, body = '', request?: HttpExchange['request'], headers: Record<string, string> = {}): HttpExchange => ({
  ...(request ? { request } : {}),
  response: { status, headers, body },
});
const tokenRequest = { method: 'POST', url: 'https://app.example.com/oauth/token', body: 'grant_type=authorization_code&code=%5Bredacted%5D' };
const favicon = { method: 'GET', url: 'https://app.example.com/favicon.ico' };

describe('isWatchedFailure: which failures on a watched host are listed', () => {
  it("lists the statuses OAuth answers a client's mistake with", () => {
    // RFC 6749 §5.2 (400, 401), RFC 6750 §3.1 (401, 403), RFC 6585 §4 (429).
    for (const status of [400, 401, 403, 429]) expect(isWatchedFailure(exchange(status, '', favicon))).toBe(true);
  });

  it("leaves out a page's 404s and 405s, which are not OAuth failures", () => {
    expect(isWatchedFailure(exchange(404, '<h1>Not found</h1>', favicon))).toBe(false);
    expect(isWatchedFailure(exchange(405, '', { method: 'PUT', url: 'https://app.example.com/api' }))).toBe(false);
  });

  it('lists a failed token request whatever its status: a 404 there is a wrong token endpoint', () => {
    expect(isWatchedFailure(exchange(404, 'Not Found', tokenRequest))).toBe(true);
    expect(isWatchedFailure(exchange(405, '', tokenRequest))).toBe(true);
  });

  it('lists server errors, no response, an error in a 200 body and an error redirect', () => {
    expect(isWatchedFailure(exchange(503, '', favicon))).toBe(true);
    expect(isWatchedFailure(exchange(0, '(no response: NS_ERROR_CONNECTION_REFUSED)', tokenRequest))).toBe(true);
    // Slack answers errors with 200 and "ok": false (https://api.slack.com/methods/oauth.v2.access).
    expect(isWatchedFailure(exchange(200, '{"ok":false,"error":"invalid_code"}', tokenRequest, json))).toBe(true);
    // RFC 6749 §4.1.2.1: the authorization server redirects back with error=.
    expect(isWatchedFailure(exchange(302, '', { method: 'GET', url: 'https://as.example.com/authorize' }, { Location: 'https://client.example.com/cb?error=access_denied&state=xyz' }))).toBe(true);
  });

  it('leaves out successes', () => {
    expect(isWatchedFailure(exchange(200, '{"access_token":"[redacted]","token_type":"Bearer"}', tokenRequest, json))).toBe(false);
    expect(isWatchedFailure(exchange(302, '', { method: 'GET', url: 'https://as.example.com/authorize' }, { Location: 'https://client.example.com/cb?code=x&state=xyz' }))).toBe(false);
  });

  it('tells a form-encoded token request by its grant_type, wherever it stands in the body', () => {
    expect(isTokenRequest(tokenRequest)).toBe(true);
    expect(isTokenRequest({ method: 'POST', url: 'https://as.example.com/token', body: 'client_id=s6BhdRkqt3&grant_type=refresh_token' })).toBe(true);
    expect(isTokenRequest({ method: 'POST', url: 'https://app.example.com/api', body: 'not_grant_type=x' })).toBe(false);
    expect(isTokenRequest({ method: 'GET', url: 'https://as.example.com/token?grant_type=client_credentials' })).toBe(false);
    expect(isTokenRequest(undefined)).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isWatchedFailure(value as HttpExchange) === 'boolean'));
    // Found by npm run fuzz: a status Number() cannot convert threw.
    expect(isWatchedFailure({ response: { status: { toString: 1 }, headers: {}, body: '' } } as never)).toBe(true);
  });
});
