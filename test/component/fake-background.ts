import { summarizeRun } from '../../src/core';
import type { MessageType, RequestOf, ResponseOf } from '../../src/messages';
import type { Ask } from '../../src/messages';

export type Answers = Partial<{ [K in MessageType]: (payload: RequestOf<K>) => Promise<ResponseOf<K>> }>;

/** The popup's only dependency is the message contract; this answers it the way the background would, and keeps what was sent. */
export function background(given: Answers) {
  // A test that names only the last run gets a history of that one run, as the background keeps it.
  const { lastFlow } = given;
  const answers: Answers = lastFlow
    ? {
        listRuns: async () => {
          const run = await lastFlow();
          return run ? [summarizeRun(run)] : [];
        },
        getRun: async ({ id }) => {
          const run = await lastFlow();
          if (run?.id !== id) throw new Error(`no run ${id}`);
          return run;
        },
        ...given,
      }
    : given;
  const sent: { type: MessageType; payload: unknown }[] = [];
  const ask: Ask = async (type, payload) => {
    sent.push({ type, payload });
    const answer = answers[type] as ((p: unknown) => Promise<never>) | undefined;
    if (!answer) throw new Error(`no answer for ${type}`);
    return answer(payload);
  };
  return { ask, sent };
}
