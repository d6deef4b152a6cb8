import type { FlowHistory } from './diagnosis';
import type { HttpExchange } from './http-exchange';
import { capExchangeBodies, keepNewestWithin, STORAGE_BUDGET, storedBytes } from './storage-budget';

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

/** The error log's index, newest first: what each entry weighs and whether it was seen. Entries are stored apart. */
export type ErrorIndexEntry = { id: string; bytes: number; seen: boolean };

/**
 * `entry` with its bodies capped, first in the index; the oldest entries beyond `limit` or
 * beyond `budget` bytes are dropped (the newest always stays). Says which ids were dropped.
 */
export function addErrorEntry(
  index: readonly ErrorIndexEntry[],
  entry: ErrorEntry,
  limit = ERROR_LOG_LIMIT,
  budget: number = STORAGE_BUDGET.errorLog,
): { entry: ErrorEntry; index: ErrorIndexEntry[]; dropped: string[] } {
  const capped = { ...entry, exchange: capExchangeBodies(entry.exchange) };
  const all = [{ id: capped.id, bytes: storedBytes(capped), seen: capped.seen }, ...index.filter((e) => e.id !== entry.id)];
  const kept = keepNewestWithin(all.slice(0, Math.max(1, limit)), budget, (e) => e.bytes);
  const keptIds = new Set(kept.map((e) => e.id));
  return { entry: capped, index: kept, dropped: index.filter((e) => !keptIds.has(e.id)).map((e) => e.id) };
}

export function unseenCount(log: readonly { seen: boolean }[]): number {
  return log.reduce((count, entry) => count + (entry.seen ? 0 : 1), 0);
}
