import browser from 'webextension-polyfill';
import type { MessageType, Reply, RequestOf, ResponseOf } from '../messages';
import { BackgroundError } from './background-error';

export type Ask = <K extends MessageType>(type: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

/** Sends one typed message to the background; its error replies become thrown BackgroundErrors here. */
export const ask: Ask = async (type, payload) => {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<typeof type> | undefined;
  if (!reply) throw new Error(`The background did not answer "${type}".`);
  if (!reply.ok) throw new BackgroundError(reply.error, reply.unreachableUrl);
  return reply.value;
};
