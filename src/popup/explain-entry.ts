import { explainExchange, redactExchange, type Diagnosis, type ErrorEntry } from '../core';

/**
 * The diagnosis of a logged error, made when shown: a better explainer explains old entries
 * better too. A body the browser would not let the watcher read (Chrome) may be pasted by the
 * developer: it is judged with the entry's request and history, and shown redacted, never stored.
 */
export function explainEntry(entry: ErrorEntry, pastedBody = ''): { exchange: ErrorEntry['exchange']; diagnosis: Diagnosis | null } {
  if (entry.bodyUnavailable && pastedBody.trim() !== '') {
    const exchange = { ...entry.exchange, response: { ...entry.exchange.response, body: pastedBody } };
    return { exchange: redactExchange(exchange), diagnosis: explainExchange(exchange, entry.history, { at: entry.at }) };
  }
  const options = { at: entry.at, ...(entry.bodyUnavailable ? { bodyUnavailable: true } : {}) };
  return { exchange: entry.exchange, diagnosis: explainExchange(entry.exchange, entry.history, options) };
}
