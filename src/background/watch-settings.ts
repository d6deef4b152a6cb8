import browser from 'webextension-polyfill';
import { parseHostPattern, type HostPattern } from '../core';

// Host names are not secrets: the watch list lives in storage.local and survives a restart.
const KEY = 'watch';

export type WatchSettings = { patterns: string[]; paused: boolean };

type Area = browser.Storage.StorageArea;

export async function loadWatchSettings(storage: Area = browser.storage.local): Promise<WatchSettings> {
  const stored = (await storage.get(KEY))[KEY] as Partial<WatchSettings> | undefined;
  return { patterns: Array.isArray(stored?.patterns) ? stored.patterns : [], paused: stored?.paused === true };
}

export async function saveWatchSettings(settings: WatchSettings, storage: Area = browser.storage.local): Promise<void> {
  await storage.set({ [KEY]: settings });
}

/** The patterns that parse; a stored one that no longer does is skipped rather than breaking the watcher. */
export function parsedPatterns(settings: WatchSettings): HostPattern[] {
  return settings.patterns.flatMap((pattern) => {
    const parsed = parseHostPattern(pattern);
    return parsed.ok ? [parsed.value] : [];
  });
}
