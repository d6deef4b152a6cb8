// Background entry: the only module with top-level side effects. Everything else is imported
// and wired here, so each piece can be loaded on its own in a test.
import { createHandlers } from './handlers';
import { listen } from './listen';
import { markInterrupted } from './mark-interrupted';
import { loadRuns, replaceRuns } from './session-store';

// Runs left "running" by a stopped worker are settled before any message is handled.
const ready = loadRuns()
  .then((runs) => (runs.some((r) => r.status === 'running') ? replaceRuns(markInterrupted(runs, new Date())) : undefined))
  .catch(() => {});
listen(createHandlers(), ready);
