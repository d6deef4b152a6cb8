import { describe, expect, it, vi } from 'vitest';
import type { FlowEnvironment } from '../../../src/background/flow-environment';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { authorize } = await import('../../../src/background/authorize');

const URL_WITH_PROMPT_NONE = 'https://login.example.com/oauth2/authorize?client_id=c&redirect_uri=https%3A%2F%2Fx.chromiumapp.org%2F&prompt=none&state=s';

function env(launch: () => Promise<string>, up: boolean, hangs: boolean) {
  const probed: string[] = [];
  const environment = {
    launchWebAuthFlow: launch,
    reachable: async (origin: string) => (probed.push(origin), up),
    authorizeHangsOnErrorPage: hangs,
    authorizeTimeoutMs: 200,
  } as unknown as FlowEnvironment;
  return { environment, probed };
}

describe('authorize and its reachability probe', () => {
  it('a sign-in that comes back: nothing else is asked of the provider', async () => {
    const { environment, probed } = env(async () => 'https://x.chromiumapp.org/?code=c&state=s', true, false);
    await expect(authorize(URL_WITH_PROMPT_NONE, environment)).resolves.toContain('code=c');
    expect(probed).toEqual([]);
  });

  it('after a failure, only the origin is probed, never the authorization request again', async () => {
    const { environment, probed } = env(async () => Promise.reject(new Error('Authorization page could not be loaded.')), true, false);
    await expect(authorize(URL_WITH_PROMPT_NONE, environment)).rejects.toMatchObject({ reason: 'authorization_page_error' });
    expect(probed).toEqual(['https://login.example.com']);
  });

  it('a dead server is named as such', async () => {
    const { environment } = env(async () => Promise.reject(new Error('Authorization page could not be loaded.')), false, false);
    await expect(authorize(URL_WITH_PROMPT_NONE, environment)).rejects.toMatchObject({ reason: 'server_unreachable', message: expect.stringContaining('https://login.example.com does not answer') });
  });

  it('where the window hangs on an error page (Firefox), a dead origin ends the wait at once', async () => {
    const { environment, probed } = env(() => new Promise(() => {}), false, true);
    await expect(authorize(URL_WITH_PROMPT_NONE, { ...environment, authorizeTimeoutMs: 60_000 })).rejects.toMatchObject({ reason: 'server_unreachable' });
    expect(probed).toEqual(['https://login.example.com']);
  });

  it('a live server that never redirects back times out, and says the server is up', async () => {
    const { environment } = env(() => new Promise(() => {}), true, true);
    await expect(authorize(URL_WITH_PROMPT_NONE, environment)).rejects.toMatchObject({ reason: 'timeout', message: expect.stringContaining('is up') });
  });
});

// What each browser says when launchWebAuthFlow ends without a redirect.
const CHROME_CLOSED = 'The user did not approve access.';
const FIREFOX_CLOSED = 'User cancelled or denied access.';
const CLOSED_BY = [
  ['Chrome', CHROME_CLOSED],
  ['Firefox', FIREFOX_CLOSED],
];
const NOT_LOADED = 'Authorization page could not be loaded.';
const REDIRECT = 'https://x.chromiumapp.org/?code=c0de&state=s&iss=https%3A%2F%2Flogin.example.com';

/** A sign-in window the test settles by hand, and what authorize asked of it. */
function signInWindow({ up = true, hangs = false, timeoutMs = 30_000 } = {}) {
  const launched: string[] = [];
  const probed: string[] = [];
  let settle!: { resolve: (url: string) => void; reject: (error: Error) => void };
  const environment = {
    launchWebAuthFlow: (url: string) => (launched.push(url), new Promise<string>((resolve, reject) => (settle = { resolve, reject }))),
    reachable: async (origin: string) => (probed.push(origin), up),
    authorizeHangsOnErrorPage: hangs,
    authorizeTimeoutMs: timeoutMs,
  } as unknown as FlowEnvironment;
  return { environment, launched, probed, redirect: (url: string) => settle.resolve(url), close: (message: string) => settle.reject(new Error(message)) };
}

describe('the sign-in window', () => {
  it('opens once, with the authorization URL as built, and hands back the redirect URL exactly', async () => {
    const signIn = signInWindow();
    const result = authorize(URL_WITH_PROMPT_NONE, signIn.environment);
    signIn.redirect(REDIRECT);
    await expect(result).resolves.toBe(REDIRECT);
    expect(signIn.launched).toEqual([URL_WITH_PROMPT_NONE]);
  });

  it('waits as long as the timeout allows, and no longer', async () => {
    vi.useFakeTimers();
    try {
      const signIn = signInWindow({ timeoutMs: 120_000 });
      const result = authorize(URL_WITH_PROMPT_NONE, signIn.environment);
      const settled = vi.fn();
      result.then(settled, settled);
      await vi.advanceTimersByTimeAsync(119_999);
      expect(settled).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).rejects.toMatchObject({ stage: 'authorize', reason: 'timeout', message: expect.stringContaining('within 120 s') });
      // The server is probed once the wait is over, to say whether it is up.
      expect(signIn.probed).toEqual(['https://login.example.com']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves no timer behind once the window came back', async () => {
    vi.useFakeTimers();
    try {
      const signIn = signInWindow();
      const result = authorize(URL_WITH_PROMPT_NONE, signIn.environment);
      signIn.redirect(REDIRECT);
      await result;
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a window closed, or a server that does not answer', () => {
  it.each(CLOSED_BY)('closed in %s while the server answers: the person closed it', async (_browser, message) => {
    const signIn = signInWindow({ up: true });
    const result = authorize(URL_WITH_PROMPT_NONE, signIn.environment);
    signIn.close(message);
    await expect(result).rejects.toMatchObject({ stage: 'authorize', reason: 'user_closed', message: expect.stringContaining(message) });
    expect(signIn.probed).toEqual(['https://login.example.com']);
  });

  it.each(CLOSED_BY)('the same end in %s while the server does not answer: the server is down, not the person gone', async (_browser, message) => {
    const signIn = signInWindow({ up: false });
    const result = authorize(URL_WITH_PROMPT_NONE, signIn.environment);
    signIn.close(message);
    await expect(result).rejects.toMatchObject({ reason: 'server_unreachable', message: expect.stringContaining('https://login.example.com does not answer') });
  });

  it('a page that could not load from a server that answers: the endpoint, client_id or redirect_uri is to check', async () => {
    const signIn = signInWindow({ up: true });
    const result = authorize(URL_WITH_PROMPT_NONE, signIn.environment);
    signIn.close(NOT_LOADED);
    await expect(result).rejects.toMatchObject({ reason: 'authorization_page_error', message: expect.stringContaining('answers, but not with a sign-in page') });
  });

  it('an end the browser words otherwise is passed on in its words', async () => {
    const signIn = signInWindow({ up: true });
    const result = authorize(URL_WITH_PROMPT_NONE, signIn.environment);
    signIn.close('Something new went wrong.');
    await expect(result).rejects.toMatchObject({ reason: 'authorization_page_error', message: 'Something new went wrong.' });
  });

  it('where the window hangs (Firefox), a live server does not end the wait: the redirect still comes back', async () => {
    const signIn = signInWindow({ up: true, hangs: true });
    const result = authorize(URL_WITH_PROMPT_NONE, signIn.environment);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(signIn.probed).toEqual(['https://login.example.com']);
    signIn.redirect(REDIRECT);
    await expect(result).resolves.toBe(REDIRECT);
  });
});
