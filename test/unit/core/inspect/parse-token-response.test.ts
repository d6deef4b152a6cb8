import { describe, expect, it } from 'vitest';
import { parseTokenResponse } from '../../../../src/core';
import { GITHUB_FORM_RESPONSE, RFC6749_ERROR, RFC6749_RESPONSE, RFC7519_JWT } from '../fixtures';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');

describe('parseTokenResponse', () => {
  it('reads the RFC 6749 §5.1 example, keeps the extra parameter and inspects each token', () => {
    const response = parseTokenResponse(RFC6749_RESPONSE, 'application/json;charset=UTF-8', { now: NOW });
    expect(response.format).toBe('json');
    expect(response.fields.example_parameter).toBe('example_value');
    expect(response.token_type).toBe('example');
    expect(response.expires_in).toBe(3600);
    expect(response.expiresAt).toBe('2026-11-22T11:00:00.000Z');
    expect(response.access_token?.value).toBe('2YotnFZFEjr1zCsicMWpAA');
    expect(response.access_token?.inspection).toMatchObject({ kind: 'opaque', length: 22 });
    expect(response.refresh_token?.inspection.token).toBe('tGzv3JOkF0XG5Qx2TlKWIA');
    expect(response.problems).toEqual([]);
  });

  it('reads GitHub’s form-encoded answer, decoding its scope', () => {
    const response = parseTokenResponse(GITHUB_FORM_RESPONSE, 'application/x-www-form-urlencoded; charset=utf-8');
    expect(response.format).toBe('form');
    expect(response.scope).toBe('repo,gist');
    expect(response.token_type).toBe('bearer');
    expect(response.access_token?.value).toBe('gho_16C7e42F292c6912E7710c838347Ae178B4a');
  });

  it('tells JSON from form by the body when there is no content type', () => {
    expect(parseTokenResponse(RFC6749_RESPONSE).format).toBe('json');
    expect(parseTokenResponse(GITHUB_FORM_RESPONSE).format).toBe('form');
  });

  it('decodes an OpenID Connect id_token', () => {
    const response = parseTokenResponse(JSON.stringify({ access_token: 'x', token_type: 'Bearer', id_token: RFC7519_JWT }));
    expect(response.id_token?.inspection.jwt?.payload?.iss).toBe('joe');
  });

  it('reads the RFC 6749 §5.2 error, and GitHub’s error sent with HTTP 200', () => {
    expect(parseTokenResponse(RFC6749_ERROR).error).toEqual({ code: 'invalid_request' });
    // https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors
    const github = parseTokenResponse(
      'error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-oauth-app-access-token-request-errors%2F%23bad-verification-code',
    );
    expect(github.error).toEqual({
      code: 'bad_verification_code',
      description: 'The code passed is incorrect or expired.',
      uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code',
    });
  });

  it('names what departs from RFC 6749 §5.1', () => {
    const response = parseTokenResponse('{"access_token":"abc","expires_in":"3600"}', undefined, { now: NOW });
    expect(response.expires_in).toBe(3600);
    expect(response.problems).toEqual([
      'expires_in is the string "3600"; RFC 6749 §5.1 makes it a number. Parse it before doing arithmetic with it.',
      'There is no token_type (RFC 6749 §5.1 requires it; "Bearer" is what most APIs expect).',
    ]);
    expect(parseTokenResponse('{"token_type":"Bearer"}').problems).toContain(
      'There is no access_token (RFC 6749 §5.1 requires one in a successful response).',
    );
  });

  it.each([
    ['', 'The body is empty.'],
    ['<html><body>502 Bad Gateway</body></html>', 'neither JSON nor form-encoded'],
    ['{"access_token": ', 'The body is not JSON'],
    ['[1,2]', 'not a JSON object'],
  ])('says why %j is unreadable', (body, problem) => {
    const response = parseTokenResponse(body);
    expect(response.format).toBe('unreadable');
    expect(response.problems.join(' ')).toContain(problem);
  });
});

describe('parseTokenResponse problems', () => {
  it('does not quote the token of a form body sent as application/json', () => {
    // GitHub's documented form-encoded answer, labelled JSON.
    const response = parseTokenResponse(GITHUB_FORM_RESPONSE, 'application/json', { now: NOW });
    expect(response.format).toBe('unreadable');
    expect(response.problems.join(' ')).toContain('The body is not JSON: it is form-encoded');
    expect(JSON.stringify(response.problems)).not.toContain('gho_16C7e42F292c6912E7710c838347Ae178B4a');
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig</body></html>', 'an HTML page'],
    ['a log line', 'access_token: ya29.a0AfH6SMBx3kq7Vv8Yt0pLmN2 expires 3600', ''],
    ['JSON cut short', '{"access_token":"ya29.a0AfH6SMBx3kq7Vv8Yt0pLmN2","token_type":', 'breaks off'],
  ])('describes %s it cannot read without quoting it', (_shape, body, description) => {
    const response = parseTokenResponse(body, 'application/json');
    expect(response.format).toBe('unreadable');
    expect(response.problems[0]).toContain(description);
    expect(JSON.stringify(response.problems)).not.toMatch(/ya29|eyJhbGci/);
  });
});

describe('parseTokenResponse never throws (found by npm run fuzz)', () => {
  it('leaves expiresAt out when now + expires_in is beyond what a Date holds', () => {
    const response = parseTokenResponse(RFC6749_RESPONSE, undefined, { now: Number.MAX_VALUE });
    expect(response.expires_in).toBe(3600);
    expect(response.expiresAt).toBeUndefined();
    expect(parseTokenResponse(RFC6749_RESPONSE, undefined, { now: NaN }).expiresAt).toBeUndefined();
  });

  it('names an expires_in nested too deep to quote', () => {
    const deep = `{"access_token":"a","token_type":"Bearer","expires_in":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(parseTokenResponse(deep).problems).toContain('expires_in is a list nested too deep to quote, not a number of seconds.');
  });

  it('describes a body of many name=value pairs in linear time (seven pairs before a space once took 50 s)', () => {
    const start = performance.now();
    expect(parseTokenResponse(`x=1${'&abcdefghijklmnopqrst'.repeat(200)} !`, 'application/json').problems[0]).toBe('The body is not JSON.');
    expect(parseTokenResponse(`x=1&${'b=c'.repeat(50_000)}`, 'application/json').problems[0]).toContain('it is form-encoded');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
