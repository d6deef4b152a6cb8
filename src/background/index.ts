// Background entry: the only module with top-level side effects. Everything else is imported
// and wired here, so each piece can be loaded on its own in a test.
import { browserEnvironment, extensionOrigin, type BackgroundParts } from './browser-environment';
import { createErrorLog } from './error-log';
import { evidenceStore } from './evidence-store';
import { createPermissionGate } from './permission-gate';
import { createOriginRemoval } from './origin-removal';
import { loadWatchSettings } from './watch/watch-settings';
import { createWatcher } from './watch/watcher';
import { createHandlers } from './handlers';
import { watchControl } from './watch/watch-handlers';
import { giveBackUnusedWatchPermissions } from './access-handlers';
import { listen } from './listen';
import { continueAwaitingRun, resumeFlow } from './run-flow';
import { loadRuns } from './session-store';

const errors = createErrorLog();
// One ledger of codes and authorizations, for the flows and the watcher alike.
const evidence = evidenceStore();
// Synchronously, before anything else: a service worker woken by a watched request, or by the
// grant a run is waiting for (permissions.onAdded), must find its listeners at once.
const watcher = createWatcher(errors, evidence);
const watchSettings = loadWatchSettings();
watcher.start(watchSettings);
const parts: BackgroundParts = { errors, evidence, gate: createPermissionGate(), originRemoval: createOriginRemoval(new URL(extensionOrigin()).host) };
const watch = watchControl(watcher, parts.gate);

// A run still "running" belongs to a background that was stopped mid-flow: finish or settle it
// before any message is handled, so no handler sees it half done. A run waiting for the person's
// answer to a permission prompt waits on, but not in `ready`: that may take minutes.
const runs = loadRuns();
const ready = Promise.all([
  runs.then((all) => Promise.all(all.filter((run) => run.status === 'running' && !run.awaitingHosts).map((run) => resumeFlow(run, browserEnvironment(parts))))),
  errors.restoreBadge(),
]).catch(() => {});
void ready.then(() => runs).then((all) => all.filter((run) => run.status === 'running' && run.awaitingHosts).forEach((run) => void continueAwaitingRun(run, browserEnvironment(parts))));
// Likewise a host the person was being asked about when the worker stopped.
void watchSettings.then((settings) => {
  watch.resumePending(settings)?.catch(() => {});
  return giveBackUnusedWatchPermissions(settings);
}).catch(() => {});
listen(createHandlers(parts, watch), ready);
