import { describe, expect, it } from 'vitest';
import { errorReport, explainExchange, type HttpExchange } from '../../../src/core';

// RFC 6749 §4.1.3's request (client s6BhdRkqt3, secret gX1fBat3bV) answered as the seed's provider did.
const exchange: HttpExchange = {
  request: {
    method: 'POST',
    url: 'https://server.example.com/token',
    headers: { Authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW' },
    body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  },
  response: { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Application"' }, body: 'HTTP Basic: Access denied.\n```\n' },
};

describe('errorReport', () => {
  const diagnosis = explainExchange(exchange, { step: 'token', grantType: 'authorization_code', codeHash: 'h', codeFirstRedeemedAt: '2026-11-22T14:02:11Z' })!;
  const report = errorReport(exchange, diagnosis, '2026-11-22T14:02:15Z');

  it('is Markdown with the title, the facts, the explanation, fixes and references', () => {
    expect(report.split('\n')[0]).toBe('## OAuth error: Authorization code already used');
    expect(report).toContain('- **Request:** POST https://server.example.com/token');
    expect(report).toContain('- **Status:** 401');
    expect(report).toContain('### How to fix\n1. Exchange each code exactly once');
    expect(report).toContain('- RFC 6749 §4.1.2 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2');
  });

  it('redacts the secret, the code and the verifier even when handed the raw exchange', () => {
    expect(report).not.toContain('gX1fBat3bV');
    expect(report).not.toContain('czZCaGRSa3F0MzpnWDFmQmF0M2JW');
    expect(report).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
    expect(report).not.toContain('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(report).toContain('client_id "s6BhdRkqt3"');
  });

  it('fences the transcript so backticks in a body cannot break out', () => {
    expect(report).toMatch(/````http\n[\s\S]*HTTP Basic: Access denied\.\n```\n+````/);
  });
});

describe('errorReport for a request with no readable answer', () => {
  const hidden: HttpExchange = {
    request: { method: 'POST', url: 'https://github.com/login/oauth/access_token', headers: { origin: 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp' }, body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA' },
    response: { status: 0, headers: {}, body: '' },
    noResponse: { kind: 'answer_hidden', hostPermission: 'https://github.com/*' },
  };
  const report = errorReport(hidden, explainExchange(hidden, { step: 'token', grantType: 'authorization_code' })!);

  it('says why nothing was read instead of a status 0', () => {
    expect(report).toContain('- **Status:** No response: the browser hid the answer (CORS)');
    expect(report).not.toMatch(/\*\*Status:\*\* (0|no response)$/m);
    expect(report).toMatch(/```http\n[\s\S]*\nNo response: the browser hid the answer \(CORS\)\n```/);
  });

  it('still redacts the code', () => {
    expect(report).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
  });

  it.each([
    ['preflight_refused', "never sent, the browser's CORS preflight was refused"],
    ['unreachable', 'the server could not be reached'],
    ['timeout', 'no answer in time'],
    ['connection_lost', 'the connection ended without an answer'],
  ] as const)('%s has its own status line', (kind, words) => {
    const ex = { ...hidden, noResponse: { kind } };
    expect(errorReport(ex, explainExchange(ex)!)).toContain(`- **Status:** No response: ${words}`);
  });

  it('without a recorded kind, stays "no response"', () => {
    const ex = { request: hidden.request, response: hidden.response };
    expect(errorReport(ex, explainExchange(ex)!)).toContain('- **Status:** no response');
  });
});
