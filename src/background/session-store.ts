import browser from 'webextension-polyfill';
import { capExchangeBodies, keptRuns, STORAGE_BUDGET, storedBytes, type FlowRun } from '../core';
import { Failure } from '../messages';
import { serial, serialByKey } from './serial';
import { olderHalfDropped, readStored, writeWithRoom } from './stored';

// storage.session lives in memory for the browser session: tokens, secrets and flow state go here.
const RUNS = 'flowRuns';
const KEPT_RUNS = 20;

type Area = browser.Storage.StorageArea;

// One queue per key for the whole background: every read-modify-write of the run list, from
// concurrent flows, actions and the start-up resume, waits for the one before it.
const runsQueue = serial();
const runLocks = serialByKey();

/** A run as stored: its bodies capped (its tokens were read from the whole body before). */
function storedRun(run: FlowRun, bodyLimit: number = STORAGE_BUDGET.body): FlowRun {
  return { ...run, exchanges: run.exchanges.map((exchange) => capExchangeBodies(exchange, bodyLimit)) };
}

/** Older runs first, then the bodies of the one being saved: its status and secrets must reach storage. */
function smallerRuns(runs: FlowRun[]): FlowRun[] | undefined {
  const fewer = olderHalfDropped(runs);
  if (fewer) return fewer;
  const [only] = runs;
  const slim = only && storedRun(only, 1024);
  return slim && storedBytes(slim) < storedBytes(only) ? [slim] : undefined;
}

/**
 * Saves a run, newest first; the oldest beyond 20, or beyond the runs' byte budget, are dropped,
 * except the newest that succeeded. When the area is full all the same, older runs go first; the
 * run being saved always stays.
 */
export function saveRun(run: FlowRun, storage: Area = browser.storage.session): Promise<void> {
  return runsQueue(async () => {
    const others = (await loadRuns(storage)).filter((r) => r.id !== run.id);
    const runs = keptRuns([storedRun(run), ...others], KEPT_RUNS, STORAGE_BUDGET.runs);
    await writeWithRoom(storage, runs, (kept) => ({ [RUNS]: kept }), smallerRuns);
  });
}

export async function loadRuns(storage: Area = browser.storage.session): Promise<FlowRun[]> {
  return readStored<FlowRun[]>(storage, RUNS, []);
}

export async function loadRun(id: string, storage: Area = browser.storage.session): Promise<FlowRun> {
  const run = (await loadRuns(storage)).find((r) => r.id === id);
  if (!run) throw new Failure('not_found', 'That flow run is no longer kept (only the last 20 of this browser session are).');
  return run;
}

/**
 * Acts on one run with nothing else acting on it meanwhile: the run is read when the action's
 * turn comes, so two actions at once (a refresh and a userinfo call) each build on the other's
 * saved exchanges instead of saving over them.
 */
export function withRun<T>(id: string, act: (run: FlowRun) => Promise<T>, storage: Area = browser.storage.session): Promise<T> {
  return runLocks(id, async () => act(await loadRun(id, storage)));
}

/** Holds the run's lock while `work` runs: a flow under way is not acted on until it has settled. */
export function holdingRun<T>(id: string, work: () => Promise<T>): Promise<T> {
  return runLocks(id, work);
}
