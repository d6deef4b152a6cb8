import browser from 'webextension-polyfill';
import { originsOf, parseHostPattern, parseHostPatterns } from '../core';
import type { WatchState } from '../messages';
import { watchApiPermissions } from '../watch-permissions';
import type { Watcher } from './watcher';
import { loadWatchSettings, saveWatchSettings, type WatchSettings } from './watch-settings';

/** The Watch list's messages. Permissions are asked for by the popup (only a click may ask); given back here. */
export function watchHandlers(watcher: Watcher) {
  const state = (settings: WatchSettings): WatchState => ({ ...settings, active: watcher.active });
  const change = async (update: (settings: WatchSettings) => WatchSettings) => {
    const settings = update(await loadWatchSettings());
    await saveWatchSettings(settings);
    watcher.apply(settings);
    return settings;
  };
  return {
    getWatch: async () => state(await loadWatchSettings()),
    async addWatch({ pattern }: { pattern: string }) {
      const parsed = parseHostPattern(pattern);
      if (!parsed.ok) throw new Error(parsed.reason);
      const { origins } = parsed.value;
      if (!(await browser.permissions.contains({ origins, permissions: watchApiPermissions() }))) {
        throw new Error(`OAuth Lens may not see ${parsed.value.pattern} yet: the permission was not granted.`);
      }
      const settings = await change((s) => ({ ...s, patterns: [...new Set([...s.patterns, parsed.value.pattern])] }));
      // Added while paused: the host is kept for later, and watching stays as free as pausing made it.
      if (settings.paused) await browser.permissions.remove({ permissions: watchApiPermissions() });
      return state(settings);
    },
    async removeWatch({ pattern }: { pattern: string }) {
      const settings = await change((s) => ({ ...s, patterns: s.patterns.filter((p) => p !== pattern) }));
      // Give back the origins no other watched pattern needs ("localhost:3000" and "localhost:4000" share one).
      const parsed = parseHostPattern(pattern);
      const stillNeeded = new Set(originsOf(parseHostPatterns(settings.patterns)));
      const origins = parsed.ok ? parsed.value.origins.filter((origin) => !stillNeeded.has(origin)) : [];
      const permissions = settings.patterns.length === 0 || settings.paused ? watchApiPermissions() : [];
      if (origins.length > 0 || permissions.length > 0) await browser.permissions.remove({ origins, permissions });
      return state(settings);
    },
    /** Paused, the API permissions go back (the hosts stay, to resume without asking for them); resuming needs them again. */
    async setWatchPaused({ paused }: { paused: boolean }) {
      if (!paused && !(await browser.permissions.contains({ permissions: watchApiPermissions() }))) {
        throw new Error('Watching was not resumed: the permission to watch was not granted.');
      }
      const settings = await change((s) => ({ ...s, paused }));
      if (paused) await browser.permissions.remove({ permissions: watchApiPermissions() });
      return state(settings);
    },
  };
}
