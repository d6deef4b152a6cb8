import { describe, expect, it } from 'vitest';
import {
  explainExchange,
  hashCode,
  judgeTraffic,
  noteAuthorizationRequest,
  noteCodeIssued,
  noteCodeRedeemed,
  parseHostPatterns,
  startTraffic,
  wantsBody,
  type ErrorEntry,
  type TrafficEvent,
  type TrafficState,
} from '../../../../src/core';

// RFC 6749 §4.1.1–§4.1.3's example: client s6BhdRkqt3, code SplxlOBeZQQYbYS6WxSbIA, state xyz.
const AUTHORIZE = 'https://server.example.com/authorize?response_type=code&client_id=s6BhdRkqt3&state=xyz&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb';
const CALLBACK = 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz';
const CODE = 'SplxlOBeZQQYbYS6WxSbIA';
const TOKEN_URL = 'https://server.example.com/token';
const tokenBody = (redirectUri = 'https://client.example.com/cb') =>
  new URLSearchParams({ grant_type: 'authorization_code', code: CODE, redirect_uri: redirectUri }).toString();
// RFC 6749 §5.2's error answer.
const INVALID_GRANT = { status: 400, headers: [{ name: 'Content-Type', value: 'application/json;charset=UTF-8' }], body: '{"error":"invalid_grant"}' };
const TOKENS = { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], body: '{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"Bearer","expires_in":3600}' };

/** Feeds the events in order; returns the last state and every entry made. */
function feed(state: TrafficState, events: TrafficEvent[]): { state: TrafficState; entries: ErrorEntry[] } {
  const entries: ErrorEntry[] = [];
  for (const event of events) {
    const step = judgeTraffic(state, event);
    state = step.state;
    entries.push(...step.entries);
  }
  return { state, entries };
}

const signIn: TrafficEvent[] = [
  { kind: 'request', id: 'a', at: '2026-12-01T10:00:00.000Z', method: 'GET', url: AUTHORIZE },
  { kind: 'redirect', id: 'a', at: '2026-12-01T10:00:04.000Z', status: 302, headers: [], location: CALLBACK },
  // The same request goes on to the app's callback page.
  { kind: 'response', id: 'a', status: 200, headers: [{ name: 'Content-Type', value: 'text/html' }], body: '<p>Signed in</p>' },
];
const redeem = (id: string, at: string, answer: { status: number; headers: { name: string; value: string }[]; body: string }, redirectUri?: string): TrafficEvent[] => [
  { kind: 'request', id, at, method: 'POST', url: TOKEN_URL, body: { formData: Object.fromEntries([...new URLSearchParams(tokenBody(redirectUri))].map(([k, v]) => [k, [v]])) } },
  { kind: 'request-headers', id, headers: [{ name: 'Authorization', value: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW' }] },
  { kind: 'response', id, ...answer },
];
const watching = () => startTraffic(parseHostPatterns(['server.example.com', 'client.example.com']));

describe('the watcher\'s judgement, fed as events', () => {
  it('a code redeemed twice: the second answer is listed, named a reuse, with when the code was first redeemed', () => {
    const { state, entries } = feed(watching(), [
      ...signIn,
      ...redeem('t1', '2026-12-01T10:00:05.000Z', TOKENS),
      ...redeem('t2', '2026-12-01T10:00:09.000Z', INVALID_GRANT),
    ]);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.history).toMatchObject({ codeHash: hashCode(CODE), codeIssuedAt: '2026-12-01T10:00:04.000Z', codeFirstRedeemedAt: '2026-12-01T10:00:05.000Z' });
    expect(explainExchange(entry!.exchange, entry!.history)?.category).toBe('code_reused');
    expect(state.ledger.codes[hashCode(CODE)]).toMatchObject({ firstRedeemedAt: '2026-12-01T10:00:05.000Z', firstRedeemedBy: 'watcher' });
    // Stored redacted: neither the code nor the client's Basic credentials.
    expect(JSON.stringify(entry)).not.toContain(CODE);
    expect(JSON.stringify(entry)).not.toContain('czZCaGRSa3F0MzpnWDFmQmF0M2JW');
    expect(state.pending).toEqual({});
    expect(state.seen.requests).toBe(3);
  });

  it('a redirect_uri that differs between the authorization and the token request is named, with both URIs', () => {
    const { entries } = feed(watching(), [...signIn, ...redeem('t1', '2026-12-01T10:00:05.000Z', INVALID_GRANT, 'https://client.example.com/callback')]);
    const [entry] = entries;
    expect(entry!.history).toMatchObject({ redirectUriAtAuthorization: 'https://client.example.com/cb', redirectUriAtExchange: 'https://client.example.com/callback' });
    expect(entry!.history?.codeFirstRedeemedAt).toBeUndefined();
    expect(explainExchange(entry!.exchange, entry!.history)?.category).toBe('redirect_uri_mismatch');
  });

  it('a first redemption that fails is not called a reuse', () => {
    const { entries } = feed(watching(), [...signIn, ...redeem('t1', '2026-12-01T10:00:05.000Z', INVALID_GRANT)]);
    expect(entries[0]!.history).toMatchObject({ codeHash: hashCode(CODE), codeIssuedAt: '2026-12-01T10:00:04.000Z' });
    expect(explainExchange(entries[0]!.exchange, entries[0]!.history)?.category).not.toBe('code_reused');
  });

  it('a request cut off before any answer has not used its code; a cancelled one is no failure', () => {
    const cut = feed(watching(), [...signIn, ...redeem('t1', '2026-12-01T10:00:05.000Z', TOKENS).slice(0, 2), { kind: 'failure', id: 't1', error: 'net::ERR_CONNECTION_RESET' }]);
    expect(cut.entries[0]!.exchange.response?.status).toBe(0);
    expect(cut.state.ledger.codes[hashCode(CODE)]?.firstRedeemedAt).toBeUndefined();
    const aborted = feed(watching(), [{ kind: 'request', id: 'x', at: 't', method: 'GET', url: 'https://client.example.com/app' }, { kind: 'failure', id: 'x', error: 'net::ERR_ABORTED' }]);
    expect(aborted.entries).toEqual([]);
    expect(aborted.state.pending).toEqual({});
  });

  it('only watched hosts count, a port narrowing them; a source that watches everything takes every request', () => {
    const narrow = startTraffic(parseHostPatterns(['127.0.0.1:8080']));
    const other: TrafficEvent = { kind: 'request', id: 'x', at: 't', method: 'GET', url: 'http://127.0.0.1:9090/token' };
    expect(judgeTraffic(narrow, other).state).toBe(narrow);
    expect(judgeTraffic(startTraffic(), other).state.seen.requests).toBe(1);
  });

  it('asks for a body only for errors and token answers', () => {
    const { state } = feed(watching(), [
      { kind: 'request', id: 'page', at: 't', method: 'GET', url: 'https://client.example.com/' },
      ...redeem('t1', 't', TOKENS).slice(0, 1),
    ]);
    expect(wantsBody(state, 'page', 200)).toBe(false);
    expect(wantsBody(state, 'page', 401)).toBe(true);
    expect(wantsBody(state, 't1', 200)).toBe(true);
    expect(wantsBody(state, 'unknown', 500)).toBe(false);
  });

  it('a redirect\'s location replaces the Location among its headers, not joined to it', () => {
    const location = 'https://client.example.com/cb?error=access_denied&state=xyz';
    const { entries } = feed(watching(), [
      { kind: 'request', id: 'a', at: 't', method: 'GET', url: AUTHORIZE },
      { kind: 'redirect', id: 'a', at: 't', status: 302, headers: [{ name: 'location', value: location }], location },
    ]);
    expect(entries[0]!.exchange.response.headers).toEqual({ Location: location });
  });

  it('an error with no body from the source says so (Chrome\'s webRequest gives none)', () => {
    const { entries } = feed(watching(), [
      { kind: 'request', id: 'u', at: 't', method: 'GET', url: 'https://server.example.com/userinfo' },
      { kind: 'response', id: 'u', status: 401, headers: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }] },
    ]);
    expect(entries[0]).toMatchObject({ bodyUnavailable: true, exchange: { response: { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } } } });
  });
});

describe('one ledger for flows and the watched app', () => {
  it('a code a run redeemed, sent again by the watched app, is named reused', () => {
    // What the flow runner notes of its own run (run-flow.ts, send-recorded.ts).
    let ledger = noteAuthorizationRequest(watching().ledger, AUTHORIZE, '2026-12-01T09:59:58.000Z', 'flow');
    ledger = noteCodeIssued(ledger, hashCode(CODE), '2026-12-01T10:00:00.000Z', 'https://client.example.com/cb');
    ledger = noteCodeRedeemed(ledger, hashCode(CODE), '2026-12-01T10:00:01.000Z', 'flow');
    const { entries } = feed({ ...watching(), ledger }, redeem('app', '2026-12-01T10:05:00.000Z', INVALID_GRANT));
    expect(entries[0]!.history).toMatchObject({ codeFirstRedeemedAt: '2026-12-01T10:00:01.000Z', redirectUriAtAuthorization: 'https://client.example.com/cb' });
    const diagnosis = explainExchange(entries[0]!.exchange, entries[0]!.history);
    expect(diagnosis?.category).toBe('code_reused');
    expect(diagnosis?.explanation).toContain('already exchanged');
  });
});
