import { describe, expect, it } from 'vitest';
import { CATEGORY_TEXTS, OAUTH_ERRORS, ORIGIN_REFUSALS, PROVIDER_ERRORS, errorReport, explainExchange, redactText, type HttpExchange } from '../../../../src/core';

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

describe('errorReport redacts what the diagnosis quotes', () => {
  const secret = 'gX1fBat3bVxq8Rz2Lm4Np6Tv';
  // The case: a text/plain 400 that repeats the secret it refused.
  const plain: HttpExchange = {
    request: { method: 'POST', url: 'https://server.example.com/token', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&client_id=s6BhdRkqt3&client_secret=${secret}` },
    response: { status: 400, headers: { 'Content-Type': 'text/plain' }, body: `rejected: client_secret=${secret}` },
  };

  it('quotes the body redacted in its evidence, and keeps the rest of the line', () => {
    const report = errorReport(plain, explainExchange(plain)!);
    expect(report).not.toContain(secret);
    expect(report).toContain('- The body says: "rejected: client_secret=••••+(24+chars)"');
  });

  it('redacts a diagnosis it is handed even when it was made from the raw text', () => {
    const raw = explainExchange({ response: { status: 500, headers: {}, body: '' } })!;
    const handed = {
      ...raw,
      explanation: `The server refused client_secret=${secret}.`,
      evidence: [`The body says: "password: ${secret}"`],
      fixes: [`Send code=${secret} once.`],
      serverMessage: `access_token: ${secret}`,
      redirectUris: { atAuthorization: `https://client.example.com/cb?code=${secret}`, atExchange: 'https://client.example.com/cb' },
    };
    const report = errorReport(plain, handed);
    expect(report).not.toContain(secret);
    expect(report).toContain('- at the token request: `https://client.example.com/cb`');
  });

  it('leaves the extension\'s own texts as they are', () => {
    const texts = [
      ...Object.values(CATEGORY_TEXTS).flatMap((text) => [text.title, text.explanation, ...text.fixes, ...text.references]),
      ...OAUTH_ERRORS.flatMap((entry) => [entry.meaning, entry.reference]),
      ...PROVIDER_ERRORS.flatMap((rule) => [rule.meaning, rule.fix ?? '', rule.source]),
      ...ORIGIN_REFUSALS.flatMap((refusal) => [refusal.meaning, refusal.fix, refusal.source]),
    ];
    for (const text of texts) expect(redactText(text)).toBe(text);
  });
});

describe('errorReport of a stored exchange of another shape', () => {
  // Found by npm run fuzz: an exchange without a response, or values that String() cannot write ({"toString": 1}), threw.
  it('reports as far as it goes, and never throws', () => {
    const diagnosis = explainExchange(exchange)!;
    expect(errorReport('' as never, diagnosis)).toContain('- **Status:** not recorded');
    const odd = { request: { method: 'GET', url: { toString: 1 }, headers: { Accept: 'application/json', X: 1 }, body: 5 }, response: { status: { toString: 1 }, headers: 'h', body: [] } };
    const report = errorReport(odd as never, { ...diagnosis, title: { toString: 1 }, candidates: ['other', 'no_such_category'], redirectUris: { atAuthorization: { toString: 1 }, atExchange: 'https://a.example/cb' } } as never);
    expect(report).toContain('- **Request:** GET \n');
    expect(report).toContain('```http\nGET \nAccept: application/json\n\nHTTP not recorded\n```');
    expect(errorReport(exchange, null as never)).toContain('## OAuth error: \n');
  });
});

