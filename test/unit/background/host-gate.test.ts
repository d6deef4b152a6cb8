import { describe, expect, it, vi } from 'vitest';

// The modules default to the real browser API; these tests hand in their own, so the polyfill (which throws outside an extension) is never used.
vi.mock('webextension-polyfill', () => ({ default: {} }));
import { createHostGate } from '../../../src/background/host-gate';

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
      contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.includes(origin)),
      onAdded: { addListener: (listener: () => void) => void listeners.push(listener) },
    } as never,
  };
}

const LATER = () => Date.now() + 60_000;

describe('createHostGate', () => {
  it('a grant that arrives while waiting (permissions.onAdded) ends the wait: granted', async () => {
    const browser = permissions();
    const gate = createHostGate(browser.api, 60_000);
    const answer = gate.wait(['https://github.com/*'], LATER());
    setTimeout(() => browser.grant('https://github.com/*'), 20);
    expect(await answer).toBe('granted');
  });

  it('a grant made before the wait began (the prompt answered quickly) is seen at once', async () => {
    const gate = createHostGate(permissions(['http://127.0.0.1/*']).api, 60_000);
    expect(await gate.wait(['http://127.0.0.1/*'], LATER())).toBe('granted');
  });

  it('waits for every host asked for, not the first', async () => {
    const browser = permissions();
    const gate = createHostGate(browser.api, 60_000);
    let settled: string | undefined;
    const answer = gate.wait(['https://a.example/*', 'https://b.example/*'], LATER()).then((a) => (settled = a));
    browser.grant('https://a.example/*');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBeUndefined();
    browser.grant('https://b.example/*');
    expect(await answer).toBe('granted');
  });

  it('decline ends every wait: the page that asked heard "no"', async () => {
    const gate = createHostGate(permissions().api, 60_000);
    const answer = gate.wait(['https://github.com/*'], LATER());
    gate.decline();
    expect(await answer).toBe('declined');
  });

  it('no answer by the deadline: expired (Chromium tells nobody about a Deny in a closed popup)', async () => {
    const gate = createHostGate(permissions().api, 10);
    expect(await gate.wait(['https://github.com/*'], Date.now() + 30)).toBe('expired');
  });

  it('holds: nothing to hold is held; otherwise what the browser says', async () => {
    const gate = createHostGate(permissions(['https://github.com/*']).api);
    expect(await gate.holds([])).toBe(true);
    expect(await gate.holds(['https://github.com/*'])).toBe(true);
    expect(await gate.holds(['https://gitlab.com/*'])).toBe(false);
  });
});
