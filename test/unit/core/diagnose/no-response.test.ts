import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorizationCodeRequest, classifyNoResponse, describeNoResponse, mayHaveBeenSent, possibleNetworkCauses } from '../../../../src/core';

const TOKEN = 'https://github.com/login/oauth/access_token';
const GRANT = { code: 'c0de', redirectUri: 'https://client.example.com/cb' };
const post = authorizationCodeRequest(TOKEN, GRANT, { clientId: 'a', clientSecret: 'b', clientAuth: 'client_secret_post' });
const basic = authorizationCodeRequest(TOKEN, GRANT, { clientId: 'a', clientSecret: 'b', clientAuth: 'client_secret_basic' });

describe('classifyNoResponse', () => {
  it('a simple POST to a reachable server without CORS: sent, answer hidden, the code may be spent', () => {
    const result = classifyNoResponse({ request: post, hostAccess: false, timedOut: false, reachable: true, browserMessage: 'Failed to fetch' });
    expect(result).toEqual({ kind: 'answer_hidden', hostPermission: 'https://github.com/*', browserMessage: 'Failed to fetch' });
    expect(mayHaveBeenSent(result)).toBe(true);
  });

  it('a Basic POST to the same server: the preflight was refused, so the request never went out', () => {
    const result = classifyNoResponse({ request: basic, hostAccess: false, timedOut: false, reachable: true });
    expect(result).toEqual({ kind: 'preflight_refused', hostPermission: 'https://github.com/*' });
    expect(mayHaveBeenSent(result)).toBe(false);
  });

  it('no server answers at all: unreachable, whatever CORS would have said', () => {
    const result = classifyNoResponse({ request: post, hostAccess: false, timedOut: false, reachable: false });
    expect(result.kind).toBe('unreachable');
    expect(result.possibleCauses).toEqual(possibleNetworkCauses(TOKEN));
    expect(mayHaveBeenSent(result)).toBe(false);
  });

  it('a timeout may have reached the server', () => {
    const result = classifyNoResponse({ request: post, hostAccess: true, timedOut: true, reachable: true });
    expect(result.kind).toBe('timeout');
    expect(mayHaveBeenSent(result)).toBe(true);
  });

  it('with the host permission CORS cannot be the cause: the connection ended without an answer', () => {
    expect(classifyNoResponse({ request: basic, hostAccess: true, timedOut: false, reachable: true }).kind).toBe('connection_lost');
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof classifyNoResponse(value as never).kind).toBe('string');
      }),
    );
  });
});

describe('possibleNetworkCauses', () => {
  it('an IP literal over http can only be a refused connection', () => {
    expect(possibleNetworkCauses('http://127.0.0.1:9/token')).toHaveLength(1);
    expect(possibleNetworkCauses('http://127.0.0.1:9/token')[0]).toMatch(/connection refused/);
  });

  it('a name over https may also be DNS or TLS', () => {
    const causes = possibleNetworkCauses('https://login.example.com/token').join(' ');
    expect(causes).toMatch(/connection refused/);
    expect(causes).toMatch(/DNS/);
    expect(causes).toMatch(/TLS/);
  });
});

describe('describeNoResponse', () => {
  it('never says the server refused when nothing was read', () => {
    for (const kind of ['preflight_refused', 'answer_hidden', 'timeout', 'connection_lost', 'unreachable'] as const) {
      const sentence = describeNoResponse({ kind, possibleCauses: ['connection refused'] }, TOKEN, true);
      expect(sentence).not.toMatch(/server (refused|rejected)/i);
    }
  });

  it('says whether the code may have been redeemed', () => {
    expect(describeNoResponse({ kind: 'answer_hidden' }, TOKEN, true)).toMatch(/may have redeemed the code/);
    expect(describeNoResponse({ kind: 'preflight_refused' }, TOKEN, true)).toMatch(/never sent.*code was not used/s);
  });
});
