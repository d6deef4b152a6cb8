import { explainExchange, type Diagnosis, type ErrorEntry } from '../core';

/** The diagnosis of a logged error, made when shown: a better explainer explains old entries better too. */
export function explainEntry(entry: ErrorEntry): Diagnosis | null {
  return explainExchange(entry.exchange, entry.history, { at: entry.at, ...(entry.bodyUnavailable ? { bodyUnavailable: true } : {}) });
}
