import { describe, expect, it, vi } from 'vitest';
import { Failure } from '../../../src/messages';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: (message: unknown) => sendMessage(message) } } }));
const { ask } = await import('../../../src/shell/ask');

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Failure);

describe('the shell’s ask', () => {
  it('sends the typed message and resolves with the value', async () => {
    sendMessage.mockResolvedValueOnce({ ok: true, value: null });
    await expect(ask('declineHosts', undefined)).resolves.toBeNull();
    expect(sendMessage).toHaveBeenLastCalledWith({ type: 'declineHosts', payload: undefined });
  });

  it('throws a failed reply again as a Failure with its code and URL', async () => {
    sendMessage.mockResolvedValueOnce({ ok: false, error: { code: 'host_permission_missing', message: 'Hidden by CORS.', unreachableUrl: 'https://github.com/login/oauth/access_token' } });
    const error = await rejection(ask('refresh', { runId: 'r1' }));
    expect(error).toBeInstanceOf(Failure);
    expect(error).toMatchObject({ code: 'host_permission_missing', message: 'Hidden by CORS.', unreachableUrl: 'https://github.com/login/oauth/access_token' });
  });

  it('no reply, or nothing listening, is no_answer', async () => {
    sendMessage.mockResolvedValueOnce(undefined);
    expect(await rejection(ask('ping', undefined))).toMatchObject({ code: 'no_answer', message: 'The background did not answer "ping".' });
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await rejection(ask('ping', undefined))).toMatchObject({ code: 'no_answer', message: 'Could not establish connection. Receiving end does not exist.' });
  });
});
