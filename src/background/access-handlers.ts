import browser from 'webextension-polyfill';
import { accessUses, parseHostPatterns } from '../core';
import type { AccessEntry } from '../core';
import { Failure } from '../messages';
import { listProfiles } from './profile-store';
import { loadRuns } from './session-store';
import type { WatchControl } from './watch/watch-handlers';
import { loadWatchSettings, type WatchSettings } from './watch/watch-settings';
import { watchPermissions } from './watch/watch-permissions';


/**
 * What was granted at install: the manifest's permissions, and `devtools`, which Chrome lists for
 * a manifest with a devtools_page.
 */
function installed(): string[] {
  const manifest = browser.runtime.getManifest();
  const permissions = manifest.permissions?.filter((p): p is string => typeof p === 'string') ?? [];
  return manifest.devtools_page ? [...permissions, 'devtools'] : permissions;
}

/** What the extension holds, each permission with the features that use it, in one place. */
export async function listAccess(): Promise<AccessEntry[]> {
  const [held, watch, profiles, runs] = await Promise.all([browser.permissions.getAll(), loadWatchSettings(), listProfiles(), loadRuns()]);
  return accessUses({
    held: { origins: held.origins ?? [], permissions: held.permissions ?? [] },
    required: installed(),
    watchPermissions: watchPermissions(),
    watch,
    profiles,
    runs,
  });
}

/**
 * Gives one permission back. What depends on it stops first, through its own path: a watched
 * host that needs the origin is no longer watched (its other origins and, with the last host,
 * the API permissions go too); giving back webRequest pauses watching. A host a profile or a run
 * uses is simply asked for again by the next Run. Required permissions cannot be given back.
 */
export async function giveBack(permission: string, watch: WatchControl): Promise<AccessEntry[]> {
  const required = installed().includes(permission);
  if (required) throw new Failure('not_allowed', `${permission} was granted at install and cannot be given back; removing the extension does.`);
  if (permission.includes('://')) {
    const settings = await loadWatchSettings();
    for (const pattern of parseHostPatterns(settings.patterns)) {
      if (pattern.origins.includes(permission)) await watch.handlers.removeWatch({ pattern: pattern.pattern });
    }
    await browser.permissions.remove({ origins: [permission] });
  } else {
    if (watchPermissions().includes(permission as never)) await watch.handlers.setWatchPaused({ paused: true });
    await browser.permissions.remove({ permissions: [permission as never] });
  }
  return listAccess();
}

/**
 * At start-up: watching's API permissions are held only while a host is watched and watching is
 * not paused; a grant left over otherwise (an answer that came while the worker was stopped, say)
 * is given back, unless the person is being asked about a host right now.
 */
export async function giveBackUnusedWatchPermissions(settings: WatchSettings): Promise<void> {
  if (settings.pending || (settings.patterns.length > 0 && !settings.paused)) return;
  const permissions = watchPermissions();
  if (permissions.length > 0 && (await browser.permissions.contains({ permissions }))) await browser.permissions.remove({ permissions });
}

/**
 * Host access asked for a Run (to read a provider that does not answer extension origins by
 * CORS, or to send token requests as a server) is kept while a saved profile, a kept run or the
 * watch list uses it, and given back once none does: when a profile is deleted or changed. Not at
 * start-up: a grant the browser was started with (a managed or test profile) has its reasons.
 * A host being asked about is left alone.
 */
export async function giveBackUnusedHosts(): Promise<string[]> {
  const [access, settings] = await Promise.all([listAccess(), loadWatchSettings()]);
  if (settings.pending) return [];
  const unused = access.filter((entry) => entry.kind === 'host' && entry.uses.length === 0).map((entry) => entry.permission);
  if (unused.length > 0) await browser.permissions.remove({ origins: unused });
  return unused;
}
