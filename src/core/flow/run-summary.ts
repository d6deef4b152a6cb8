import type { FailureReason, FlowRun, FlowStage } from './flow-run';

/** A run as the history lists it: enough to pick it, nothing secret. */
export type RunSummary = {
  id: string;
  profileName: string;
  startedAt: string;
  finishedAt?: string;
  status: FlowRun['status'];
  failure?: { stage: FlowStage; reason?: FailureReason };
  /** It holds tokens a developer can use (a refused or failed run has none). */
  hasTokens: boolean;
  /** Requests made for it, its actions included. */
  requests: number;
};

export function summarizeRun(run: FlowRun): RunSummary {
  return {
    id: run.id,
    profileName: run.profileName,
    startedAt: run.startedAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    status: run.status,
    ...(run.failure ? { failure: { stage: run.failure.stage, ...(run.failure.reason ? { reason: run.failure.reason } : {}) } } : {}),
    hasTokens: typeof run.tokens?.access_token === 'string',
    requests: Array.isArray(run.exchanges) ? run.exchanges.length : 0,
  };
}
