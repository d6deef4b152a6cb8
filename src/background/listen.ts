import browser, { type Runtime } from 'webextension-polyfill';
import { isMessage, type Handlers, type Reply } from '../messages';
import { FlowFailure } from './flow-environment';
import { isTrustedSender } from './is-trusted-sender';

/**
 * Routes each message to its handler; replies are always a `Reply`, never a thrown error.
 * Handlers wait for `ready` (start-up work on stored state) so they never race it.
 */
export function listen(handlers: Handlers, ready: Promise<unknown> = Promise.resolve(), runtime = browser.runtime): void {
  const own = { id: runtime.id, origin: runtime.getURL('') };
  runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    // Returning undefined leaves an untrusted sender without any answer.
    if (!isTrustedSender(sender, own)) return undefined;
    if (!isMessage(message) || !Object.hasOwn(handlers, message.type)) {
      return Promise.resolve({ ok: false, error: `Unknown message: ${JSON.stringify(message)?.slice(0, 100)}` });
    }
    const handler = handlers[message.type] as (payload: unknown) => Promise<unknown>;
    return ready.then(() => handler(message.payload)).then(
      (value) => ({ ok: true, value }) as Reply,
      (error: unknown): Reply => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        ...(error instanceof FlowFailure && error.url ? { unreachableUrl: error.url } : {}),
      }),
    );
  });
}
