import { keepNewestWithin, storedBytes } from '../traffic/storage-budget';
import type { FlowRun } from './flow-run';

/**
 * The runs a session keeps, newest first: the newest `max` within `budget` bytes, and the newest
 * run that succeeded even when failed runs since would push it out. Ten failed attempts must not
 * cost the developer the one run whose tokens work.
 */
export function keptRuns(runs: readonly FlowRun[], max: number, budget: number): FlowRun[] {
  if (!Array.isArray(runs)) return [];
  const newest = keepNewestWithin(runs.slice(0, max), budget);
  const good = runs.find((run) => run?.status === 'succeeded');
  if (!good || newest.includes(good)) return newest;
  const room = budget - storedBytes(good) - 1;
  if (room < 0) return newest;
  const others = new Set(keepNewestWithin(runs.filter((run) => run !== good).slice(0, max - 1), room));
  return runs.filter((run) => run === good || others.has(run));
}
