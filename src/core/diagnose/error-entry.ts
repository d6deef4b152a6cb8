import type { FlowHistory } from './diagnosis';
import type { HttpExchange } from '../traffic/http-exchange';
import { isRecord } from '../lib/is-record';
import { capExchangeBodies, keepNewestWithin, STORAGE_BUDGET, storedBytes } from '../traffic/storage-budget';

/** Where an error was seen: a flow the extension ran, the developer's own traffic, or a pasted transcript. */
/** `devtools`: the OAuth panel in DevTools, which reads the inspected tab's traffic with bodies. */
export type ErrorSource = 'flow' | 'watcher' | 'pasted' | 'devtools';

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
 * The index is read from storage: one of another shape counts as empty, and an entry without a
 * text id is not an entry (it is neither kept nor named as dropped).
 */
export function addErrorEntry(
  index: readonly ErrorIndexEntry[],
  entry: ErrorEntry,
  limit = ERROR_LOG_LIMIT,
  budget: number = STORAGE_BUDGET.errorLog,
): { entry: ErrorEntry; index: ErrorIndexEntry[]; dropped: string[] } {
  const capped = { ...entry, exchange: capExchangeBodies(isRecord(entry) ? entry.exchange : (undefined as never)) };
  const stored = Array.isArray(index) ? (index as unknown[]).filter((e): e is ErrorIndexEntry => isRecord(e) && typeof e.id === 'string') : [];
  const all = [{ id: capped.id, bytes: storedBytes(capped), seen: capped.seen }, ...stored.filter((e) => e.id !== capped.id)];
  // A stored size that is not a number counts as none: the entry goes when newer ones outnumber it.
  const kept = keepNewestWithin(all.slice(0, Math.max(1, limit)), budget, (e) => (Number.isFinite(e.bytes) ? e.bytes : 0));
  const keptIds = new Set(kept.map((e) => e.id));
  return { entry: capped, index: kept, dropped: stored.filter((e) => !keptIds.has(e.id)).map((e) => e.id) };
}

export function unseenCount(log: readonly { seen: boolean }[]): number {
  return Array.isArray(log) ? log.reduce((count: number, entry: unknown) => count + (isRecord(entry) && !entry.seen ? 1 : 0), 0) : 0;
}
