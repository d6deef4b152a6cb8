import browser from 'webextension-polyfill';
import { originsOf, parseHostPattern, parseHostPatterns } from '../../core';
import { Failure, type WatchState } from '../../messages';
import type { PermissionGate } from '../permission-gate';
import type { Watcher } from './watcher';
import { loadWatchSettings, saveWatchSettings, type WatchSettings } from './watch-settings';
import { watchPermissions } from './watch-permissions';


/** Who waits on the permission gate for the Watch tab's requests: `declineWatch` ends these waits. */
export const WATCH_ASKER = 'watch';
/** How long an addition or a resume waits for the person's answer to the browser's prompt. */
const PROMPT_TIMEOUT_MS = 5 * 60_000;

/**
 * The Watch list's messages. Only a click may ask for a permission, so the popup asks; but a
 * popup may not live to hear the answer (Chromium closes its toolbar popup as the prompt takes
 * focus), so what the click meant is sent here first, kept (`pending`), and carried out here
 * once the grant arrives. Permissions are given back here too.
 */
export type WatchControl = ReturnType<typeof watchControl>;

export function watchControl(watcher: Watcher, gate: PermissionGate) {
  const state = (settings: WatchSettings): WatchState => ({ ...settings, active: watcher.active, seen: watcher.seen });
  const change = async (update: (settings: WatchSettings) => WatchSettings) => {
    const settings = update(await loadWatchSettings());
    await saveWatchSettings(settings);
    watcher.apply(settings);
    return settings;
  };
  const withoutPending = ({ pending: _done, ...settings }: WatchSettings): WatchSettings => settings;

  /** Watches `pattern` once the person has granted what watching it needs; the intent stays kept until then. */
  async function completeAddition(pattern: string, until: number): Promise<WatchState> {
    const parsed = parseHostPattern(pattern);
    if (!parsed.ok) throw new Failure('invalid_input', parsed.reason);
    const answer = await gate.wait({ origins: parsed.value.origins, permissions: watchPermissions() }, until, WATCH_ASKER);
    if (answer !== 'granted') {
      await change(withoutPending);
      throw new Failure('permission_declined', `Access to ${pattern} was not granted, so it is not watched.`);
    }
    return add(pattern);
  }

  async function add(pattern: string): Promise<WatchState> {
    const settings = await change((s) => ({ ...withoutPending(s), patterns: [...new Set([...s.patterns, pattern])] }));
    // Added while paused: the host is kept for later, and watching stays as free as pausing made it.
    if (settings.paused) await browser.permissions.remove({ permissions: watchPermissions() });
    return state(settings);
  }

  const handlers = {
    getWatch: async () => state(await loadWatchSettings()),
    /**
     * `asking`: the page is asking the browser for the host from the same click; this waits for
     * the answer. Otherwise the permission must be held already.
     */
    async addWatch({ pattern, asking }: { pattern: string; asking?: boolean }) {
      const parsed = parseHostPattern(pattern);
      if (!parsed.ok) throw new Failure('invalid_input', parsed.reason);
      const { origins, pattern: normal } = parsed.value;
      if (asking) {
        const until = Date.now() + PROMPT_TIMEOUT_MS;
        await change((s) => ({ ...s, pending: { pattern: normal, until: new Date(until).toISOString() } }));
        return completeAddition(normal, until);
      }
      if (!(await gate.holds({ origins, permissions: watchPermissions() }))) {
        throw new Failure('permission_missing', `OAuth Lens may not see ${normal} yet: the permission was not granted.`);
      }
      return add(normal);
    },
    /** The page that asked heard "no": the addition or resume it asked for does not happen. */
    declineWatch: async () => (gate.decline(WATCH_ASKER), null),
    async removeWatch({ pattern }: { pattern: string }) {
      const settings = await change((s) => ({ ...s, patterns: s.patterns.filter((p) => p !== pattern) }));
      // Give back the origins no other watched pattern needs ("localhost:3000" and "localhost:4000" share one).
      const parsed = parseHostPattern(pattern);
      const stillNeeded = new Set(originsOf(parseHostPatterns(settings.patterns)));
      const origins = parsed.ok ? parsed.value.origins.filter((origin) => !stillNeeded.has(origin)) : [];
      const permissions = settings.patterns.length === 0 || settings.paused ? watchPermissions() : [];
      if (origins.length > 0 || permissions.length > 0) await browser.permissions.remove({ origins, permissions });
      return state(settings);
    },
    /** Paused, the API permissions go back (the hosts stay, to resume without asking for them); resuming needs them again. */
    async setWatchPaused({ paused, asking }: { paused: boolean; asking?: boolean }) {
      if (!paused) {
        const request = { permissions: watchPermissions() };
        const answer = asking ? await gate.wait(request, Date.now() + PROMPT_TIMEOUT_MS, WATCH_ASKER) : (await gate.holds(request)) ? 'granted' : 'declined';
        if (answer !== 'granted') throw new Failure(asking ? 'permission_declined' : 'permission_missing', 'Watching was not resumed: the permission to watch was not granted.');
      }
      const settings = await change((s) => ({ ...s, paused }));
      if (paused) await browser.permissions.remove({ permissions: watchPermissions() });
      return state(settings);
    },
  };
  return {
    /** The Watch tab's messages. */
    handlers,
    /** At start-up: an addition a stopped background left waiting for the person's answer waits on. */
    resumePending(settings: WatchSettings): Promise<WatchState> | undefined {
      if (!settings.pending) return undefined;
      const until = Date.parse(settings.pending.until);
      return completeAddition(settings.pending.pattern, Number.isFinite(until) ? until : Date.now());
    },
  };
}
