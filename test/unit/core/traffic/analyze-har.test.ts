import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeHar, judgeHar, judgeHarFile, type HarAnalysis, type HarItem } from '../../../../src/core';

const fixture = (name: string) => readFileSync(new URL(`har-fixtures/${name}.har`, import.meta.url), 'utf8');
// The fixtures' secrets (RFC 6749's examples): none may come back in anything analyzeHar returns.
const SECRETS = ['SplxlOBeZQQYbYS6WxSbIA', '2YotnFZFEjr1zCsicMWpAA', 'tGzv3JOkF0XG5Qx2TlKWIA', 'czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3', '7Fjfp0ZBr1KtDRbnfVdmIw'];

function itemsOf(result: HarAnalysis): HarItem[] {
  if ('error' in result) throw new Error(`expected items, got the error "${result.error}"`);
  for (const secret of SECRETS) expect(JSON.stringify(result)).not.toContain(secret);
  return result.items;
}
const kinds = (items: HarItem[]) => items.map((item) => [item.entryIndex, item.kind]);
const diagnosed = (items: HarItem[]) => items.filter((item) => item.diagnosis).map((item) => [item.entryIndex, item.diagnosis!.category]);

describe('analyzeHar on browsers\' HAR files', () => {
  it('a clean flow: each step named, nothing diagnosed (the favicon 404 is nobody\'s OAuth failure)', () => {
    const items = itemsOf(analyzeHar(fixture('chrome-clean-flow')));
    expect(kinds(items)).toEqual([
      [0, 'discovery'],
      [1, 'authorization_request'],
      [2, 'authorization_response'],
      [3, 'token_request'],
      [4, 'api_call'],
      [5, 'other'],
    ]);
    expect(diagnosed(items)).toEqual([]);
  });

  it('a code redeemed twice: the second redemption is named a reuse, with when the code was first redeemed', () => {
    const items = itemsOf(analyzeHar(fixture('chrome-reused-code')));
    expect(diagnosed(items)).toEqual([[3, 'code_reused']]);
    const diagnosis = items[3]!.diagnosis!;
    expect(diagnosis.certain).toBe(true);
    expect(diagnosis.explanation).toContain('already exchanged at 10:00:04 UTC');
    expect(diagnosis.times).toEqual(['2026-12-01T10:00:04.380Z']);
  });

  it('a redirect_uri differing between the authorization and the token request is named, with both', () => {
    const items = itemsOf(analyzeHar(fixture('firefox-redirect-uri-mismatch')));
    expect(diagnosed(items)).toEqual([[2, 'redirect_uri_mismatch']]);
    expect(items[2]!.diagnosis!.redirectUris).toEqual({ atAuthorization: 'https://client.example.com/cb', atExchange: 'https://client.example.com/callback' });
  });

  it('a 429 with Retry-After, its body in base64: rate limited, for how long, read from the decoded body', () => {
    const [item] = itemsOf(analyzeHar(fixture('chrome-rate-limited')));
    expect(item).toMatchObject({ entryIndex: 0, kind: 'token_request', diagnosis: { category: 'rate_limited', retryAfterSeconds: 30, errorCode: 'too_many_requests' } });
  });

  it('an API 401 with WWW-Authenticate Bearer error="invalid_token"', () => {
    const [item] = itemsOf(analyzeHar(fixture('firefox-api-401')));
    expect(item!.kind).toBe('api_call');
    expect(item!.diagnosis?.candidates).toContain('invalid_token');
    expect(item!.diagnosis?.errorCode).toBe('invalid_token');
  });

  it('entries out of order are judged in the order they started, each item naming its place in the file', () => {
    const har = JSON.parse(fixture('chrome-reused-code'));
    har.log.entries.reverse();
    const items = itemsOf(analyzeHar(har));
    // Reversed: the second redemption is entry 0, the authorization request entry 3.
    expect(kinds(items)).toEqual([
      [3, 'authorization_request'],
      [2, 'authorization_response'],
      [1, 'token_request'],
      [0, 'token_request'],
    ]);
    expect(diagnosed(items)).toEqual([[0, 'code_reused']]);
  });

  it('takes what DevTools\' getHAR() gives (the log without "log" around it) and a byte order mark', () => {
    const har = JSON.parse(fixture('chrome-reused-code'));
    expect(diagnosed(itemsOf(analyzeHar(har.log)))).toEqual([[3, 'code_reused']]);
    expect(diagnosed(itemsOf(analyzeHar(`\uFEFF${fixture('chrome-reused-code')}`)))).toEqual([[3, 'code_reused']]);
  });
});

describe('what real tools leave out or write otherwise', () => {
  const one = (entry: unknown) => analyzeHar({ log: { entries: [entry] } });

  it('an entry with only a request URL and a status is judged', () => {
    const result = one({ request: { url: 'https://api.example.com/me', headers: [{ name: 'Authorization', value: 'Bearer 2YotnFZFEjr1zCsicMWpAA' }] }, response: { status: 401, headers: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }] } });
    const [item] = itemsOf(result);
    expect(item).toMatchObject({ entryIndex: 0, kind: 'api_call', diagnosis: { errorCode: 'invalid_token' } });
    expect('notes' in result && result.notes).toEqual([
      'entry 0 has no request.method: read as GET',
      "entry 0's response body is not in the file (saved without content, or not text): its diagnosis rests on the status and headers alone",
    ]);
  });

  it('a failure whose body the file left out is noted as judged without it; an empty body in the file is a body', () => {
    const token = (content: Record<string, unknown>) => ({
      request: { method: 'POST', url: 'https://server.example.com/token', postData: { mimeType: 'application/x-www-form-urlencoded', text: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA' } },
      response: { status: 400, content },
    });
    // Fiddler's words for a body over its size limit; Chrome's "without content" export writes no text either.
    const left = analyzeHar({ log: { entries: [token({ size: 5000, mimeType: 'application/json', comment: 'Body length exceeded fiddler.importexport.HTTPArchiveJSON.MaxTextBodyLength, so body was omitted.' })] } });
    expect(itemsOf(left)[0]!.diagnosis).toBeDefined();
    expect('notes' in left && left.notes).toEqual(["entry 0's response body is not in the file (saved without content, or not text): its diagnosis rests on the status and headers alone"]);
    expect(analyzeHar({ log: { entries: [token({ size: 0, mimeType: '', text: '' })] } })).not.toHaveProperty('notes');
    // A success is not judged: whether its body was saved matters to nobody.
    expect(analyzeHar({ log: { entries: [{ ...token({ size: 5000 }), response: { status: 200, content: { size: 5000 } } }] } })).not.toHaveProperty('notes');
  });

  it('an empty postData (Fiddler and Insomnia write one on every GET) is no body, and its empty mimeType no Content-Type', () => {
    const failed = (postData: Record<string, unknown>) =>
      judgeHar({ log: { entries: [{ request: { method: 'GET', url: 'https://api.example.com/me', headers: [{ name: 'Authorization', value: 'Bearer 2YotnFZFEjr1zCsicMWpAA' }], postData }, response: { status: 401, content: { text: '' } } }] } });
    for (const postData of [{ text: '', mimeType: '' }, { mimeType: '', text: '', params: [] }]) {
      const result = failed(postData);
      if ('error' in result) throw new Error(result.error);
      const request = result.items[0]!.error!.exchange.request!;
      expect(request.body).toBeUndefined();
      expect(Object.keys(request.headers ?? {}).map((name) => name.toLowerCase())).not.toContain('content-type');
    }
  });

  it('a form given only as postData.params is read as the token request it is', () => {
    const params = [
      { name: 'grant_type', value: 'authorization_code' },
      { name: 'code', value: 'SplxlOBeZQQYbYS6WxSbIA' },
    ];
    const [item] = itemsOf(one({ request: { method: 'POST', url: 'https://server.example.com/token', postData: { mimeType: 'application/x-www-form-urlencoded', params } }, response: { status: 400, content: { text: '{"error":"invalid_grant"}' } } }));
    expect(item).toMatchObject({ kind: 'token_request', diagnosis: { errorCode: 'invalid_grant' } });
  });

  it('status 0: a refused connection is diagnosed, a cancelled request is not', () => {
    const failed = (error: string) => ({ request: { method: 'GET', url: 'https://api.example.com/me' }, response: { status: 0, statusText: '', headers: [], content: { size: 0, mimeType: 'x-unknown' }, _error: error } });
    expect(itemsOf(one(failed('net::ERR_CONNECTION_REFUSED')))[0]!.diagnosis).toBeDefined();
    expect(itemsOf(one(failed('net::ERR_ABORTED')))[0]!.diagnosis).toBeUndefined();
  });

  it('a redirect carrying an error back to the app is diagnosed; a relative Location is read against the request', () => {
    const [item] = itemsOf(one({ request: { method: 'POST', url: 'https://server.example.com/login' }, response: { status: 302, headers: [{ name: 'Location', value: '/cb?error=access_denied&state=xyz' }], redirectURL: '' } }));
    expect(item).toMatchObject({ kind: 'authorization_response', diagnosis: { errorCode: 'access_denied' } });
  });

  it('a binary body in base64 and one that is not base64 are left unjudged, not misread', () => {
    const items = itemsOf(
      analyzeHar({
        log: {
          entries: [
            { request: { method: 'GET', url: 'https://server.example.com/token' }, response: { status: 500, content: { text: '//79/A==', encoding: 'base64' } } },
            { request: { method: 'GET', url: 'https://server.example.com/token' }, response: { status: 500, content: { text: '{not base64', encoding: 'base64' } } },
          ],
        },
      }),
    );
    expect(items.map((item) => item.diagnosis?.serverMessage)).toEqual([undefined, undefined]);
  });

  it('an entry without a request URL is skipped with a note; the others are judged', () => {
    const har = JSON.parse(fixture('chrome-reused-code'));
    har.log.entries.splice(1, 0, { request: { method: 'GET' } }, 'garbage');
    const result = analyzeHar(har);
    expect(diagnosed(itemsOf(result))).toEqual([[5, 'code_reused']]);
    expect('notes' in result && result.notes).toEqual(['entry 1 has no request.url: skipped', 'entry 2 is not an object: skipped']);
  });

  it('kinds by the specs: discovery under an issuer path (RFC 8414 §3), a pushed authorization request, a form posted back, an API key', () => {
    const entry = (method: string, url: string, extra: Record<string, unknown> = {}) => ({ request: { method, url, ...extra }, response: { status: 200 } });
    const items = itemsOf(
      analyzeHar({
        log: {
          entries: [
            entry('GET', 'https://server.example.com/.well-known/oauth-authorization-server/tenant1'),
            entry('GET', 'https://server.example.com/authorize?client_id=s6BhdRkqt3&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3A6esc_11ACC5bwc014ltc14eY22c'),
            entry('POST', 'https://client.example.com/cb', { headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'code=SplxlOBeZQQYbYS6WxSbIA&state=xyz' } }),
            entry('GET', 'https://api.example.com/items', { headers: [{ name: 'X-Api-Key', value: 'k' }] }),
            entry('GET', 'https://client.example.com/app.js', { headers: [{ name: ':authority', value: 'client.example.com' }] }),
          ],
        },
      }),
    );
    expect(items.map((item) => item.kind)).toEqual(['discovery', 'authorization_request', 'authorization_response', 'api_call', 'other']);
  });

  it('no entries: nothing to show, no error', () => {
    expect(analyzeHar('{"log":{"version":"1.2","entries":[]}}')).toEqual({ items: [] });
  });
});

/** What File.text() makes of a file's bytes: UTF-8, each byte that is none replaced by U+FFFD. */
const asText = (bytes: number[] | string) => new TextDecoder().decode(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : Uint8Array.from(bytes));
const bytesOf = (text: string) => [...text].map((char) => char.charCodeAt(0));

describe('a file that cannot be read says what is wrong', () => {
  it.each([
    ['', 'the file is empty'],
    [' \n\t', 'the file is empty'],
    ['\uFEFF', 'the file is empty'],
    ['[]', 'not a HAR file: it holds an array, not an object with log.entries'],
    ['42', 'not a HAR file: it holds a number, not an object with log.entries'],
    ['{"har":{}}', 'not a HAR file: no "log" object (a HAR file is {"log": {"entries": [...]}})'],
    ['{"log":[]}', 'not a HAR file: "log" is an array, not an object'],
    ['{"log":{"version":"1.2"}}', 'not a HAR file: its "log" has no "entries" array'],
    ['{"log":{"entries":{}}}', 'not a HAR file: log.entries is an object, not an array'],
    ['{"log":{"version":"1.2","entries":null}}', 'not a HAR file: log.entries is null, not an array'],
    ['{"log":{"entries":[1,{"request":{}}]}}', 'none of the 2 entries is a request: entry 0 is not an object; entry 1 has no request.url'],
  ])('%j', (text, error) => {
    expect(analyzeHar(text)).toEqual({ error });
  });

  it('not JSON: where, by line and column, without quoting the text (it may hold a secret)', () => {
    const result = analyzeHar('{"log": {\n  "entries": [ {"access_token": "2YotnFZFEjr1zCsicMWpAA" x} ]}}');
    expect('error' in result && result.error).toMatch(/^not JSON: .* at position 67 \(line 2, column 58\)$/);
    // V8 quotes the first ten characters and ends with `"..." is not valid JSON`: neither is kept.
    const cut = analyzeHar('SplxlOBeZQQYbYS6WxSbIA and more');
    expect('error' in cut && cut.error).toMatch(/^not JSON: /);
    expect(JSON.stringify(cut)).not.toContain('SplxlOBeZQ');
  });

  it('another tool\'s session file instead of its HAR export: which, and how to export the HAR', () => {
    // Fiddler's .saz is a ZIP archive (its first bytes: PK 03 04, then a raw/ folder of sessions).
    expect(analyzeHar(asText([...bytesOf('PK'), 3, 4, 20, 0, 0, 0, 8, 0, ...bytesOf('raw/01_c.txt')]))).toEqual({
      error: 'not a HAR file: it is a ZIP archive. Fiddler saves its sessions as .saz, a ZIP: in Fiddler use File › Export Sessions › All Sessions… and choose HTTPArchive v1.2. A HAR that was zipped must be unzipped first',
    });
    // Charles' .chls is binary; so are other proxies' own session files.
    const binary = analyzeHar(asText([0xac, 0xed, 0x00, 0x05, 0x73, 0x72, 0x00, 0x1b, ...bytesOf('com.xk72.charles.model')]));
    expect('error' in binary && binary.error).toMatch(/^not a HAR file: it is binary, not JSON text\. .*Charles \.chls.*File › Export Session…, then HTTP Archive\)$/);
    // Charles' "JSON Session File" (.chlsj): an array of transactions, as charles_to_postman.py describes it.
    const chlsj = JSON.stringify([{ method: 'POST', protocolVersion: 'HTTP/1.1', scheme: 'https', host: 'www.example.com', port: null, path: '/foo', query: null, request: { sizes: { headers: 556, body: 67 }, mimeType: 'application/json' } }]);
    expect(analyzeHar(chlsj)).toEqual({ error: 'not a HAR file: it is a Charles JSON session (.chlsj). In Charles, use File › Export Session… and choose HTTP Archive (.har)' });
    expect(analyzeHar('{"info":{"name":"API","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[]}')).toEqual({
      error: 'not a HAR file: it is a Postman collection, the requests to send, not the traffic that was sent. Record the traffic (the browser\'s network panel, a proxy) and export that as HAR',
    });
    expect(analyzeHar('{"_type":"export","__export_format":4,"resources":[]}')).toMatchObject({ error: expect.stringMatching(/^not a HAR file: it is an Insomnia data export/) });
  });

  it('compressed, in the wrong encoding, or a page saved instead: said so', () => {
    expect(analyzeHar(asText([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]))).toEqual({ error: 'not a HAR file: it is gzip-compressed (a .har.gz?): decompress it first' });
    // UTF-16LE with its byte order mark, as Windows PowerShell 5 redirects output.
    const utf16 = asText([0xff, 0xfe, ...[...'{\n  "log": {}}'].flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(analyzeHar(utf16)).toMatchObject({ error: expect.stringMatching(/^not a HAR file as it is saved: it is UTF-16 text, and a HAR file is UTF-8/) });
    for (const page of ['<!DOCTYPE html><html><body>Sign in</body></html>', '<?xml version="1.0" encoding="UTF-8"?>\n<session/>']) {
      expect(analyzeHar(page)).toMatchObject({ error: expect.stringMatching(/^not a HAR file: it is XML or HTML, not JSON/) });
    }
  });

  it('cut short: the entries complete before the cut are read, with a note; cut before any is complete, an error', () => {
    const whole = JSON.stringify(JSON.parse(fixture('chrome-reused-code')), null, 2);
    const entries = (JSON.parse(whole) as { log: { entries: unknown[] } }).log.entries;
    // Cut inside the third entry's request.
    const third = whole.indexOf('"request"', whole.indexOf('"startedDateTime"', whole.indexOf('"startedDateTime"', whole.indexOf('"startedDateTime"') + 1) + 1));
    const result = judgeHarFile(whole.slice(0, third + 30));
    if ('error' in result) throw new Error(result.error);
    expect(result.entries).toEqual(entries.slice(0, 2));
    expect(result.items.map((item) => item.entryIndex)).toEqual([0, 1]);
    expect(result.notes).toEqual([expect.stringMatching(/^the file is cut short \(it stops inside (?:a string|an unfinished object), at line \d+, \d+ characters in\): the 2 entries before the cut were read, the rest is lost; the export, download or copy did not finish: export the HAR again$/)]);
    for (const secret of SECRETS) expect(JSON.stringify(analyzeHar(whole.slice(0, third + 30)))).not.toContain(secret);

    expect(analyzeHar('{"log": {"version": "1.2", "entries": [{"request": {"url": "https://a.example/')).toEqual({
      error: 'the file is cut short: it stops inside a string, at line 1, 78 characters in, before any entry is complete. The export, download or copy did not finish: export the HAR again',
    });
    // A syntax error before the cut is JSON.parse's to name.
    expect(analyzeHar('{"log": {"entries": [{"request": x}, {"request": {')).toMatchObject({ error: expect.stringMatching(/^not JSON: /) });
  });

  it('JSON Lines: entries one a line are read, with a note; other JSON values one a line are named', () => {
    const entries = (JSON.parse(fixture('chrome-reused-code')) as { log: { entries: unknown[] } }).log.entries;
    const lines = entries.map((entry) => JSON.stringify(entry)).join('\n');
    const result = analyzeHar(`${lines}\n`);
    expect(diagnosed(itemsOf(result))).toEqual(diagnosed(itemsOf(analyzeHar(fixture('chrome-reused-code')))));
    expect('notes' in result && result.notes).toEqual([`the file is JSON Lines, one entry a line, not one HAR object: its ${entries.length} lines were read as the entries`]);
    expect(analyzeHar('{"log":{"entries":[]}}\n{"log":{"entries":[]}}')).toEqual({ error: 'not a HAR file: it is JSON Lines (2 JSON values, one a line), not one JSON object {"log": {"entries": [...]}}' });
  });

  it('two files joined, or text after the HAR: where its JSON ends', () => {
    const whole = fixture('firefox-api-401');
    expect(analyzeHar(`${whole}\n${whole}`)).toEqual({ error: `not JSON: the text goes on after its JSON value ends (at line ${whole.trimEnd().split('\n').length}): two files joined, or something written after the HAR?` });
  });

  it('a bare array of entries (log.entries copied out) is read, with a note', () => {
    const entries = (JSON.parse(fixture('chrome-reused-code')) as { log: { entries: unknown[] } }).log.entries;
    const result = analyzeHar(JSON.stringify(entries));
    expect(diagnosed(itemsOf(result))).toEqual(diagnosed(itemsOf(analyzeHar(fixture('chrome-reused-code')))));
    expect('notes' in result && result.notes).toEqual([`the file is a list of ${entries.length} entries without the {"log": {"entries": …}} around it: read as the entries`]);
  });
});

describe('size', () => {
  it('a ~5 MB file of many sign-ins is read whole, each redemption judged with its own code', () => {
    const base = JSON.parse(fixture('chrome-reused-code'));
    const entries: unknown[] = [];
    const start = Date.parse('2026-12-01T10:00:00Z');
    for (let flow = 0; entries.length < 2400; flow += 1) {
      const text = JSON.stringify(base.log.entries).replaceAll('SplxlOBeZQQYbYS6WxSbIA', `code-${flow}`);
      (JSON.parse(text) as { startedDateTime: string }[]).forEach((entry, step) => entries.push({ ...entry, startedDateTime: new Date(start + flow * 10_000 + step * 100).toISOString() }));
    }
    const text = JSON.stringify({ log: { ...base.log, entries } });
    expect(text.length).toBeGreaterThan(4_000_000);
    const items = itemsOf(analyzeHar(text));
    expect(items).toHaveLength(2400);
    expect(diagnosed(items).every(([, category]) => category === 'code_reused')).toBe(true);
    expect(diagnosed(items)).toHaveLength(600);
  });
});
