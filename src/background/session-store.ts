import browser from 'webextension-polyfill';
import type { FlowRun } from '../core';
import type { CodeUse } from './flow-environment';

// storage.session lives in memory for the browser session: tokens, secrets and flow state go here.
const RUNS = 'flowRuns';
const CODE_LEDGER = 'codeLedger';
const KEPT_RUNS = 20;

type Area = browser.Storage.StorageArea;

/** Saves a run, newest first; the oldest beyond 20 are dropped. */
export async function saveRun(run: FlowRun, storage: Area = browser.storage.session): Promise<void> {
  const runs = (await loadRuns(storage)).filter((r) => r.id !== run.id);
  await storage.set({ [RUNS]: [run, ...runs].slice(0, KEPT_RUNS) });
}

export async function loadRuns(storage: Area = browser.storage.session): Promise<FlowRun[]> {
  return ((await storage.get(RUNS))[RUNS] as FlowRun[] | undefined) ?? [];
}

export async function loadRun(id: string, storage: Area = browser.storage.session): Promise<FlowRun> {
  const run = (await loadRuns(storage)).find((r) => r.id === id);
  if (!run) throw new Error('That flow run is no longer kept (only the last 20 of this browser session are).');
  return run;
}

/** When each authorization code, by hash, was first sent to a token endpoint, and whether that answer was read. */
export const codeLedger = {
  async firstSent(hash: string, storage: Area = browser.storage.session): Promise<CodeUse | undefined> {
    return ((await storage.get(CODE_LEDGER))[CODE_LEDGER] as Record<string, CodeUse> | undefined)?.[hash];
  },
  async remember(hash: string, use: CodeUse, storage: Area = browser.storage.session): Promise<void> {
    const ledger = ((await storage.get(CODE_LEDGER))[CODE_LEDGER] as Record<string, CodeUse> | undefined) ?? {};
    await storage.set({ [CODE_LEDGER]: { ...ledger, [hash]: use } });
  },
};
