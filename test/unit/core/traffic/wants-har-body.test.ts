import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wantsHarBody } from '../../../../src/core';

type Entry = { request: { method: string; url: string }; response: { status: number } };
const entries = (name: string) => (JSON.parse(readFileSync(new URL(`./har-recorded/${name}.har`, import.meta.url), 'utf8')) as { log: { entries: Entry[] } }).log.entries;

describe('wantsHarBody: which bodies the DevTools panel fetches', () => {
  it("a flow's OAuth requests and its failures, not its sign-in pages", () => {
    const wanted = entries('reused-code').map((entry) => [new URL(entry.request.url).pathname.split('/')[1], entry.response.status, wantsHarBody(entry)]);
    expect(wanted.filter(([path]) => path === 'token').every(([, , wants]) => wants)).toBe(true);
    expect(wanted.filter(([path]) => path === 'interaction').some(([, , wants]) => wants)).toBe(false);
    expect(wanted.find(([path]) => path === 'callback')?.[2]).toBe(true);
  });

  it('an API call with a credential, and any failure', () => {
    expect(entries('api-401').filter(wantsHarBody).map((entry) => entry.response.status)).toEqual([401]);
    expect(wantsHarBody({ request: { method: 'GET', url: 'https://app.example.com/favicon.ico', headers: [] }, response: { status: 404, headers: [], content: {} } })).toBe(true);
    expect(wantsHarBody({ request: { method: 'GET', url: 'https://app.example.com/app.js', headers: [] }, response: { status: 200, headers: [], content: {} } })).toBe(false);
  });

  it('never throws, and wants nothing of what is no entry', () => {
    for (const value of [null, undefined, 'entry', 42, [], {}, { request: 'x' }]) expect(wantsHarBody(value)).toBe(false);
  });
});
