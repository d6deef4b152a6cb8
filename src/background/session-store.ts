import browser from 'webextension-polyfill';
import type { FlowRun } from '../core';

// storage.session lives in memory for the browser session: tokens go here and nowhere else.
const LAST_FLOW = 'lastFlow';

export async function saveLastFlow(run: FlowRun, storage = browser.storage.session): Promise<void> {
  await storage.set({ [LAST_FLOW]: run });
}

export async function loadLastFlow(storage = browser.storage.session): Promise<FlowRun | null> {
  const stored = await storage.get(LAST_FLOW);
  return (stored[LAST_FLOW] as FlowRun | undefined) ?? null;
}
