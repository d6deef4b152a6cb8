import type { RunSummary } from '../core';
import { Time } from './Time';

const STATUS_MARK: Record<RunSummary['status'], string> = { succeeded: '✓', failed: '✗', running: '…' };

/** The runs of this browser session, newest first; the one shown is marked, any other is one click away. */
export function RunHistory({ runs, shown, onPick }: { runs: RunSummary[]; shown: string | undefined; onPick: (id: string) => void }) {
  if (runs.length === 0) return null;
  return (
    <nav class="run-history" aria-label="Runs of this session">
      <h3>
        Runs <small class="muted">({runs.length}, newest first; kept for this browser session)</small>
      </h3>
      <ol>
        {runs.map((run) => (
          <li key={run.id} data-testid="history-run" data-status={run.status} data-run-id={run.id}>
            <button type="button" class="history-row" aria-current={run.id === shown ? 'true' : undefined} onClick={() => onPick(run.id)}>
              <span class={`mark ${run.status}`} aria-label={run.status}>
                {STATUS_MARK[run.status] ?? '?'}
              </span>{' '}
              <span class="name">{run.profileName}</span> <Time at={run.startedAt} />{' '}
              <small class={run.status === 'failed' ? 'error' : 'muted'}>
                {run.status === 'failed' ? `failed at ${run.failure?.stage ?? '?'}${run.failure?.reason ? ` (${run.failure.reason.replaceAll('_', ' ')})` : ''}` : run.status === 'running' ? 'under way' : run.hasTokens ? 'tokens' : 'done'}
                {run.requests > 0 && ` · ${run.requests} request${run.requests === 1 ? '' : 's'}`}
              </small>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
