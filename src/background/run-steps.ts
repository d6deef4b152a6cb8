import type { FlowRun } from '../core';
import type { FlowEnvironment } from './flow-environment';

/**
 * A run as its last step left it, and the way to take the next: a step is a core transition's
 * result, saved once. Between steps, `run` may be replaced by a transition not worth a save of
 * its own (what discovery said); the next step saves it with the rest.
 */
export type RunSteps = { run: FlowRun; step: (next: FlowRun) => Promise<FlowRun> };

export function runSteps(first: FlowRun, env: Pick<FlowEnvironment, 'save'>): RunSteps {
  const steps: RunSteps = {
    run: first,
    step: async (next) => {
      steps.run = next;
      await env.save(next);
      return next;
    },
  };
  return steps;
}
