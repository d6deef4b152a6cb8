import { describe, expect, it, vi } from 'vitest';

// The modules default to the real browser API; these tests hand in their own, so the polyfill (which throws outside an extension) is never used.
vi.mock('webextension-polyfill', () => ({ default: {} }));
import { createPermissionGate } from '../../../src/background/permission-gate';

/** Just what the gate uses of `browser.permissions`: granted origins, and onAdded listeners to call. */
function permissions(granted: string[] = []) {
  const listeners: (() => void)[] = [];
  return {
    granted,
    grant(origin: string) {
      granted.push(origin);
      for (const listener of listeners) listener();
    },
    api: {
      contains: async ({ origins = [], permissions = [] }: { origins?: string[]; permissions?: string[] }) =>
        [...origins, ...permissions].every((p) => granted.includes(p)),
      onAdded: { addListener: (listener: () => void) => void listeners.push(listener) },
    } as never,
  };
}

const LATER = () => Date.now() + 60_000;

describe('createPermissionGate', () => {
  it('a grant that arrives while waiting (permissions.onAdded) ends the wait: granted', async () => {
    const browser = permissions();
    const gate = createPermissionGate(browser.api, 60_000);
    const answer = gate.wait({ origins: ['https://github.com/*'] }, LATER(), 'run');
    setTimeout(() => browser.grant('https://github.com/*'), 20);
    expect(await answer).toBe('granted');
  });

  it('a grant made before the wait began (the prompt answered quickly) is seen at once', async () => {
    const gate = createPermissionGate(permissions(['http://127.0.0.1/*']).api, 60_000);
    expect(await gate.wait({ origins: ['http://127.0.0.1/*'] }, LATER(), 'run')).toBe('granted');
  });

  it('waits for every host asked for, not the first', async () => {
    const browser = permissions();
    const gate = createPermissionGate(browser.api, 60_000);
    let settled: string | undefined;
    const answer = gate.wait({ origins: ['https://a.example/*', 'https://b.example/*'] }, LATER(), 'run').then((a) => (settled = a));
    browser.grant('https://a.example/*');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBeUndefined();
    browser.grant('https://b.example/*');
    expect(await answer).toBe('granted');
  });

  it('decline ends the waits of the page that heard "no", and only those', async () => {
    const gate = createPermissionGate(permissions().api, 60_000);
    const answer = gate.wait({ origins: ['https://github.com/*'] }, LATER(), 'run');
    let watch: string | undefined;
    void gate.wait({ origins: ['http://127.0.0.1/*'] }, LATER(), 'watch').then((a) => (watch = a));
    gate.decline('run');
    expect(await answer).toBe('declined');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(watch).toBeUndefined();
    gate.decline('watch');
  });

  it('an API permission is waited for like a host', async () => {
    const browser = permissions(['http://127.0.0.1/*']);
    const gate = createPermissionGate(browser.api, 60_000);
    const answer = gate.wait({ origins: ['http://127.0.0.1/*'], permissions: ['webRequest'] }, LATER(), 'watch');
    setTimeout(() => browser.grant('webRequest'), 20);
    expect(await answer).toBe('granted');
  });

  it('no answer by the deadline: expired (Chromium tells nobody about a Deny in a closed popup)', async () => {
    const gate = createPermissionGate(permissions().api, 10);
    expect(await gate.wait({ origins: ['https://github.com/*'] }, Date.now() + 30, 'run')).toBe('expired');
  });

  it('holds: nothing to hold is held; otherwise what the browser says', async () => {
    const gate = createPermissionGate(permissions(['https://github.com/*']).api);
    expect(await gate.holds({ origins: [] })).toBe(true);
    expect(await gate.holds({ origins: ['https://github.com/*'] })).toBe(true);
    expect(await gate.holds({ origins: ['https://gitlab.com/*'] })).toBe(false);
  });
});
