import browser from 'webextension-polyfill';
import { Failure, type Ask, type Reply } from '../messages';

/**
 * Sends one typed message to the background. A failure comes back as data and is thrown here
 * as a `Failure` with its code; no reply at all is one too (`no_answer`).
 */
export const ask: Ask = async (type, payload) => {
  let reply: Reply<typeof type> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<typeof type> | undefined;
  } catch (error) {
    // Nothing listens: a background that has not started, or failed to.
    throw new Failure('no_answer', error instanceof Error ? error.message : String(error));
  }
  if (!reply) throw new Failure('no_answer', `The background did not answer "${type}".`);
  if (!reply.ok) throw new Failure(reply.error.code, reply.error.message, reply.error.unreachableUrl);
  return reply.value;
};
