import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpExchange, HttpRequest } from '../../../../src/core';
import { toCurl } from '../../../../src/core';
import { compareRedirectUris, type RedirectUriPart } from '../../../../src/core/diagnose/compare-redirect-uris';
import { parseHttpTranscript } from '../../../../src/core/traffic/parse-http-transcript';
import { readTranscript } from '../read-transcript';

// Any UTF-16 code unit, lone surrogates included: what a clipboard can really hold.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyString = fc.string({ unit: codeUnit, maxLength: 300 });
// Pieces of real transcripts, so that random pastes reach the branches that read them.
const transcriptish = fc
  .array(
    fc.constantFrom(
      'HTTP/1.1 ', 'HTTP/2 ', '401', '200', '100 Continue', ' ', '\n', '\r\n', '\t', '> ', '< ', '* ', '*   Trying 1.2.3.4:443...',
      '* Connected to a.example (1.2.3.4) port 443', '* SSL connection', '{ [5 bytes data]', 'POST /token HTTP/1.1', 'Host: a.example',
      'Location: /next', 'status: ', ':status: ', 'Status Code: ', 'Request URL: ', ':method: ', ':path: ', 'content-type: ', 'set-cookie: a=1',
      '{', '}', '[', ']', '"error"', '"statusCode"', ':', '"invalid_grant"', 'error=', 'access_token=x', '&', '=', '%', '<html>', 'HTTP',
      '$ curl ', 'curl ', "'", '"', "$'", '\\', '\\\n', '^', '`', '-d', '-H', '-u', '-X', '-G', '--data-urlencode', '--url', 'a:b', 'https://a.example/t',
      '  % Total    % Received', '100  5  100  5 0 0 1 0 --:--:--', '\u2028', '\uFEFF', '\uD800', '__proto__: x',
    ),
    { maxLength: 60 },
  )
  .map((pieces) => pieces.join(''));

function expectWellFormed(exchange: HttpExchange) {
  const { response, request } = exchange;
  expect(Number.isInteger(response.status) && response.status >= 0 && response.status <= 999).toBe(true);
  expect(typeof response.body).toBe('string');
  expectStringRecord(response.headers);
  if (request !== undefined) {
    expect(typeof request.method).toBe('string');
    expect(typeof request.url).toBe('string');
    if (request.headers !== undefined) expectStringRecord(request.headers);
    if (request.body !== undefined) expect(typeof request.body).toBe('string');
  }
}

function expectStringRecord(record: unknown) {
  expect(typeof record === 'object' && record !== null && !Array.isArray(record)).toBe(true);
  for (const value of Object.values(record as object)) expect(typeof value).toBe('string');
}

describe('parseHttpTranscript on anything pasted', () => {
  it('never throws: a well-formed exchange, or a problem that says something', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, transcriptish, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const read = parseHttpTranscript(text);
        if (read.ok) expectWellFormed(read.exchange);
        else expect(read.problem.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
  const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 40 });
  const headerValue = fc.tuple(printable, fc.option(printable)).map(([a, b]) => (b === null ? a : `${a} ${b}`));
  const headers = fc.uniqueArray(fc.tuple(token, headerValue), { selector: ([name]) => name.toLowerCase(), maxLength: 8 });

  it('reads back curl -i output: status, headers and a JSON or form body, with LF or CRLF', () => {
    const body = fc.oneof(fc.json(), fc.webQueryParameters(), fc.constant(''));
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 599 }), fc.constantFrom('HTTP/1.1', 'HTTP/2'), headers, body, fc.constantFrom('\n', '\r\n'), (status, version, list, text, eol) => {
        const paste = [`${version} ${status} `, ...list.map(([name, value]) => `${name}: ${value}`), '', text].join(eol);
        const { response } = readTranscript(paste);
        expect(response).toEqual({ status, headers: Object.fromEntries(list), body: text.trim() });
      }),
      { numRuns: 500 },
    );
  });

  it('reads back the request from a toCurl command line, whatever the body holds', () => {
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD');
    const url = fc.webPath().map((path) => `https://server.example.com${path.startsWith('/') ? path : `/${path}`}`);
    const named = headers.map((list) => list.filter(([name]) => name.toLowerCase() !== 'content-length'));
    // Line endings are normalised, as any paste's are.
    const body = fc.option(fc.string({ unit: codeUnit, maxLength: 80 }).map((text) => text.replaceAll('\r', '')), { nil: undefined });
    fc.assert(
      fc.property(method, url, named, body, (verb, target, list, data) => {
        const request: HttpRequest = { method: verb, url: target, headers: Object.fromEntries(list) };
        if (data !== undefined) request.body = data;
        const parsed = readTranscript(`$ ${toCurl(request)}\nHTTP/1.1 204 No Content\n\n`).request;
        const sent = { ...request.headers };
        // curl itself adds this content type to a body sent with --data-raw.
        if (data !== undefined && !list.some(([name]) => name.toLowerCase() === 'content-type')) sent['Content-Type'] = 'application/x-www-form-urlencoded';
        expect(parsed).toEqual({ ...request, headers: Object.keys(sent).length > 0 ? sent : undefined });
      }),
      { numRuns: 500 },
    );
  });

  // Tests do not time things: `npm run bench` measures these sizes. Here they must only come out right, without a stack overflow.
  it('reads a realistic 1 MB paste', () => {
    const html = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(2)}</p>\n`.repeat(9000);
    const json = JSON.stringify({ error: 'invalid_request', items: Array.from({ length: 25000 }, (_, i) => ({ i, s: 'abcdefghij' })) }, null, 2);
    const cases: [string, (text: string) => void][] = [
      [`HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\n\r\n${html}`, (text) => expect(readTranscript(text).response.body.length).toBe(html.length - 1)],
      [`* Connected to a.example (1.2.3.4) port 443\n> GET / HTTP/1.1\n> Host: a.example\n>\n< HTTP/1.1 502 Bad Gateway\n<\n${html}`, (text) => expect(readTranscript(text).request?.url).toBe('https://a.example/')],
      [`401\n${json}`, (text) => expect(readTranscript(text).response.status).toBe(401)],
      [json, (text) => expect(readTranscript(text).response.status).toBe(400)],
    ];
    for (const [text, check] of cases) {
      expect(text.length).toBeGreaterThan(1 << 20);
      check(text);
    }
  });

  it('reads 1 MB of adversarial shapes: one long line, half a million short ones, thousands of messages', () => {
    const big = 'a'.repeat(1 << 20);
    const json = JSON.stringify({ error: 'invalid_grant', error_description: big });
    const cases: [string, (text: string) => void][] = [
      [`HTTP/2 400\r\ncontent-type: application/json\r\n\r\n${json}`, (text) => expect(readTranscript(text).response.body).toBe(json)],
      [json, (text) => expect(readTranscript(text).response.status).toBe(400)],
      [`< HTTP/1.1 401 Unauthorized\n<\n${'x\n'.repeat(1 << 19)}`, (text) => expect(readTranscript(text).response.status).toBe(401)],
      ['HTTP/1.1 100 Continue\n\n'.repeat(1 << 15), (text) => expect(readTranscript(text).response.status).toBe(100)],
      ['HTTP/1.1 302 Found\nLocation: /a\n\n'.repeat(1 << 15), (text) => expect(readTranscript(text).response.status).toBe(302)],
      [`$ curl -L https://a.example/\n${'HTTP/1.1 302 Found\nLocation: /a\n\n'.repeat(1 << 15)}`, (text) => expect(readTranscript(text).request?.url).toBe('https://a.example/a')],
      [`$ curl -X POST https://a.example/t -d '${big}'\nHTTP/1.1 200 OK\n\n{}`, (text) => expect(readTranscript(text).request?.body).toBe(big)],
      [`$ curl ${"'a".repeat(1 << 18)}\n401\n`, (text) => expect(readTranscript(text).response.status).toBe(401)],
      [`curl ${'\\\n'.repeat(1 << 18)}`, (text) => expect(() => readTranscript(text)).toThrow('only a curl command')],
      [big, (text) => expect(() => readTranscript(text)).toThrow('Could not find an HTTP status')],
      ['a\n'.repeat(1 << 19), (text) => expect(() => readTranscript(text)).toThrow('Could not find an HTTP status')],
      [`${'$'.repeat(1 << 20)}curl`, (text) => expect(() => readTranscript(text)).toThrow('only a curl command')],
      [`401 ${' '.repeat(1 << 20)}x`, (text) => expect(readTranscript(text).response.body).toBe('')],
      [`200 ${'a= '.repeat(1 << 18)}`, (text) => expect(readTranscript(text).response.status).toBe(200)],
      ['GET / HTTP/1.1\n'.repeat(1 << 16), (text) => expect(() => readTranscript(text)).toThrow('Found the request')],
      ['> A: b\n'.repeat(1 << 17), (text) => expect(() => readTranscript(text)).toThrow('Could not find an HTTP status')],
      ['x-a: b\n'.repeat(1 << 17), (text) => expect(() => readTranscript(text)).toThrow('Could not find an HTTP status')],
      [`401\n\n${'x-a: b\n\n'.repeat(1 << 16)}`, (text) => expect(readTranscript(text).response.headers['x-a']).toBe('b, b, b, b')],
      [`${'Request URL: x\n\n'.repeat(1 << 16)}status: 200`, (text) => expect(() => readTranscript(text)).toThrow('Could not find an HTTP status')],
      ['{'.repeat(1 << 20), (text) => expect(() => readTranscript(text)).toThrow('a JSON body')],
      [`${' \t'.repeat(1 << 19)}401`, (text) => expect(readTranscript(text).response.status).toBe(401)],
    ];
    for (const [text, check] of cases) {
      check(text);
    }
  });
});

const PARTS: RedirectUriPart[] = ['scheme', 'userinfo', 'host', 'port', 'path', 'trailing_slash', 'query', 'fragment', 'encoding', 'whitespace', 'browser', 'whole'];
// Pieces of redirect URIs, so that two random ones are often almost the same.
const uriish = fc
  .array(
    fc.constantFrom(
      'https://', 'http://', 'HTTPS://', 'com.example.app:', '//', '/', 'localhost', '127.0.0.1', '[::1]', 'App.example.com', 'app.example.com', ':443', ':80',
      ':8080', ':', '@', 'user:pw@', '/cb', '/Cb', '/cb/', '?', '&', '=', 'a=1', 'a=2', '+', '%20', '%2F', '%2f', '%', '%C3%A9', 'é', '#', '#x', ' ',
      '\n', '\u200B', '\u00A0', '\uD800', '.', '..', '\\', 'mbjdbmbcflbdlbamkjpfaoaaonlmiege.chromiumapp.org',
      '7a1bd3a2c8e94a5c1b3f8de1d0c4a9e7f2b6c5d4.extensions.allizom.org',
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));
// A URI and a copy with one piece changed, the usual shape of a mismatch.
const nearPair = fc.tuple(uriish, fc.nat(40), uriish).map(([uri, at, piece]) => [uri, uri.slice(0, at) + piece + uri.slice(at + 1)] as const);

describe('compareRedirectUris on any two strings', () => {
  it('never throws; equal exactly when the strings are identical; a difference whenever they are not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(anyString, anyString), fc.tuple(uriish, uriish), nearPair, uriish.map((u) => [u, u] as const)), ([expected, actual]) => {
        const { equal, differences } = compareRedirectUris(expected, actual);
        expect(equal).toBe(expected === actual);
        expect(differences.length > 0).toBe(expected !== actual);
        for (const difference of differences) {
          expect(PARTS).toContain(difference.part);
          expect(difference.note.length).toBeGreaterThan(0);
          expect(typeof difference.expected).toBe('string');
          expect(typeof difference.actual).toBe('string');
        }
        if (differences.some((d) => d.part === 'whole')) expect(differences.filter((d) => d.part !== 'whole').every((d) => d.part === 'whitespace')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
