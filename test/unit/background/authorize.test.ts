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
