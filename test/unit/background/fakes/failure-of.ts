import { expect } from 'vitest';
import { Failure } from '../../../../src/messages';

/** The Failure a handler's promise rejects with; the test fails if it resolves or rejects otherwise. */
export async function failureOf(work: Promise<unknown>): Promise<Failure> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Failure);
  return error as Failure;
}
