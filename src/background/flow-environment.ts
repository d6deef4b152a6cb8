import type { ErrorEntry, FailureReason, FlowRun, FlowStage, Randomness, Sha256 } from '../core';

/** What a flow needs from the outside world; handlers.ts wires the real browser in. */
export type FlowEnvironment = {
  defaultRedirectUri: string;
  launchWebAuthFlow: (url: string) => Promise<string>;
  fetch: typeof fetch;
  random: Randomness;
  sha256: Sha256;
  now: () => Date;
  save: (run: FlowRun) => Promise<void>;
  /** When each authorization code (by hash) was first sent to a token endpoint, across runs. */
  codeLedger: { firstSent: (hash: string) => Promise<string | undefined>; remember: (hash: string, at: string) => Promise<void> };
  /** The Errors view's log: every failed exchange of a run goes there too. */
  recordError: (entry: ErrorEntry) => Promise<void>;
  /** Firefox never settles launchWebAuthFlow while the provider shows an error page. */
  authorizeTimeoutMs: number;
};

export class FlowFailure extends Error {
  constructor(
    readonly stage: FlowStage,
    message: string,
    readonly reason?: FailureReason,
    /** The URL of a request that got no response: the host whose permission may be missing. */
    readonly url?: string,
  ) {
    super(message);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
