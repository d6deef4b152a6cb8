import type { FlowProfile } from './flow-profile';
import { tokenRequestsAs } from './flow-profile';
import type { FlowEndpoints, FlowRun, FlowStage, FailureReason, NonceCheck, PendingFlow, RecordedExchange, RedirectStep, TokenSet } from './flow-run';
import { redactUrl } from '../redact/redact';

// A run changes only through these: each returns a new run, and the background saves what one
// step returns, once. Nothing here reads a clock or storage; times come in as arguments.

export function startRun(input: { id: string; profile: FlowProfile; startedAt: string; redirectUri: string; awaiting?: { permissions: string[]; until: string } }): FlowRun {
  const { id, profile, startedAt, redirectUri, awaiting } = input;
  return {
    id,
    profileName: profile.name,
    startedAt,
    status: 'running',
    redirectUri,
    clientAuth: profile.clientAuth,
    ...(profile.scope ? { scope: profile.scope } : {}),
    tokenRequestsAs: tokenRequestsAs(profile),
    ...(awaiting && awaiting.permissions.length > 0 ? { awaitingHosts: { ...awaiting, profile } } : {}),
    exchanges: [],
  };
}

/** The person answered the prompt (or did not in time): the run no longer waits. */
export function hostsAnswered(run: FlowRun): FlowRun {
  const { awaitingHosts: _answered, ...rest } = run;
  return rest;
}

/** What discovery said of the provider: its issuer (RFC 9207), the client authentications it accepts, the fields it got wrong. */
export function discoveryRead(run: FlowRun, found: { issuer: NonNullable<FlowRun['issuer']>; authMethodsSupported?: string[]; notes: string[] }): FlowRun {
  return {
    ...run,
    issuer: found.issuer,
    ...(found.authMethodsSupported ? { authMethodsSupported: found.authMethodsSupported } : {}),
    ...(found.notes.length > 0 ? { discoveryNotes: found.notes } : {}),
  };
}

/** The endpoints the run will use; without discovery, the profile's issuer is what `iss` is compared with. */
export function endpointsKnown(run: FlowRun, endpoints: FlowEndpoints, profileIssuer?: string): FlowRun {
  return { ...run, endpoints, ...(!run.issuer && profileIssuer ? { issuer: { identifier: profileIssuer } } : {}) };
}

/**
 * The authorization request is about to go: what the run must keep to check the answer, and the
 * request as the timeline shows it (redacted).
 */
export function authorizationSent(run: FlowRun, pending: Omit<PendingFlow, 'exchange'>, sent?: { url: string; at: string }): FlowRun {
  return { ...run, pending, ...(sent ? { authorization: { url: redactUrl(sent.url), at: sent.at } } : {}) };
}

/** The sign-in window came back to `url`: kept redacted (its code masked), with what the run made of it. */
export function redirectReceived(run: FlowRun, redirect: { url: string; at: string; outcome: RedirectStep['outcome'] }): FlowRun {
  return { ...run, redirect: { url: redactUrl(redirect.url), at: redirect.at, outcome: redirect.outcome } };
}

/** The redirect brought a code: from here a restarted background can finish the run alone. */
export function codeReceived(run: FlowRun, exchange: NonNullable<PendingFlow['exchange']>): FlowRun {
  return { ...run, pending: { ...run.pending!, exchange } };
}

/** RFC 6749 §4.1.2.1: the provider's error on the redirect. */
export function callbackFailed(run: FlowRun, error: NonNullable<FlowRun['callbackError']>): FlowRun {
  return { ...run, callbackError: error };
}

export function exchangeRecorded(run: FlowRun, exchange: RecordedExchange): FlowRun {
  return { ...run, exchanges: [...run.exchanges, exchange] };
}

/** New tokens join the run's (a refresh may leave the refresh token out). */
export function tokensAccepted(run: FlowRun, tokens: TokenSet, nonceCheck?: NonceCheck): FlowRun {
  return { ...run, tokens: { ...run.tokens, ...tokens }, ...(nonceCheck ? { nonceCheck } : {}) };
}

/** OIDC Core §3.1.3.7: an ID token whose nonce is wrong or missing; its tokens are not the run's. */
export function tokensRefused(run: FlowRun, nonceCheck: NonceCheck): FlowRun {
  const { tokens: _refused, ...rest } = run;
  return { ...rest, nonceCheck };
}

export function runSucceeded(run: FlowRun): FlowRun {
  return { ...run, status: 'succeeded' };
}

export function runFailed(run: FlowRun, failure: { stage: FlowStage; message: string; reason?: FailureReason; url?: string }): FlowRun {
  return { ...run, status: 'failed', failure };
}

/** The run is over, whichever way: what it kept to carry on (state, verifier, code, client secret) goes. */
export function runSettled(run: FlowRun, finishedAt: string): FlowRun {
  const { pending: _done, ...rest } = run;
  return { ...rest, finishedAt };
}
