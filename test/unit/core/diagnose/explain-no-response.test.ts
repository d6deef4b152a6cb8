import { describe, expect, it } from 'vitest';
import { classifyNoResponse, explainExchange, readError, type FlowHistory, type HttpExchange, type NoResponse } from '../../../../src/core';

// GitHub's token endpoint answers no extension origin by CORS; the request is RFC 6749 §4.1.3's,
// sent as a browser app would send it (form-encoded, so no preflight: its answer is hidden).
const TOKEN = 'https://github.com/login/oauth/access_token';
const codeRequest = {
  method: 'POST',
  url: TOKEN,
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp' },
  body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb&client_id=Iv1.8a61f9b3a7aba766',
};
const userinfo = { method: 'GET', url: 'https://api.github.com/user', headers: { authorization: 'Bearer gho_16C7e42F292c6912E7710c838347Ae178B4a' } };
const codeHistory: FlowHistory = { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_post', codeHash: 'h' };
const nothing = { status: 0, headers: {}, body: '' };
const noAnswer = (noResponse: NoResponse, request: HttpExchange['request'] = codeRequest): HttpExchange => ({ request, response: nothing, noResponse });

// Nothing of the server's was read: no wording may say it answered, refused or said anything.
const CLAIMS_AN_ANSWER = /server (?:says|said|refused|rejected|answered)|the server's message|read the server/i;
const everything = (d: NonNullable<ReturnType<typeof explainExchange>>) => [d.title, d.explanation, ...d.fixes, ...d.evidence].join('\n');

describe('a request with no readable answer: the recorded kind decides, with certainty', () => {
  it.each([
    ['preflight_refused', 'cors_blocked'],
    ['answer_hidden', 'cors_blocked'],
    ['unreachable', 'server_unreachable'],
    ['timeout', 'timeout'],
    ['connection_lost', 'timeout'],
  ] as const)('%s is %s, certain, and claims no answer from the server', (kind, category) => {
    const d = explainExchange(noAnswer({ kind }), codeHistory)!;
    expect(d.category).toBe(category);
    expect(d.certain).toBe(true);
    expect(d.candidates).toEqual([category]);
    expect(everything(d)).not.toMatch(CLAIMS_AN_ANSWER);
    expect(d.errorCode).toBeUndefined();
    expect(d.serverMessage).toBeUndefined();
  });

  it('history cannot turn a request with no answer into a refusal: a second send of a code without an answer is still CORS', () => {
    const history: FlowHistory = { ...codeHistory, codeFirstRedeemedAt: '2026-11-22T14:02:11Z' };
    const d = explainExchange(noAnswer({ kind: 'answer_hidden', hostPermission: 'https://github.com/*' }), history)!;
    expect(d.category).toBe('cors_blocked');
    expect(d.explanation).not.toMatch(/already exchanged/);
  });
});

describe('cors_blocked', () => {
  it('answer_hidden on a code exchange: sent, the answer hidden, the code may have been redeemed; the fix asks for the host', () => {
    const d = explainExchange(noAnswer({ kind: 'answer_hidden', hostPermission: 'https://github.com/*', browserMessage: 'Failed to fetch' }), codeHistory)!;
    expect(d.explanation).toContain('Sent, but the browser hid the answer');
    expect(d.explanation).toContain('the server may have redeemed the code');
    expect(d.fixes[0]).toContain('https://github.com/*');
    expect(d.fixes.some((fix) => /new authorization/.test(fix))).toBe(true);
    expect(d.evidence).toContain('The browser said only: "Failed to fetch".');
    expect(d.evidence).toContain('The request carried Origin: chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.');
    expect(d.references.some((r) => r.includes('https://fetch.spec.whatwg.org/#http-cors-protocol'))).toBe(true);
    expect(d.references.some((r) => r.includes('https://developer.chrome.com/docs/extensions/develop/concepts/network-requests'))).toBe(true);
  });

  it('preflight_refused on a code exchange: never sent, so the code was not used', () => {
    const d = explainExchange(noAnswer({ kind: 'preflight_refused', hostPermission: 'https://github.com/*' }), codeHistory)!;
    expect(d.explanation).toContain("Never sent: the browser's CORS preflight was refused, so the request did not go out");
    expect(d.explanation).not.toMatch(/may have redeemed/);
    expect(d.explanation).toContain('did not use the code');
    expect(d.fixes.some((fix) => /Do not send this code again/.test(fix))).toBe(false);
  });

  it('on a call that carries no code, says nothing about a code', () => {
    const d = explainExchange(noAnswer({ kind: 'answer_hidden', hostPermission: 'https://api.github.com/*' }, userinfo), { step: 'userinfo' })!;
    expect(d.category).toBe('cors_blocked');
    expect(d.explanation).not.toMatch(/code/);
    expect(d.fixes[0]).toContain('https://api.github.com/*');
  });

  it('as classified by the recorder from a real request (classifyNoResponse)', () => {
    const noResponse = classifyNoResponse({ request: codeRequest, hostAccess: false, timedOut: false, reachable: true, browserMessage: 'Failed to fetch' });
    const d = explainExchange(noAnswer(noResponse), codeHistory)!;
    expect(d.category).toBe('cors_blocked');
    expect(d.fixes[0]).toContain(noResponse.hostPermission!);
  });
});

describe('server_unreachable names only the causes the recorder gave', () => {
  it('connection refused only (an IP literal over http: no DNS, no TLS)', () => {
    const request = { method: 'POST', url: 'http://127.0.0.1:4455/token', body: 'grant_type=authorization_code&code=c' };
    const d = explainExchange(noAnswer({ kind: 'unreachable', possibleCauses: ['connection refused (nothing listens on that port, or a firewall said no)'] }, request), codeHistory)!;
    expect(d.category).toBe('server_unreachable');
    expect(d.explanation).toContain('connection refused');
    expect(d.explanation).not.toMatch(/DNS|TLS|resolve/);
    expect(d.fixes.some((fix) => /connection was refused/.test(fix))).toBe(true);
    expect(d.fixes.some((fix) => /TLS|name did not resolve/.test(fix))).toBe(false);
    expect(d.explanation).toContain('This request did not use the code');
  });

  it('all three for an https host name', () => {
    const causes = ['connection refused (x)', 'the host name does not resolve (DNS)', 'a TLS failure (certificate not trusted, expired, or for another name)'];
    const d = explainExchange(noAnswer({ kind: 'unreachable', possibleCauses: causes }), codeHistory)!;
    for (const cause of causes) expect(d.explanation).toContain(cause);
    expect(d.fixes.filter((fix) => /^If /.test(fix))).toHaveLength(3);
  });
});

describe('timeout and connection_lost: the request may have reached the server', () => {
  it.each(['timeout', 'connection_lost'] as const)('%s on a code exchange says the code may have been redeemed and not to re-send it', (kind) => {
    const d = explainExchange(noAnswer({ kind }), codeHistory)!;
    expect(d.explanation).toContain('may have reached the server');
    expect(d.explanation).toContain('the code may have been redeemed');
    expect(d.fixes.some((fix) => /fresh code instead of re-sending/.test(fix))).toBe(true);
  });

  it('connection_lost says the connection ended, not that time ran out', () => {
    const d = explainExchange(noAnswer({ kind: 'connection_lost' }), codeHistory)!;
    expect(d.explanation).toContain('ended before any answer');
    expect(d.explanation).not.toMatch(/in time/);
  });
});

describe('status 0 without a recorded kind (pasted or watched)', () => {
  const d = explainExchange({ request: codeRequest, response: nothing })!;

  it('stays "other" and uncertain, with the no-answer causes as candidates', () => {
    expect(d.category).toBe('other');
    expect(d.certain).toBe(false);
    expect(d.candidates).toEqual(['other', 'cors_blocked', 'server_unreachable', 'timeout']);
  });

  it('never claims the server refused, nor sends the reader to a server message', () => {
    expect(everything(d)).not.toMatch(CLAIMS_AN_ANSWER);
    expect(d.fixes.some((fix) => /network panel/.test(fix))).toBe(true);
  });

  it('does not judge a body beside status 0, nor history that would need an answer', () => {
    const withBody = explainExchange(
      { request: codeRequest, response: { status: 0, headers: {}, body: '{"error":"invalid_grant"}' } },
      { ...codeHistory, codeFirstRedeemedAt: '2026-11-22T14:02:11Z' },
    )!;
    expect(withBody.category).toBe('other');
    expect(withBody.errorCode).toBeUndefined();
    expect(withBody.candidates).not.toContain('code_reused');
  });

  it('an unknown kind is no kind', () => {
    const bogus = explainExchange({ request: codeRequest, response: nothing, noResponse: { kind: 'bogus' } as unknown as NoResponse })!;
    expect(bogus.category).toBe('other');
  });
});

describe('readError with a recorded kind', () => {
  it('keeps the classification and says what is known in its evidence, not that the server answered', () => {
    const signal = readError(noAnswer({ kind: 'answer_hidden', hostPermission: 'https://github.com/*', possibleCauses: [5 as unknown as string] }))!;
    expect(signal.carrier).toBe('network');
    expect(signal.noResponse).toEqual({ kind: 'answer_hidden', hostPermission: 'https://github.com/*' });
    expect(signal.requestOrigin).toBe('chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp');
    expect(signal.evidence[0]).toContain('the request was sent, but the browser hid the answer');
  });

  it('ignores a kind beside a real status: something was read', () => {
    const d = explainExchange({ request: codeRequest, response: { status: 400, headers: {}, body: '{"error":"invalid_grant"}' }, noResponse: { kind: 'answer_hidden' } })!;
    expect(readError({ request: codeRequest, response: { status: 400, headers: {}, body: '' }, noResponse: { kind: 'timeout' } })!.noResponse).toBeUndefined();
    expect(d.category).not.toBe('cors_blocked');
    expect(d.errorCode).toBe('invalid_grant');
  });
});
