import { describe, expect, it, vi } from 'vitest';
import type { Handlers, Reply } from '../../../src/messages';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { listen, WAITS_FOR_RESUME } = await import('../../../src/background/listen');

type Listener = (message: unknown, sender: { id?: string; url?: string }) => Promise<Reply> | undefined;

function runtime() {
  let listener: Listener | undefined;
  return {
    id: 'own-id',
    getURL: () => 'chrome-extension://own-id/',
    onMessage: { addListener: (l: Listener) => void (listener = l) },
    send: (type: string, payload: unknown = {}) => listener!({ type, payload }, { id: 'own-id', url: 'chrome-extension://own-id/popup/index.html' })!,
  };
}

const answers = { ping: async () => ({ version: '1', redirectUri: 'r' }), lastFlow: async () => null, listProfiles: async () => [] } as unknown as Handlers;

describe('listen and the start-up resume', () => {
  it('answers a ping and the profile list while the resume is still under way', async () => {
    const rt = runtime();
    listen(answers, new Promise(() => {}), rt as never);
    await expect(rt.send('ping')).resolves.toEqual({ ok: true, value: { version: '1', redirectUri: 'r' } });
    await expect(rt.send('listProfiles')).resolves.toEqual({ ok: true, value: [] });
  });

  it('holds what reads kept runs until the resume is done', async () => {
    const rt = runtime();
    let resumed!: () => void;
    listen(answers, new Promise<void>((resolve) => (resumed = resolve)), rt as never);
    let answered = false;
    const reply = rt.send('lastFlow').then((r) => ((answered = true), r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    resumed();
    await expect(reply).resolves.toEqual({ ok: true, value: null });
    expect(WAITS_FOR_RESUME.has('refresh')).toBe(true);
    expect(WAITS_FOR_RESUME.has('ping')).toBe(false);
  });
});
