// Background entry: the only module with top-level side effects. Everything else is imported
// and wired here, so each piece can be loaded on its own in a test.
import { browserEnvironment } from './browser-environment';
import { createErrorLog } from './error-log';
import { loadWatchSettings } from './watch-settings';
import { createWatcher } from './watcher';
import { createHandlers } from './handlers';
import { listen } from './listen';
import { resumeFlow } from './run-flow';
import { loadRuns } from './session-store';

// A run still "running" belongs to a background that was stopped mid-flow: finish or settle it
// before any message is handled, so no handler sees it half done.
const errors = createErrorLog();
// Synchronously, before anything else: a service worker woken by a watched request must have its listeners at once.
const watcher = createWatcher(errors);
watcher.start(loadWatchSettings());
const ready = Promise.all([
  loadRuns().then((runs) => Promise.all(runs.filter((run) => run.status === 'running').map((run) => resumeFlow(run, browserEnvironment(errors))))),
  errors.restoreBadge(),
]).catch(() => {});
listen(createHandlers(errors, watcher), ready);
