import type { ErrorEntry, FailureReason, FlowRun, FlowStage, Randomness, Sha256 } from '../core';
import type { EvidenceStore } from './evidence-store';
import type { PermissionAnswer } from './permission-gate';

/** What a flow needs from the outside world; browser-environment.ts wires the real browser in. */
export type FlowEnvironment = {
  defaultRedirectUri: string;
  /** The extension's origin as browsers send it in an Origin header: chrome-extension://<id>, moz-extension://<uuid>. */
  extensionOrigin: string;
  launchWebAuthFlow: (url: string) => Promise<string>;
  fetch: typeof fetch;
  /** Host permissions: held now, or waited for while the person answers the browser's prompt. */
  hosts: { holds: (permissions: string[]) => Promise<boolean>; wait: (permissions: string[], until: number) => Promise<PermissionAnswer> };
  /** Sends a request to `url` with the browser's Origin header removed (a token request "as a server"). */
  withoutOrigin: <T>(url: string, send: () => Promise<T>) => Promise<T>;
  /**
   * Whether any server answers at an origin: one no-cors request to it, which CORS cannot hide.
   * Callers give the origin alone, never the URL that failed: that would send an authorization
   * or token request a second time.
   */
  reachable: (origin: string) => Promise<boolean>;
  /** Firefox never settles launchWebAuthFlow while the window shows an error page, a dead server's included. */
  authorizeHangsOnErrorPage: boolean;
  random: Randomness;
  sha256: Sha256;
  now: () => Date;
  save: (run: FlowRun) => Promise<void>;
  /** What runs and the watcher have seen of codes and authorizations, across runs: the evidence ledger. */
  evidence: EvidenceStore;
  /** The Errors view's log: every failed exchange of a run goes there too. */
  recordError: (entry: ErrorEntry) => Promise<void>;
  /** Firefox never settles launchWebAuthFlow while the provider shows an error page. */
  authorizeTimeoutMs: number;
  /** A token endpoint that has not answered by then will not: the wait ends, and the failure says so. */
  requestTimeoutMs: number;
  /** How long a run waits for the person to answer the browser's permission prompt. */
  hostPromptTimeoutMs: number;
};

export class FlowFailure extends Error {
  constructor(
    readonly stage: FlowStage,
    message: string,
    readonly reason?: FailureReason,
    /** The URL of a request that a host permission would have let through: the host to offer. */
    readonly url?: string,
  ) {
    super(message);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
