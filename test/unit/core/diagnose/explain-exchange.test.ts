import { describe, expect, it } from 'vitest';
import { explainExchange, type FlowHistory, type HttpExchange } from '../../../../src/core';
import { PROVIDER_ERROR_FIXTURES } from '../provider-error-fixtures';

const TOKEN_ENDPOINT = 'https://server.example.com/token';
const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpExchange['response'] => ({
  status,
  headers: { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store', ...headers },
  body: JSON.stringify(body),
});
// RFC 6749 §4.1.3's example token request.
const codeRequest = {
  method: 'POST',
  url: TOKEN_ENDPOINT,
  headers: { Authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'Content-Type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb',
};
const refreshRequest = { ...codeRequest, body: 'grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA' };
const apiRequest = { method: 'GET', url: 'https://resource.example.com/resource', headers: { Authorization: 'Bearer mF_9.B5f-4.1JqM' } };

describe('not an error', () => {
  it('a successful token response (RFC 6749 §5.1) is null', () => {
    const ok = json(200, { access_token: '2YotnFZFEjr1zCsicMWpAA', token_type: 'example', expires_in: 3600, refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA' });
    expect(explainExchange({ request: codeRequest, response: ok })).toBeNull();
  });
  it('a redirect carrying a code (RFC 6749 §4.1.2) is null', () => {
    const response = { status: 302, headers: { Location: 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz' }, body: '' };
    expect(explainExchange({ response })).toBeNull();
  });
  it('a 2xx body with "error": null is no error', () => {
    expect(explainExchange({ response: json(200, { error: null, data: 1 }) })).toBeNull();
  });
});

describe('RFC 6749 §5.2 token errors', () => {
  it('invalid_request (the RFC example) is a malformed request', () => {
    const d = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_request' }) })!;
    expect(d.category).toBe('malformed_request');
    expect(d.errorCode).toBe('invalid_request');
    expect(d.references.some((r) => r.startsWith('RFC 6749 §5.2'))).toBe(true);
    expect(d.evidence).toContain('HTTP 400');
  });

  it('invalid_grant on a code exchange without history ranks the four code causes and is not certain', () => {
    const d = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant' }) })!;
    expect(d.certain).toBe(false);
    expect(d.candidates.slice(0, 4)).toEqual(['code_reused', 'code_expired', 'redirect_uri_mismatch', 'pkce_mismatch']);
    expect(d.candidates[0]).toBe(d.category);
    expect(d.candidates.length).toBeLessThanOrEqual(5);
    expect(d.explanation).toMatch(/does not tell this apart from authorization code expired, redirect_uri does not match/);
  });

  it('invalid_grant with a code already sent is certainly a reused code, with the time of the first exchange', () => {
    const history: FlowHistory = { step: 'token', grantType: 'authorization_code', codeHash: 'h', codeFirstRedeemedAt: '2026-11-22T14:02:11.000Z' };
    const d = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }) }, history)!;
    expect(d.category).toBe('code_reused');
    expect(d.certain).toBe(true);
    expect(d.explanation).toContain('This code was already exchanged at 14:02:11 UTC');
    expect(d.evidence.some((e) => e.includes('first sent to the token endpoint at 14:02:11 UTC'))).toBe(true);
  });

  it('lists the instants its texts name in UTC, for a view to show in local time', () => {
    const history: FlowHistory = { step: 'token', grantType: 'authorization_code', codeHash: 'h', codeFirstRedeemedAt: '2026-11-22T14:02:11.000Z', tokenRevokedAt: '2026-11-22T09:00:00.000Z' };
    const reused = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant' }) }, history)!;
    // The revocation is not about this request: its time is in no text, so it is not listed.
    expect(reused.times).toEqual(['2026-11-22T14:02:11Z']);
    expect(explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant' }) })!.times).toBeUndefined();
  });

  it('invalid_grant after a first send whose answer could not be read: a reuse, worded as a possibility, ranked first but not certain', () => {
    const history: FlowHistory = { step: 'token', grantType: 'authorization_code', codeHash: 'h', codeFirstRedeemedAt: '2026-11-22T14:02:11.000Z', codeFirstRedeemedUnread: true };
    const d = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant' }) }, history)!;
    expect(d.category).toBe('code_reused');
    expect(d.certain).toBe(false);
    expect(d.explanation).toContain('This code was sent at 14:02:11 UTC in a request whose answer could not be read: the server may have redeemed it then.');
    expect(d.explanation).not.toContain('already exchanged');
    expect(d.candidates).toContain('code_expired');
    expect(d.evidence.some((e) => e.includes('got no readable answer'))).toBe(true);
  });

  it('a certain cause from history outranks a possibly redeemed code', () => {
    const history: FlowHistory = {
      step: 'token',
      grantType: 'authorization_code',
      codeHash: 'h',
      codeFirstRedeemedAt: '2026-11-22T14:02:11Z',
      codeFirstRedeemedUnread: true,
      redirectUriAtAuthorization: 'https://app.example.com/callback',
      redirectUriAtExchange: 'https://app.example.com/callback/',
    };
    const d = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant' }) }, history)!;
    expect(d).toMatchObject({ category: 'redirect_uri_mismatch', certain: true });
    expect(d.candidates[1]).toBe('code_reused');
  });

  it('invalid_grant with redirect URIs that differ is certainly a mismatch, and shows both', () => {
    const history: FlowHistory = {
      step: 'token',
      grantType: 'authorization_code',
      codeHash: 'h',
      redirectUriAtAuthorization: 'https://app.example.com/callback',
      redirectUriAtExchange: 'https://app.example.com/callback/',
    };
    const d = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant' }) }, history)!;
    expect(d.category).toBe('redirect_uri_mismatch');
    expect(d.certain).toBe(true);
    expect(d.redirectUris).toEqual({ atAuthorization: 'https://app.example.com/callback', atExchange: 'https://app.example.com/callback/' });
    expect(d.fixes[0]).toBe('Send redirect_uri=https://app.example.com/callback in the token request, exactly as in the authorization request.');
  });

  it('history that proves a first use with matching redirect URIs rules out reuse and mismatch', () => {
    const history: FlowHistory = { step: 'token', grantType: 'authorization_code', codeHash: 'h', redirectUriAtAuthorization: 'https://a/cb', redirectUriAtExchange: 'https://a/cb', pkce: true };
    const d = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant' }) }, history)!;
    expect(d.candidates).not.toContain('code_reused');
    expect(d.candidates).not.toContain('redirect_uri_mismatch');
    expect(d.category).toBe('code_expired');
  });

  it('a description naming the verifier points at PKCE (RFC 7636 §4.6)', () => {
    const d = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant', error_description: 'PKCE verification failed: code_verifier does not match' }) })!;
    expect(d.category).toBe('pkce_mismatch');
  });

  it('invalid_grant on a refresh ranks an expired refresh token first, then a revoked one', () => {
    const d = explainExchange({ request: refreshRequest, response: json(400, { error: 'invalid_grant' }) })!;
    expect(d.candidates.slice(0, 2)).toEqual(['token_expired', 'token_revoked']);
    expect(d.candidates).not.toContain('code_reused');
  });

  it('a refresh after the refresh token was revoked is certainly a revoked token', () => {
    const history: FlowHistory = { step: 'refresh', grantType: 'refresh_token', tokenRevokedAt: '2026-11-22T09:00:00Z' };
    const d = explainExchange({ request: refreshRequest, response: json(400, { error: 'invalid_grant' }) }, history)!;
    expect(d.category).toBe('token_revoked');
    expect(d.certain).toBe(true);
    expect(d.explanation).toContain('revoked at 09:00:00 UTC');
  });

  it('invalid_client with a Basic challenge (RFC 6749 §5.2: 401 + WWW-Authenticate) is client authentication', () => {
    const response = json(401, { error: 'invalid_client' }, { 'WWW-Authenticate': 'Basic realm="token"' });
    const d = explainExchange({ request: codeRequest, response })!;
    expect(d.category).toBe('invalid_client_credentials');
    expect(d.candidates).toContain('client_auth_method');
    expect(d.evidence.some((e) => e.includes('asks for Basic credentials'))).toBe(true);
  });

  it('invalid_client when discovery did not list the method used: the method is the cause', () => {
    const history: FlowHistory = { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_basic', authMethodsSupported: ['client_secret_post'] };
    const d = explainExchange({ request: codeRequest, response: json(401, { error: 'invalid_client' }) }, history)!;
    expect(d.category).toBe('client_auth_method');
    expect(d.certain).toBe(true);
    expect(d.explanation).toContain('it supports client_secret_post');
  });

  it('unsupported_grant_type and invalid_scope are certain', () => {
    expect(explainExchange({ request: codeRequest, response: json(400, { error: 'unsupported_grant_type' }) })).toMatchObject({ category: 'unsupported_grant_type', certain: true });
    expect(explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_scope' }) })).toMatchObject({ category: 'invalid_scope', certain: true });
  });
});

describe('the seed: a reused code answered "401 HTTP Basic: Access denied"', () => {
  const response = { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Application"', 'Content-Type': 'text/html; charset=utf-8' }, body: 'HTTP Basic: Access denied.\n' };
  const request = { ...codeRequest, url: 'https://auth.example.org/oauth/token' };

  it('with history, certainly a reused code', () => {
    const d = explainExchange({ request, response }, { step: 'token', grantType: 'authorization_code', codeHash: 'h', codeFirstRedeemedAt: '2026-11-22T14:02:11Z' })!;
    expect(d.category).toBe('code_reused');
    expect(d.certain).toBe(true);
    expect(d.evidence).toContain('The body says: "HTTP Basic: Access denied."');
  });

  it('without history, credentials first but a reused code among the candidates', () => {
    const d = explainExchange({ request, response })!;
    expect(d.category).toBe('invalid_client_credentials');
    expect(d.candidates.slice(0, 3)).toContain('code_reused');
    expect(d.certain).toBe(false);
  });

  it('after a first use, the same answer means the credentials', () => {
    const d = explainExchange({ request, response }, { step: 'token', grantType: 'authorization_code', codeHash: 'h' })!;
    expect(d.category).toBe('invalid_client_credentials');
    expect(d.candidates).not.toContain('code_reused');
  });
});

describe('RFC 6750 §3 protected resources', () => {
  it('the RFC example "The access token expired" is an expired token', () => {
    const response = {
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="example", error="invalid_token", error_description="The access token expired"' },
      body: '',
    };
    const d = explainExchange({ request: apiRequest, response })!;
    expect(d.category).toBe('token_expired');
    expect(d.errorCode).toBe('invalid_token');
    expect(d.serverMessage).toBe('The access token expired');
    expect(d.evidence).toContain('WWW-Authenticate: Bearer realm="example", error="invalid_token", error_description="The access token expired"');
  });

  it('a 401 without an error code (no credentials sent, §3.1) asks about the token', () => {
    const d = explainExchange({ request: { method: 'GET', url: 'https://resource.example.com/resource' }, response: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="example"' }, body: '' } })!;
    expect(d.category).toBe('invalid_token');
  });

  it('insufficient_scope with the scope the resource needs', () => {
    const response = { status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="read:user repo"' }, body: '' };
    const d = explainExchange({ request: apiRequest, response })!;
    expect(d).toMatchObject({ category: 'insufficient_scope', certain: true });
  });

  it('a call after its token expired is certainly an expired token', () => {
    const d = explainExchange(
      { request: apiRequest, response: { status: 401, headers: {}, body: '' } },
      { step: 'api', tokenExpiresAt: '2026-11-22T10:00:00Z' },
      { at: '2026-11-22T11:00:00Z' },
    )!;
    expect(d).toMatchObject({ category: 'token_expired', certain: true });
  });

  it('a call after its token was revoked is certainly a revoked token', () => {
    const d = explainExchange({ request: apiRequest, response: { status: 401, headers: {}, body: '' } }, { step: 'userinfo', tokenRevokedAt: '2026-11-22T10:00:00Z' })!;
    expect(d).toMatchObject({ category: 'token_revoked', certain: true });
  });
});

describe('errors on the redirect (RFC 6749 §4.1.2.1)', () => {
  it('the RFC example access_denied is a refusal', () => {
    const response = { status: 302, headers: { Location: 'https://client.example.com/cb?error=access_denied&state=xyz' }, body: '' };
    const d = explainExchange({ request: { method: 'GET', url: 'https://server.example.com/authorize?response_type=code' }, response })!;
    expect(d).toMatchObject({ category: 'consent_denied', errorCode: 'access_denied', certain: true });
    expect(d.evidence).toContain('The redirect\'s Location carries error=access_denied.');
  });

  it('an error in the fragment counts too', () => {
    const response = { status: 303, headers: { location: 'https://client.example.com/cb#error=invalid_scope&error_description=Unknown+scope+foo' }, body: '' };
    expect(explainExchange({ response })).toMatchObject({ category: 'invalid_scope', serverMessage: 'Unknown scope foo' });
  });
});

describe('rate limits', () => {
  it('429 with Retry-After in seconds (RFC 6585 §4, RFC 9110 §10.2.3)', () => {
    const d = explainExchange({ request: codeRequest, response: { status: 429, headers: { 'Retry-After': '120' }, body: 'Too Many Requests' } })!;
    expect(d).toMatchObject({ category: 'rate_limited', retryAfterSeconds: 120, certain: true });
    expect(d.references.some((r) => r.startsWith('RFC 6585 §4'))).toBe(true);
  });

  it('429 with Retry-After as an HTTP-date, against the response\'s Date', () => {
    const response = { status: 429, headers: { Date: 'Fri, 31 Dec 1999 23:58:59 GMT', 'Retry-After': 'Fri, 31 Dec 1999 23:59:59 GMT' }, body: '' };
    expect(explainExchange({ response })?.retryAfterSeconds).toBe(60);
  });

  it('403 with x-ratelimit-remaining: 0 (GitHub\'s primary rate limit) is a rate limit, not a permission', () => {
    const response = {
      status: 403,
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1691591363' },
      body: JSON.stringify({ message: 'API rate limit exceeded for 203.0.113.7.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' }),
    };
    const d = explainExchange({ request: { method: 'GET', url: 'https://api.github.com/user' }, response }, {}, { at: '2023-08-09T14:26:03Z' })!;
    expect(d.category).toBe('rate_limited');
    expect(d.rateLimit).toMatchObject({ limit: 60, remaining: 0, resetAt: '2023-08-09T14:29:23Z' });
    expect(d.retryAfterSeconds).toBe(200);
  });
});

describe('RFC 8628 §3.5 device flow polling', () => {
  const device = { method: 'POST', url: TOKEN_ENDPOINT, body: 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS&client_id=1406020730' };
  it.each([
    ['authorization_pending', 'authorization_pending'],
    ['slow_down', 'slow_down'],
    ['expired_token', 'code_expired'],
    ['access_denied', 'consent_denied'],
  ] as const)('%s', (error, category) => {
    expect(explainExchange({ request: device, response: json(400, { error }) })?.category).toBe(category);
  });
});

describe('errors in success statuses and odd bodies', () => {
  it('Slack-style {"ok": false} with HTTP 200', () => {
    const d = explainExchange({ response: json(200, { ok: false, error: 'invalid_auth' }) })!;
    expect(d).not.toBeNull();
    expect(d.evidence.some((e) => e.includes('"ok": false'))).toBe(true);
    expect(d.evidence.some((e) => e.includes('success status'))).toBe(true);
  });

  it('a form-encoded error with HTTP 200', () => {
    const response = { status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'error=invalid_grant&error_description=expired' };
    expect(explainExchange({ request: codeRequest, response })?.category).toBe('code_expired');
  });

  it('an XML error body', () => {
    const response = { status: 400, headers: { 'Content-Type': 'application/xml' }, body: '<?xml version="1.0"?><OAuth><error>invalid_client</error><message>Unknown client</message></OAuth>' };
    expect(explainExchange({ request: codeRequest, response })).toMatchObject({ category: 'invalid_client_credentials', serverMessage: 'Unknown client' });
  });

  it('an HTML 400 page without a code is a malformed request, quoting its title', () => {
    const response = { status: 400, headers: { 'content-type': 'text/html' }, body: '<html><head><title>400 Bad Request</title></head><body>nginx</body></html>' };
    const d = explainExchange({ request: codeRequest, response })!;
    expect(d.category).toBe('malformed_request');
    expect(d.serverMessage).toBe('400 Bad Request');
  });

  it('an AADSTS number in the description names Microsoft even without a URL', () => {
    const body = { error: 'invalid_grant', error_description: 'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.', error_codes: [54005] };
    const d = explainExchange({ response: json(400, body) })!;
    expect(d.errorCode).toBe('invalid_grant');
    expect(d.category).toBe('code_reused');
    expect(d.provider).toMatch(/Microsoft/);
  });

  it('no response at all (status 0) is explained as such', () => {
    const d = explainExchange({ request: apiRequest, response: { status: 0, headers: {}, body: '' } })!;
    expect(d.category).toBe('other');
    expect(d.explanation).toMatch(/got no response/);
  });

  it('says when it judged without the body', () => {
    const d = explainExchange({ request: apiRequest, response: { status: 401, headers: {}, body: '' } }, {}, { bodyUnavailable: true })!;
    expect(d.explanation).toMatch(/status and headers alone/);
  });
});

describe('providers\' documented answers, through the explainer', () => {
  it.each(PROVIDER_ERROR_FIXTURES.map((fixture) => [`${fixture.provider}: ${fixture.description}`, fixture] as const))('%s', (_, fixture) => {
    const d = explainExchange(fixture.exchange)!;
    expect(d).not.toBeNull();
    expect(d.provider).toBe(fixture.provider);
    expect(d.category).toBe(fixture.category);
    expect(d.references.some((reference) => reference.startsWith('https://'))).toBe(true);
  });
});

describe('a rate limit outranks history', () => {
  it('a 429 on a second exchange of a code is the rate limit, the reuse only a candidate', () => {
    const history: FlowHistory = { step: 'token', grantType: 'authorization_code', codeHash: 'h', codeFirstRedeemedAt: '2026-11-22T14:02:11Z' };
    const d = explainExchange({ request: codeRequest, response: json(429, { error: 'rate_limited' }, { 'Retry-After': '30' }) }, history)!;
    expect(d.category).toBe('rate_limited');
    expect(d.candidates).toContain('code_reused');
  });
});

describe('explainExchange quotes only redacted text', () => {
  const secret = 'gX1fBat3bVq8Rz2Lm4Np6Tv0';

  it('redacts the secret a form-encoded error_description quotes (RFC 6749 §5.2 shape)', () => {
    const body = new URLSearchParams({ error: 'invalid_client', error_description: `client_secret=${secret} does not match` }).toString();
    const d = explainExchange({ request: codeRequest, response: { status: 401, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body } })!;
    expect(d.errorCode).toBe('invalid_client');
    expect(d.serverMessage).toBe('client_secret=••••+(24+chars) does not match');
    expect(JSON.stringify(d)).not.toContain(secret);
  });

  it('redacts the first line of a text/plain body and an HTML <title> it quotes', () => {
    for (const [type, body] of [
      ['text/plain', `rejected: client_secret=${secret}`],
      ['text/html', `<html><head><title>rejected: client_secret=${secret}</title></head><body></body></html>`],
    ] as const) {
      const d = explainExchange({ request: codeRequest, response: { status: 400, headers: { 'Content-Type': type }, body } })!;
      expect(d.evidence.some((line) => line.includes('rejected: client_secret=••••+(24+chars)'))).toBe(true);
      expect(JSON.stringify(d)).not.toContain(secret);
    }
  });

  it('redacts the redirect URIs of the history it shows', () => {
    const history: FlowHistory = {
      step: 'token',
      grantType: 'authorization_code',
      redirectUriAtAuthorization: `https://app.example.com/callback?session=${secret}`,
      redirectUriAtExchange: 'https://app.example.com/callback/',
    };
    const d = explainExchange({ request: codeRequest, response: json(400, { error: 'invalid_grant' }) }, history)!;
    expect(d.category).toBe('redirect_uri_mismatch');
    expect(d.redirectUris?.atAuthorization).toBe('https://app.example.com/callback?session=••••+(24+chars)');
    expect(JSON.stringify(d)).not.toContain(secret);
  });
});
