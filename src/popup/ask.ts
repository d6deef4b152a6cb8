import browser from 'webextension-polyfill';
import { Failure, type MessageType, type Reply, type RequestOf, type ResponseOf } from '../messages';

export type Ask = <K extends MessageType>(type: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

/** Sends one typed message to the background; its error replies become thrown Failures here, with their code. */
export const ask: Ask = async (type, payload) => {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<typeof type> | undefined;
  if (!reply) throw new Error(`The background did not answer "${type}".`);
  if (!reply.ok) throw new Failure(reply.error.code, reply.error.message, reply.error.unreachableUrl);
  return reply.value;
};
