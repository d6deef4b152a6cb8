import { describe, expect, it, vi } from 'vitest';
import type { FlowRun } from '../../../src/core';
import type { FlowEnvironment } from '../../../src/background/flow-environment';
import type { PermissionGate } from '../../../src/background/permission-gate';
import type { Watcher } from '../../../src/background/watch/watcher';
import { Failure, type FailureCode } from '../../../src/messages';
import { memoryArea } from './fakes/memory-area';

// Where the background knows why it fails, it says so with a code: each throw site, as the
// popup receives it.
vi.mock('webextension-polyfill', () => ({ default: { runtime: { getManifest: () => ({ permissions: ['storage'], optional_permissions: ['webRequest'] }) } } }));
const { withRun } = await import('../../../src/background/session-store');
const { callWithToken, exchangeAgain, refresh } = await import('../../../src/background/flow-actions');
const { watchControl } = await import('../../../src/background/watch/watch-handlers');
const { giveBack } = await import('../../../src/background/access-handlers');
const { readDiscovery } = await import('../../../src/background/discovery-cache');

const failsWith = async (work: Promise<unknown>, code: FailureCode) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Failure);
  expect((error as Failure).code).toBe(code);
};

const run = { id: 'r1', status: 'succeeded', exchanges: [], tokens: { access_token: 'at' } } as unknown as FlowRun;
const env = {} as FlowEnvironment;
const gate = { holds: async () => false, wait: async () => 'declined', decline: () => {} } as PermissionGate;
const watcher = { active: false, seen: { requests: 0, since: '' }, apply: () => {} } as unknown as Watcher;

describe('the codes the background fails with', () => {
  it('not_found: a run no longer kept', async () => {
    await failsWith(withRun('gone', async () => null, memoryArea().area), 'not_found');
  });

  it('unavailable: what the action needs is not there; invalid_input: an API call without a URL', async () => {
    await failsWith(refresh(run, env), 'unavailable');
    await failsWith(exchangeAgain(run, env), 'unavailable');
    await failsWith(callWithToken(run, 'userinfo', env), 'unavailable');
    await failsWith(callWithToken(run, 'api', env, ''), 'invalid_input');
  });

  it('watching: a host that does not parse, a permission not held, a prompt answered no', async () => {
    const { handlers } = watchControl(watcher, gate);
    await failsWith(handlers.addWatch({ pattern: 'not a host!' }), 'invalid_input');
    await failsWith(handlers.setWatchPaused({ paused: false }), 'permission_missing');
    await failsWith(handlers.setWatchPaused({ paused: false, asking: true }), 'permission_declined');
  });

  it('not_allowed: a permission granted at install is not given back', async () => {
    await failsWith(giveBack('storage', watchControl(watcher, gate)), 'not_allowed');
  });

  it('unreachable: discovery without an answer, timed out or not', async () => {
    await failsWith(readDiscovery('https://login.example.com', async () => Promise.reject(new TypeError('Failed to fetch'))), 'unreachable');
    const timedOut = Object.assign(new Error('The operation timed out.'), { name: 'TimeoutError' });
    await failsWith(readDiscovery('https://login.example.com', async () => Promise.reject(timedOut)), 'unreachable');
  });
});
