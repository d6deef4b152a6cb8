import { describe, expect, it } from 'vitest';
import { accessUses, bundledDemoProfile, fillPreset, PROVIDER_PRESETS, type AccessFacts, type FlowRun } from '../../../../src/core';

const github = (() => {
  const filled = fillPreset(PROVIDER_PRESETS.find((p) => p.id === 'github')!, {});
  if (!filled.ok) throw new Error('github preset');
  return { ...filled.profile, clientId: 'x', clientSecret: 'y' };
})();

const facts = (overrides: Partial<AccessFacts>): AccessFacts => ({
  held: { origins: [], permissions: ['identity', 'storage', 'declarativeNetRequestWithHostAccess'] },
  required: ['identity', 'storage', 'declarativeNetRequestWithHostAccess'],
  watchPermissions: ['webRequest'],
  watch: { patterns: [], paused: false },
  profiles: [],
  runs: [],
  ...overrides,
});

const run = (endpoints: FlowRun['endpoints']): FlowRun => ({
  id: 'r',
  profileName: 'Bundled demo server',
  startedAt: '2026-11-30T10:00:00.000Z',
  status: 'succeeded',
  redirectUri: 'https://x.chromiumapp.org/',
  clientAuth: 'client_secret_basic',
  exchanges: [],
  ...(endpoints ? { endpoints } : {}),
});

describe('accessUses', () => {
  it('a run waiting for the answer to its prompt uses what it asked for, its profile saved or not; a settled one no longer', () => {
    const waiting: FlowRun = { ...run(undefined), status: 'running', awaitingHosts: { permissions: ['https://login.example/*'], until: '2026-11-30T10:05:00.000Z', profile: github } };
    const held = { origins: ['https://login.example/*'], permissions: [] };
    expect(accessUses(facts({ held, runs: [waiting] }))[0]!.uses).toEqual(['Run of “Bundled demo server”: waiting for your answer']);
    expect(accessUses(facts({ held, runs: [{ ...waiting, status: 'failed' }] }))[0]!.uses).toEqual([]);
  });

  it('names what uses each host: a watched host, a saved profile, a kept run', () => {
    const entries = accessUses(
      facts({
        held: { origins: ['http://127.0.0.1/*', 'https://127.0.0.1/*', 'https://github.com/*', 'https://api.github.com/*', 'https://forgotten.example/*'], permissions: ['webRequest'] },
        watch: { patterns: ['127.0.0.1:3000'], paused: false },
        profiles: [github],
        runs: [run({ authorization: 'http://127.0.0.1:4455/auth', token: 'http://127.0.0.1:4455/token', userinfo: 'http://127.0.0.1:4455/me' })],
      }),
    );
    const uses = Object.fromEntries(entries.map((e) => [e.permission, e.uses]));
    expect(uses['http://127.0.0.1/*']).toEqual(['Watch: 127.0.0.1:3000', 'Run of “Bundled demo server”: token endpoint', 'Run of “Bundled demo server”: userinfo endpoint']);
    expect(uses['https://127.0.0.1/*']).toEqual(['Watch: 127.0.0.1:3000']);
    expect(uses['https://github.com/*']).toEqual(['Profile “GitHub”: token endpoint']);
    expect(uses['https://api.github.com/*']).toEqual(['Profile “GitHub”: userinfo endpoint']);
    // Granted once, used by nothing now: one to give back.
    expect(uses['https://forgotten.example/*']).toEqual([]);
    expect(uses.webRequest).toEqual(['Watch: reading your app’s traffic']);
  });

  it('webRequest held while watching is paused or nothing is watched is used by nothing', () => {
    const held = { origins: [], permissions: ['webRequest'] };
    expect(accessUses(facts({ held, watch: { patterns: ['localhost:3000'], paused: true } }))[0]!.uses).toEqual([]);
    expect(accessUses(facts({ held, watch: { patterns: [], paused: false } }))[0]!.uses).toEqual([]);
  });

  it('says which permissions were asked for at install, and why', () => {
    const entries = accessUses(facts({}));
    expect(entries.every((e) => e.required && e.uses.length === 1)).toBe(true);
    expect(entries.find((e) => e.permission === 'declarativeNetRequestWithHostAccess')!.uses[0]).toMatch(/without an Origin header/);
  });

  it('a public client of a CORS-friendly provider needs no host, so its profile uses none', () => {
    const entries = accessUses(facts({ held: { origins: ['http://127.0.0.1/*'], permissions: [] }, profiles: [{ ...bundledDemoProfile(), clientAuth: 'none' }] }));
    expect(entries[0]!.uses).toEqual([]);
  });

  // Found by npm run fuzz: facts of another shape (storage written by another version) threw.
  it('reads facts of another shape as far as they go, each part of the wrong type counted as empty', () => {
    expect(accessUses(undefined as never)).toEqual([]);
    const odd = {
      held: { origins: ['https://github.com/*', 7], permissions: 'webRequest' },
      required: null,
      watchPermissions: [null],
      watch: { patterns: [false, 'github.com'], paused: 'no' },
      profiles: [null, { ...github, name: { toString: 1 } }],
      runs: [{ ...run({ authorization: 'x', token: 'https://github.com/t' }), profileName: 3 }, 'run'],
    } as unknown as AccessFacts;
    expect(accessUses(odd)).toEqual([
      { kind: 'host', permission: 'https://github.com/*', uses: ['Watch: github.com', 'Profile “”: token endpoint', 'Run of “”: token endpoint'], required: false },
    ]);
  });
});
