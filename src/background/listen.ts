import browser, { type Runtime } from 'webextension-polyfill';
import { isMessage, type Handlers, type MessageType, type Reply } from '../messages';
import { failureOf } from './failure-of';
import { isTrustedSender } from './is-trusted-sender';

/**
 * What reads or acts on kept runs, and so waits for the start-up resume (a run a stopped worker
 * left half done is finished first). Nothing else waits: a ping, the profile list or the error
 * list answer at once, even while a resumed token request takes its time.
 */
export const WAITS_FOR_RESUME: ReadonlySet<MessageType> = new Set<MessageType>(['lastFlow', 'listRuns', 'getRun', 'exchangeAgain', 'refresh', 'revoke', 'introspect', 'userinfo', 'callApi', 'listAccess']);

/**
 * Routes each message to its handler; replies are always a `Reply`, never a thrown error: a
 * failure goes as data with its code (`failureOf`).
 * Handlers of kept runs wait for `ready` (start-up work on stored state) so they never race it.
 */
export function listen(handlers: Handlers, ready: Promise<unknown> = Promise.resolve(), runtime = browser.runtime): void {
  const own = { id: runtime.id, origin: runtime.getURL('') };
  runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    // Returning undefined leaves an untrusted sender without any answer.
    if (!isTrustedSender(sender, own)) return undefined;
    if (!isMessage(message) || !Object.hasOwn(handlers, message.type)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_message', message: `Unknown message: ${JSON.stringify(message)?.slice(0, 100)}` } });
    }
    const handler = handlers[message.type] as (payload: unknown) => Promise<unknown>;
    const turn = WAITS_FOR_RESUME.has(message.type) ? ready : Promise.resolve();
    return turn.then(() => handler(message.payload)).then(
      (value) => ({ ok: true, value }) as Reply,
      (error: unknown): Reply => ({ ok: false, error: failureOf(error) }),
    );
  });
}
