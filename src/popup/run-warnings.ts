import { historyOf, tokenResponseWarnings, type FlowRun, type TokenResponseWarning } from '../core';

/** What a run's successful answers leave out (no refresh token for a request with an Origin, say); loaded when a run with tokens is shown. */
export function runWarnings(run: FlowRun): TokenResponseWarning[] {
  return run.exchanges.flatMap((exchange) => tokenResponseWarnings(exchange, historyOf(run, exchange)));
}
