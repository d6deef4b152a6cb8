import type { FlowRun } from '../core';

/**
 * Runs still "running" when a background starts belong to a worker that was stopped mid-flow
 * (Chrome stops idle service workers; a developer may stop it in DevTools): say so instead of
 * leaving them spinning.
 */
export function markInterrupted(runs: FlowRun[], now: Date): FlowRun[] {
  return runs.map((run) =>
    run.status !== 'running'
      ? run
      : {
          ...run,
          status: 'failed',
          finishedAt: now.toISOString(),
          failure: {
            stage: 'authorize',
            reason: 'interrupted',
            message:
              'The extension’s background was stopped while this flow was under way, and the browser does not hand the sign-in result to a restarted worker. Everything recorded up to then is kept; run the flow again.',
          },
        },
  );
}
