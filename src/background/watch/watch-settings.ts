import browser from 'webextension-polyfill';
import { readStored } from '../stored';

// Host names are not secrets: the watch list lives in storage.local and survives a restart.
const KEY = 'watch';

export type WatchSettings = {
  patterns: string[];
  paused: boolean;
  /** A host the person is being asked about, kept until the answer comes (or `until` passes). */
  pending?: { pattern: string; until: string };
};

type Area = browser.Storage.StorageArea;

export async function loadWatchSettings(storage: Area = browser.storage.local): Promise<WatchSettings> {
  const stored = await readStored<Partial<WatchSettings> | undefined>(storage, KEY, undefined);
  const pending = stored?.pending;
  return {
    patterns: Array.isArray(stored?.patterns) ? stored.patterns : [],
    paused: stored?.paused === true,
    ...(pending && typeof pending.pattern === 'string' && typeof pending.until === 'string' ? { pending } : {}),
  };
}

export async function saveWatchSettings(settings: WatchSettings, storage: Area = browser.storage.local): Promise<void> {
  await storage.set({ [KEY]: settings });
}
