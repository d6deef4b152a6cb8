import type { FlowHistory } from './diagnosis';
import type { HttpExchange } from './http-exchange';

/** Where an error was seen: a flow the extension ran, the developer's own traffic, or a pasted transcript. */
export type ErrorSource = 'flow' | 'watcher' | 'pasted';

/**
 * One failed exchange in the Errors view. The exchange is stored redacted: the list is for
 * reading and sharing, and the flow run keeps whatever else is needed. The diagnosis is not
 * stored but made when shown, so a better explainer also explains old entries better.
 */
export type ErrorEntry = {
  id: string;
  at: string;
  source: ErrorSource;
  exchange: HttpExchange;
  history?: FlowHistory;
  /** The flow run it came from, to jump back to it. */
  runId?: string;
  profileName?: string;
  /** The browser gave no body (Chrome's webRequest): the diagnosis rests on status and headers. */
  bodyUnavailable?: boolean;
  seen: boolean;
};

/** The error log keeps this many entries, newest first; the oldest go first. */
export const ERROR_LOG_LIMIT = 200;

export function addErrorEntry(log: readonly ErrorEntry[], entry: ErrorEntry, limit = ERROR_LOG_LIMIT): ErrorEntry[] {
  return [entry, ...log.filter((e) => e.id !== entry.id)].slice(0, Math.max(0, limit));
}

export function unseenCount(log: readonly ErrorEntry[]): number {
  return log.reduce((count, entry) => count + (entry.seen ? 0 : 1), 0);
}
