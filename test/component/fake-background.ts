import type { MessageType, RequestOf, ResponseOf } from '../../src/messages';
import type { Ask } from '../../src/messages';

export type Answers = Partial<{ [K in MessageType]: (payload: RequestOf<K>) => Promise<ResponseOf<K>> }>;

/** The popup's only dependency is the message contract; this answers it the way the background would, and keeps what was sent. */
export function background(answers: Answers) {
  const sent: { type: MessageType; payload: unknown }[] = [];
  const ask: Ask = async (type, payload) => {
    sent.push({ type, payload });
    const answer = answers[type] as ((p: unknown) => Promise<never>) | undefined;
    if (!answer) throw new Error(`no answer for ${type}`);
    return answer(payload);
  };
  return { ask, sent };
}
