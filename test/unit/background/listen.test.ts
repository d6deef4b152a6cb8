import { describe, expect, it, vi } from 'vitest';
import { Failure, type Handlers, type Reply } from '../../../src/messages';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { listen, WAITS_FOR_RESUME } = await import('../../../src/background/listen');
const { FlowFailure } = await import('../../../src/background/flow-environment');

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

describe('a failure crosses as data, with a code the popup can act on', () => {
  /** The reply to a `refresh` whose handler throws `error`. */
  const replyTo = (error: unknown) => {
    const rt = runtime();
    listen({ refresh: () => Promise.reject(error) } as unknown as Handlers, Promise.resolve(), rt as never);
    return rt.send('refresh', { runId: 'r1' });
  };

  it('a message of no known type is unknown_message', async () => {
    const rt = runtime();
    listen(answers, Promise.resolve(), rt as never);
    await expect(rt.send('giveMeTokens')).resolves.toMatchObject({ ok: false, error: { code: 'unknown_message', message: expect.stringContaining('giveMeTokens') } });
  });

  it('a Failure keeps its code, its message and the URL a host permission would let through', async () => {
    await expect(replyTo(new Failure('not_found', 'That flow run is no longer kept.'))).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That flow run is no longer kept.' },
    });
    await expect(replyTo(new Failure('host_permission_missing', 'CORS hid the answer.', 'https://github.com/login/oauth/access_token'))).resolves.toEqual({
      ok: false,
      error: { code: 'host_permission_missing', message: 'CORS hid the answer.', unreachableUrl: 'https://github.com/login/oauth/access_token' },
    });
  });

  it('a request without an answer is host_permission_missing when a host permission would help, with its URL, and unreachable otherwise', async () => {
    const url = 'https://github.com/login/oauth/access_token';
    await expect(replyTo(new FlowFailure('token', 'The answer was hidden by CORS.', 'network_error', url))).resolves.toEqual({
      ok: false,
      error: { code: 'host_permission_missing', message: 'The answer was hidden by CORS.', unreachableUrl: url },
    });
    await expect(replyTo(new FlowFailure('token', 'Nothing answers at github.com.', 'network_error'))).resolves.toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'Nothing answers at github.com.' },
    });
  });

  it('a full storage area is storage_full, in either browser’s words', async () => {
    await expect(replyTo(new Error('Session storage quota bytes exceeded. Values were not stored.'))).resolves.toMatchObject({ error: { code: 'storage_full' } });
    await expect(replyTo(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }))).resolves.toMatchObject({ error: { code: 'storage_full' } });
  });

  it('anything else is internal, with its message, and never carries a URL', async () => {
    await expect(replyTo(new TypeError('run.exchanges is undefined'))).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'run.exchanges is undefined' } });
    await expect(replyTo('a string')).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'a string' } });
  });
});
