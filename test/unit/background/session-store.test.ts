import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundledDemoProfile, STORAGE_BUDGET, type FlowRun } from '../../../src/core';
import { extensionRedirectUris } from '../../../scripts/extension-identity';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { signInOverHttp } from '../../../dev/server/obtain-code';
import type { FlowEnvironment } from '../../../src/background/flow-environment';
import { memoryArea } from './fakes/memory-area';

// Runs, actions and the error log through their real stores, over an area that copies, yields
// and enforces a quota as storage.session does, against the real bundled server.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { runFlow } = await import('../../../src/background/run-flow');
const { callWithToken, refresh } = await import('../../../src/background/flow-actions');
const { loadRuns, saveRun, withRun } = await import('../../../src/background/session-store');
const { evidenceStore } = await import('../../../src/background/evidence-store');
const { noteCodeRedeemed } = await import('../../../src/core');
const { createErrorLog } = await import('../../../src/background/error-log');

const REDIRECT = extensionRedirectUris().chrome;
const badge = { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {} };

function environment(area: ReturnType<typeof memoryArea>['area']): FlowEnvironment {
  const errors = createErrorLog(area, badge);
  return {
    defaultRedirectUri: REDIRECT,
    extensionOrigin: 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp',
    launchWebAuthFlow: async (url) => (await signInOverHttp(url, REDIRECT)).href,
    fetch: (input, init) => fetch(input, init),
    hosts: { holds: async () => true, wait: async () => 'granted' },
    withoutOrigin: (_url, send) => send(),
    reachable: async () => true,
    random: (n) => crypto.getRandomValues(new Uint8Array(n)),
    sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
    now: () => new Date(),
    save: (run) => saveRun(run, area),
    evidence: evidenceStore(area),
    recordError: (entry) => errors.record(entry),
    authorizeTimeoutMs: 10_000,
    authorizeHangsOnErrorPage: false,
    requestTimeoutMs: 10_000,
    hostPromptTimeoutMs: 60_000,
  };
}

const run = (id: string, body = ''): FlowRun => ({
  id,
  profileName: id,
  startedAt: new Date().toISOString(),
  status: 'succeeded',
  redirectUri: REDIRECT,
  clientAuth: 'client_secret_basic',
  exchanges: body ? [{ at: new Date().toISOString(), context: { step: 'api', clientAuth: 'client_secret_basic' }, request: { method: 'GET', url: 'https://api.example/' }, response: { status: 200, headers: {}, body } }] : [],
});

describe('the run store under concurrent writes', () => {
  it('keeps every run when 20 are saved at once', async () => {
    const { area } = memoryArea();
    await Promise.all(Array.from({ length: 20 }, (_, i) => saveRun(run(`r${i}`), area)));
    expect((await loadRuns(area)).map((r) => r.id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`).sort());
  });

  it('remembers every code hash when many are noted at once, and a restarted worker reads them back', async () => {
    const { area } = memoryArea();
    const evidence = evidenceStore(area);
    await Promise.all(Array.from({ length: 30 }, (_, i) => evidence.update((ledger) => noteCodeRedeemed(ledger, `h${i}`, `t${i}`, 'flow'))));
    const restarted = await evidenceStore(area).read();
    for (let i = 0; i < 30; i += 1) expect(restarted.codes[`h${i}`]).toEqual({ firstRedeemedAt: `t${i}`, firstRedeemedBy: 'flow' });
  });
});

describe('the stores side by side in storage.session', () => {
  it("a full error log and a full run list fit in the quota in Firefox's count too, where a string from the network takes two bytes a character", async () => {
    const firefox = memoryArea(10 * 1024 * 1024, 'firefox');
    const errors = createErrorLog(firefox.area, badge);
    // 200 watched 500s of 96 KiB (their bodies are capped at 64 KiB)…
    for (let i = 0; i < 200; i += 1) {
      const exchange = { request: { method: 'GET', url: `http://127.0.0.1:3000/api/${i}` }, response: { status: 500, headers: {}, body: 'x'.repeat(96 * 1024) } };
      await errors.record({ id: `e${i}`, at: new Date().toISOString(), source: 'watcher', exchange, seen: false });
    }
    // …then 20 runs of two large exchanges each, more than the runs' budget holds.
    for (let i = 0; i < 20; i += 1) {
      const one = run(`r${i}`, 'y'.repeat(96 * 1024));
      await saveRun({ ...one, exchanges: [...one.exchanges, ...one.exchanges] }, firefox.area);
    }
    expect(firefox.quotaErrors).toBe(0);
    expect((await errors.list())[0]!.id).toBe('e199');
    expect((await loadRuns(firefox.area))[0]!.id).toBe('r19');
    expect(firefox.bytes()).toBeLessThanOrEqual(STORAGE_BUDGET.errorLog + STORAGE_BUDGET.runs + 64 * 1024);
  }, 60_000);
});

describe('concurrent flows and actions against the bundled server', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer();
  });
  afterAll(() => server?.close());

  it('six flows at once all settle as succeeded, with nothing secret left pending', async () => {
    const { area } = memoryArea();
    const env = environment(area);
    const runs = await Promise.all(Array.from({ length: 6 }, () => runFlow(bundledDemoProfile(server.issuer), env)));
    expect(runs.map((r) => r.status)).toEqual(Array(6).fill('succeeded'));
    const stored = await loadRuns(area);
    expect(stored.map((r) => r.id).sort()).toEqual(runs.map((r) => r.id).sort());
    for (const saved of stored) {
      expect(saved.status).toBe('succeeded');
      expect(saved.pending).toBeUndefined();
      expect(saved.exchanges.map((e) => e.context.step)).toEqual(runs.find((r) => r.id === saved.id)!.exchanges.map((e) => e.context.step));
    }
  });

  it('a refresh, userinfo and API calls sent at once on one run are all kept, while other flows run', async () => {
    const { area } = memoryArea();
    const env = environment(area);
    const first = await runFlow(bundledDemoProfile(server.issuer), env);
    const before = first.exchanges.length;
    const actions = [
      withRun(first.id, (r) => refresh(r, env), area),
      withRun(first.id, (r) => callWithToken(r, 'userinfo', env), area),
      withRun(first.id, (r) => callWithToken(r, 'api', env, `${server.issuer}/me`), area),
      withRun(first.id, (r) => callWithToken(r, 'userinfo', env), area),
    ];
    const others = Array.from({ length: 3 }, () => runFlow(bundledDemoProfile(server.issuer), env));
    await Promise.all([...actions, ...others]);
    const stored = await loadRuns(area);
    expect(stored).toHaveLength(4);
    const saved = stored.find((r) => r.id === first.id)!;
    expect(saved.exchanges.slice(before).map((e) => e.context.step).sort()).toEqual(['api', 'refresh', 'userinfo', 'userinfo']);
    expect(stored.every((r) => r.status === 'succeeded' && r.pending === undefined)).toBe(true);
  });

  it('a full area: the oldest runs go, and a new flow still settles with its status stored', async () => {
    const quota = memoryArea(1024 * 1024);
    // Older runs that fill the area to its last kilobytes, each within its byte budget.
    for (let i = 0; i < 16; i += 1) await saveRun(run(`old${i}`, 'y'.repeat(63 * 1024)), quota.area);
    await quota.area.set({ filler: 'z'.repeat(1024 * 1024 - quota.bytes() - 2048) });
    const errorsBefore = quota.quotaErrors;
    const flow = await runFlow(bundledDemoProfile(server.issuer), environment(quota.area));
    const stored = await loadRuns(quota.area);
    expect(flow.status).toBe('succeeded');
    expect(stored[0]).toMatchObject({ id: flow.id, status: 'succeeded' });
    expect(stored[0]!.pending).toBeUndefined();
    expect(quota.bytes()).toBeLessThanOrEqual(1024 * 1024);
    // The quota was met, and met by dropping old runs, not the new one.
    expect(quota.quotaErrors).toBeGreaterThan(errorsBefore);
    expect(stored.length).toBeLessThan(17);
  });
});
