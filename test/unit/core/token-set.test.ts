import { describe, expect, it } from 'vitest';
import { readTokenSet } from '../../../src/core';

describe('readTokenSet', () => {
  it('accepts the RFC 6749 §5.1 example, keeping the extra parameter', () => {
    const body =
      '{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"}';
    expect(readTokenSet(body)).toEqual({ ok: true, tokens: JSON.parse(body) });
  });

  it('refuses an error body, even one sent with HTTP 200 as GitHub does, and quotes it', () => {
    // https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors
    const body = '{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired."}';
    expect(readTokenSet(body)).toEqual({
      ok: false,
      reason: 'The token endpoint answered bad_verification_code: The code passed is incorrect or expired.',
    });
  });

  it.each([
    ['HTML', '<html><body>Bad gateway</body></html>', 'not JSON'],
    ['an array', '[]', 'not a JSON object'],
    ['no access token', '{"token_type":"Bearer"}', 'no access_token'],
    ['an empty access token', '{"access_token":""}', 'no access_token'],
  ])('explains a body that is %s', (_, body, reason) => {
    const result = readTokenSet(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
