import type { HostPattern } from '../access/host-pattern';
import type { ErrorEntry } from '../diagnose/error-entry';
import type { EvidenceLedger } from './evidence-ledger';
import type { CapturedBody } from './capture-request';
import type { HeaderFields } from './header-record';
import type { HttpRequest } from './http-exchange';

/**
 * What a source saw of the developer's traffic, one step at a time, in the same shape whoever
 * saw it: webRequest's events, DevTools' network entries, a HAR file's. `id` ties the steps of
 * one request together (a redirect continues under the same id); `at` is ISO 8601.
 */
export type TrafficEvent =
  | { kind: 'request'; id: string; at: string; method: string; url: string; headers?: HeaderFields; body?: CapturedBody | string }
  /** The headers as they left (webRequest hands them over apart from the request). */
  | { kind: 'request-headers'; id: string; headers: HeaderFields }
  | { kind: 'redirect'; id: string; at: string; status: number; headers?: HeaderFields; location: string }
  /** The answer. `body` is undefined when the source could not read it (Chrome's webRequest). */
  | { kind: 'response'; id: string; status: number; headers?: HeaderFields; body?: string }
  /** No answer at all: the source's own words for why. */
  | { kind: 'failure'; id: string; error: string };

/** A request seen and not yet answered: redacted already; its code, if it carried one, by hash. */
export type PendingRequest = { request: HttpRequest; at: string; code?: { hash: string; redirectUri?: string } };

export type TrafficState = {
  /** The hosts watched; undefined: everything the source gives (a HAR file, a DevTools panel). */
  patterns?: HostPattern[];
  ledger: EvidenceLedger;
  pending: Record<string, PendingRequest>;
  /** Requests of watched hosts seen, so the Watch tab never says "watching" of events that do not arrive. */
  seen: { requests: number; lastAt?: string };
};

export type TrafficStep = { state: TrafficState; entries: ErrorEntry[] };
