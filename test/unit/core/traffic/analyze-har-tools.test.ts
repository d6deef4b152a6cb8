import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeHar, judgeHar, type HarItem } from '../../../../src/core';
import { readHarEntry, type HarExchange } from '../../../../src/core/traffic/read-har-entry';

// HAR files that Charles, Fiddler, Safari, Proxyman, Insomnia and mitmproxy wrote, found in public
// repositories and trimmed (har-tools/README.md says where each is from and what was cut). Their
// odd shapes are theirs: a byte order mark, offsets and seven-digit fractions in dates, bodies in
// base64, forms as params only, keys in any order, fields left out or null.
const text = (name: string) => readFileSync(new URL(`./har-tools/${name}.har`, import.meta.url), 'utf8');
type Entry = { request: { method: string; url: string }; response: { status: number } };
const entriesOf = (name: string) => (JSON.parse(text(name).replace(/^\uFEFF/, '')) as { log: { entries: unknown[] } }).log.entries;

const FILES = [
  'charles-4.2-json-api-base64',
  'charles-4.6-auth-headers-redirect',
  'charles-4.2-compact-login-form',
  'fiddler-4.6-bom-pages',
  'fiddler-2.3-params-unordered',
  'safari-16.3-page-memory-cache',
  'proxyman-6.5-api-base64',
  'insomnia-2022.1-get',
  'mitmproxy-11.0-post-401',
];

function items(name: string): HarItem[] {
  const result = analyzeHar(text(name));
  if ('error' in result) throw new Error(`${name}: ${result.error}`);
  return result.items;
}
const kinds = (name: string) => items(name).map((item) => [item.entryIndex, item.kind]);

/** What the reader makes of one entry of a file, as the judgement takes it. */
function exchange(name: string, index: number): HarExchange {
  const read = readHarEntry(entriesOf(name)[index], index);
  if ('problem' in read) throw new Error(read.problem);
  return read.exchange;
}

describe('every tool\'s file is read whole', () => {
  it.each(FILES)('%s: no error, no note, one item for each entry', (name) => {
    const result = analyzeHar(text(name));
    expect(result).not.toHaveProperty('error');
    expect(result).not.toHaveProperty('notes');
    const indexes = 'items' in result ? result.items.map((item) => item.entryIndex) : [];
    expect([...indexes].sort((a, b) => a - b)).toEqual(entriesOf(name).map((_, index) => index));
  });
});

describe('Charles', () => {
  it('4.2: a body in base64 is decoded; a date with an offset is read as the instant it names', () => {
    const name = 'charles-4.2-json-api-base64';
    // A JSON API that names its own endpoint get-token: no grant_type, so no OAuth token request.
    expect(kinds(name)).toEqual([
      [0, 'other'],
      [1, 'other'],
    ]);
    const token = exchange(name, 0);
    expect(token.answer?.body).toBe('{"success": true, "token": "baNLX1zhFYP11Seb"}');
    expect(token.at).toBe('2018-02-19T09:30:00.904Z'); // written 2018-02-19T17:30:00.904+08:00
    expect(token.answeredAt).toBe('2018-02-19T09:30:00.907Z'); // "time": 3
  });

  it('4.6: credentials in Authorization are API calls, a relative redirectURL is read against the request, a form written only as params is the body', () => {
    const name = 'charles-4.6-auth-headers-redirect';
    expect(kinds(name)).toEqual([
      [0, 'other'],
      [1, 'other'],
      [2, 'api_call'], // Authorization: Basic
      [3, 'api_call'], // Authorization: OAuth (1.0a)
      [4, 'other'],
      [5, 'other'],
    ]);
    expect(exchange(name, 1).body).toBe('foo1=bar1&foo2=bar2');
    expect(exchange(name, 4).answer).toMatchObject({ status: 302, location: 'https://postman-echo.com/cookies' }); // "redirectURL": "/cookies"
    expect(items(name)[4]).not.toHaveProperty('diagnosis');
  });

  it('4.6: the 401 is judged from its body decoded from base64 ("content.mimeType": null)', () => {
    const name = 'charles-4.6-auth-headers-redirect';
    const digest = items(name).find((item) => item.entryIndex === 5);
    expect((entriesOf(name)[5] as Entry).response.status).toBe(401);
    expect(digest?.diagnosis?.serverMessage).toBe('Unauthorized'); // "text": "VW5hdXRob3JpemVk", "encoding": "base64"
    expect(JSON.stringify(digest)).not.toContain('VW5hdXRob3JpemVk');
  });

  it('4.6: nothing returned quotes the credentials or the session cookies the file holds', () => {
    const raw = text('charles-4.6-auth-headers-redirect');
    const secrets = ['cG9zdG1hbjpwYXNzd29yZA==', 'oauth_signature="', ...[...raw.matchAll(/sails\.sid=(s%3A[^;"]+)/g)].map((m) => m[1]!)];
    expect(secrets.length).toBeGreaterThan(3);
    const said = JSON.stringify(judgeHar(raw));
    for (const secret of secrets) expect(said).not.toContain(secret);
  });

  it('4.2, written on one line: a sign-in form given as params only, with a check mark, is the body', () => {
    const name = 'charles-4.2-compact-login-form';
    expect(text(name).split('\n')).toHaveLength(1);
    expect(kinds(name)).toEqual([0, 1, 2, 3].map((index) => [index, 'other']));
    expect(exchange(name, 2).body).toBe('utf8=%E2%9C%93&user%5Blogin%5D=someone01&user%5Bpassword%5D=Placeholder&user%5Bremember_me%5D=0&user%5Bremember_me%5D=1&commit=Sign+In');
    expect(JSON.stringify(analyzeHar(text(name)))).not.toContain('Placeholder');
  });
});

describe('Fiddler', () => {
  it('4.6: a byte order mark, dates with seven-digit fractions, and an empty postData on every GET, which is no body', () => {
    const name = 'fiddler-4.6-bom-pages';
    expect(text(name).startsWith('\uFEFF')).toBe(true);
    expect(kinds(name)).toEqual([0, 1, 2, 3].map((index) => [index, 'other']));
    const page = exchange(name, 0);
    expect(page.at).toBe('2016-06-28T20:42:02.722Z'); // written 2016-06-28T21:42:02.7221474+01:00
    // "postData": {"text": "", "mimeType": ""}: no body, and no empty Content-Type made up for it.
    expect(page).not.toHaveProperty('body');
    expect(page.headers.some(([header]) => header.toLowerCase() === 'content-type')).toBe(false);
    // A 304 Fiddler wrote as an empty base64 body.
    expect(exchange(name, 2).answer).toMatchObject({ status: 304, body: '' });
  });

  it('2.3: entries out of order are judged in the order they started; a form as params only; a body left out over Fiddler\'s size limit', () => {
    const name = 'fiddler-2.3-params-unordered';
    // Entry 3 (the POST) started at 06:40:47.3824, before entries 1 (.3914) and 2 (.4064).
    expect(items(name).map((item) => item.entryIndex)).toEqual([0, 3, 1, 2, 4]);
    expect(kinds(name).every(([, kind]) => kind === 'other')).toBe(true);
    const post = exchange(name, 3);
    expect(post.method).toBe('POST');
    expect(post.body).toMatch(/&url=http%3A%2F%2Ffiddlerstartmarker\.com%2F&hl=en&/);
    // "content": {..., "comment": "Body length exceeded fiddler.importexport.HTTPArchiveJSON.MaxTextBodyLength, so body was omitted."}
    expect(exchange(name, 0).answer).toEqual(expect.objectContaining({ status: 200 }));
    expect(exchange(name, 0).answer).not.toHaveProperty('body');
    expect(exchange(name, 4).answer).toMatchObject({ status: 302, location: 'http://dm.demdex.net/demconf.jpg?et:3d%7cptag:18410%7c' });
  });
});

describe('Safari (WebKit Web Inspector)', () => {
  it('entries served from the memory cache and an image in base64 are read; the image is no text, so no body', () => {
    const name = 'safari-16.3-page-memory-cache';
    expect(kinds(name)).toEqual([0, 1, 2, 3, 4].map((index) => [index, 'other']));
    const image = exchange(name, 1);
    expect(image.answer).toMatchObject({ status: 200 });
    expect(image.answer).not.toHaveProperty('body');
    expect(exchange(name, 4).answer?.body).toMatch(/^\{/);
  });
});

describe('Proxyman', () => {
  it('keys in any order, "\\/" escapes, a password in Authorization: the account call is an API call, the bodies decoded from base64', () => {
    const name = 'proxyman-6.5-api-base64';
    expect(kinds(name)).toEqual([
      [0, 'api_call'],
      [1, 'other'],
      [2, 'other'],
      [3, 'other'],
    ]);
    expect(exchange(name, 0).url).toBe('https://cloud.culturedcode.com/version/1/account/person.sample+things15@mail.test');
    expect(exchange(name, 3).answer?.body).toBe('{"server-head-index":2}');
    expect(JSON.stringify(judgeHar(text(name)))).not.toContain('Sample0000!');
  });

  it('a JSON body that Proxyman also wrote as form params is read as the text it is', () => {
    const post = exchange('proxyman-6.5-api-base64', 3);
    expect(post.body).toMatch(/^\{"Q9sihFX2SsvGaz6vv4J2Hf":\{"t":0,"e":"Task6"/);
  });
});

describe('Insomnia and mitmproxy', () => {
  it('Insomnia: no headers at all and an empty postData with empty params: a GET without a body', () => {
    const get = exchange('insomnia-2022.1-get', 0);
    expect(get).toMatchObject({ method: 'GET', url: 'http://mitm.it/', headers: [] });
    expect(get).not.toHaveProperty('body');
    expect(kinds('insomnia-2022.1-get')).toEqual([[0, 'other']]);
  });

  it('mitmproxy: a date with microseconds and "+00:00", a JSON body beside empty params, an empty 401 answer', () => {
    const post = exchange('mitmproxy-11.0-post-401', 0);
    expect(post.at).toBe('2024-08-09T17:14:01.050Z'); // written 2024-08-09T17:14:01.050195+00:00
    expect(post.body).toMatch(/^\{"clientContext":/);
    expect(post.answer).toMatchObject({ status: 401, body: '' });
    // The body is in the file, empty: no note that it is missing.
    expect(analyzeHar(text('mitmproxy-11.0-post-401'))).not.toHaveProperty('notes');
  });
});

describe('a real export cut short, as 50 MB exports often are', () => {
  it.each([
    ['proxyman-6.5-api-base64', 0.8],
    ['fiddler-4.6-bom-pages', 0.6],
    ['charles-4.6-auth-headers-redirect', 0.5],
  ])('%s cut at %d of its length: the entries before the cut are judged, and a note says the rest is lost', (name, share) => {
    const whole = text(name);
    const cut = whole.slice(0, Math.floor(whole.length * share));
    const result = analyzeHar(cut);
    if ('error' in result) throw new Error(result.error);
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.length).toBeLessThan(entriesOf(name).length);
    expect(result.items.map((item) => item.entryIndex).sort((a, b) => a - b)).toEqual(result.items.map((_, index) => index));
    expect(result.notes?.[0]).toMatch(new RegExp(`^the file is cut short \\(it stops inside .*\\): the ${result.items.length} entries before the cut were read, the rest is lost; .*export the HAR again$`));
    // What was read is judged as the whole file judges it.
    const full = items(name);
    for (const item of result.items) expect(item).toEqual(full.find((other) => other.entryIndex === item.entryIndex));
  });
});
