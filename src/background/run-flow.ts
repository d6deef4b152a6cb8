import {
  authorizationCodeRequest,
  authorizationSent,
  buildAuthorizationUrl,
  callbackFailed,
  redirectReceived,
  codeChallenge,
  codeReceived,
  discoveryRead,
  discoveryUrl,
  endpointsKnown,
  flowEndpoints,
  generateCodeVerifier,
  hashCode,
  hostOfPermission,
  hostsAnswered,
  hostsForRun,
  noteAuthorizationRequest,
  noteCodeIssued,
  parseAuthorizationResponse,
  parseDiscovery,
  needsDiscovery,
  randomToken,
  readTokenAnswer,
  redactExchange,
  redactText,
  redactUrl,
  runFailed,
  runSettled,
  runSucceeded,
  startRun,
  tokensAccepted,
  tokensRefused,
  type AuthorizationResponseProblem,
  type FailureReason,
  type FlowEndpoints,
  type FlowProfile,
  type FlowRun,
  type RecordedExchange,
} from '../core';
import { authorize } from './authorize';
import { errorMessage, FlowFailure, type FlowEnvironment } from './flow-environment';
import { runSteps, type RunSteps } from './run-steps';
import { recordFlowError, sendRecorded } from './send-recorded';

/**
 * One authorization-code flow (RFC 6749 §4.1) with PKCE and, for `openid` scopes, a nonce.
 * Every HTTP exchange is recorded with its context. The run changes only through the core's
 * pure transitions, and each step's result is saved once, so the popup can show it after being
 * closed and reopened, and a restarted background can carry it on.
 *
 * `asked`: the host permissions the page that started the run is asking the person for, from
 * the same click. The run waits for the answer here, not in that page: Chromium closes a toolbar
 * popup as soon as its prompt appears, and the popup's own promise never settles.
 */
export async function runFlow(profile: FlowProfile, env: FlowEnvironment, asked: string[] = []): Promise<FlowRun> {
  const run = startRun({
    id: randomToken(env.random),
    profile,
    startedAt: env.now().toISOString(),
    redirectUri: profile.redirectUri || env.defaultRedirectUri,
    awaiting: { permissions: asked, until: new Date(env.now().getTime() + env.hostPromptTimeoutMs).toISOString() },
  });
  await env.save(run);
  return carryOn(run, profile, env);
}

/** A run a stopped background left waiting for the person's answer: wait again, then go on. */
export function continueAwaitingRun(run: FlowRun, env: FlowEnvironment): Promise<FlowRun> {
  return carryOn(run, run.awaitingHosts!.profile, env);
}

async function carryOn(first: FlowRun, profile: FlowProfile, env: FlowEnvironment): Promise<FlowRun> {
  const flow = runSteps(first, env);
  try {
    if (flow.run.awaitingHosts) await awaitHosts(flow, env);
    const endpoints = await resolveEndpoints(profile, flow, env);
    // RFC 9207: the identifier the response's iss must equal; discovery's, when it was read.
    flow.run = endpointsKnown(flow.run, endpoints, profile.issuer);
    await ensureReadable(profile, endpoints, env);
    const state = randomToken(env.random);
    const nonce = /(^|\s)openid(\s|$)/.test(profile.scope) ? randomToken(env.random) : undefined;
    const verifier = profile.pkce === 'off' ? undefined : generateCodeVerifier(env.random);
    const built = buildAuthorizationUrl({
      authorizationEndpoint: endpoints.authorization,
      clientId: profile.clientId,
      redirectUri: flow.run.redirectUri,
      scope: profile.scope,
      state,
      ...(verifier && profile.pkce !== 'off'
        ? { codeChallenge: await codeChallenge(verifier, profile.pkce, env.sha256), codeChallengeMethod: profile.pkce }
        : {}),
      ...(nonce ? { nonce } : {}),
      ...(profile.extraParams ? { extraParams: profile.extraParams } : {}),
    });
    if (!built.ok) throw new FlowFailure('authorize', built.problem);
    const authorizationUrl = built.url;

    const askedAt = env.now().toISOString();
    await flow.step(authorizationSent(flow.run, { state, ...(nonce ? { nonce } : {}), ...(verifier ? { codeVerifier: verifier } : {}) }, { url: authorizationUrl, at: askedAt }));
    const redirect = await authorize(authorizationUrl, env);
    // Where it came back, its state, and RFC 9207's iss are checked before the code is read.
    const callback = parseAuthorizationResponse(redirect, {
      state,
      redirectUri: flow.run.redirectUri,
      ...(flow.run.issuer ? { issuer: flow.run.issuer.identifier, issParameterSupported: flow.run.issuer.issParameterSupported === true } : {}),
    });
    flow.run = redirectReceived(flow.run, { url: redirect, at: env.now().toISOString(), outcome: callback.kind === 'invalid' ? 'refused' : callback.kind });
    const { run } = flow;
    if (callback.kind === 'invalid') throw new FlowFailure('callback', callback.reason, CALLBACK_FAILURES[callback.problem]);
    if (callback.kind === 'error') {
      flow.run = callbackFailed(run, { error: callback.error, ...(callback.description ? { description: callback.description } : {}), ...(callback.uri ? { uri: callback.uri } : {}) });
      // launchWebAuthFlow hands over only the final URL: the redirect that carried the error is
      // recorded with the usual 302, so the Errors view reads it as the browser saw it.
      const redirectExchange = { request: { method: 'GET', url: authorizationUrl }, response: { status: 302, headers: { location: redirect }, body: '' } };
      await recordFlowError(flow.run, redactExchange(redirectExchange), env.now().toISOString(), env, { step: 'authorize', clientAuth: run.clientAuth, redirectUriAtAuthorization: run.redirectUri });
      throw new FlowFailure('callback', [callback.error, callback.description].filter(Boolean).join(': '), 'provider_error');
    }

    // The evidence the watcher judges by too: the developer's app sending this code again is a reuse.
    const issuedAt = env.now().toISOString();
    await env.evidence.update((ledger) => noteCodeIssued(noteAuthorizationRequest(ledger, authorizationUrl, askedAt, 'flow'), hashCode(callback.code), issuedAt, run.redirectUri));

    // From here a stopped background can finish the flow on its own (resumeFlow).
    await flow.step(
      codeReceived(run, {
        code: callback.code,
        tokenEndpoint: endpoints.token,
        clientId: profile.clientId,
        ...(profile.clientSecret ? { clientSecret: profile.clientSecret } : {}),
        clientAuth: profile.clientAuth,
        ...(profile.redirectUriAtExchange ? { redirectUriAtExchange: profile.redirectUriAtExchange } : {}),
      }),
    );
    await finishExchange(flow, env);
  } catch (error) {
    flow.run = failed(flow.run, error);
  }
  return flow.step(runSettled(flow.run, env.now().toISOString()));
}

/** Waits for the person's answer to the prompt the starting click opened; nothing is requested before it. */
async function awaitHosts(flow: RunSteps, env: FlowEnvironment): Promise<void> {
  const { permissions, until } = flow.run.awaitingHosts!;
  const answer = await env.hosts.wait(permissions, Date.parse(until));
  await flow.step(hostsAnswered(flow.run));
  if (answer === 'granted') return;
  const hosts = permissions.map(hostOfPermission).join(', ');
  throw new FlowFailure(
    'permission',
    answer === 'declined'
      ? `OAuth Lens was not allowed to reach ${hosts}, so the run stopped before asking for an authorization code: none was requested, none was wasted.`
      : `No answer came to the browser's prompt for ${hosts} in ${Math.round(env.hostPromptTimeoutMs / 60_000)} minutes, so the run stopped before asking for an authorization code.`,
    'host_access_declined',
  );
}

/**
 * No authorization code is asked for unless the answer to its redemption can be read: the token
 * endpoint's host needs its permission by now (the other endpoints serve later actions, which
 * say what is missing when they are used). A token endpoint found only through discovery may not
 * have been asked for; then the run stops here, and the next Run asks for it.
 */
async function ensureReadable(profile: FlowProfile, endpoints: FlowEndpoints, env: FlowEnvironment): Promise<void> {
  const token = hostsForRun(profile, endpoints).find((host) => host.endpoints.includes('token'));
  if (!token || (await env.hosts.holds([token.permission]))) return;
  throw new FlowFailure(
    'permission',
    `OAuth Lens may not reach ${token.host} yet, so no authorization code was asked for. ${token.why} Press Run again: it will ask.`,
    'host_access_needed',
    endpoints.token,
  );
}

/**
 * Finishes a run whose background was stopped: redeems the code it had received, or, stopped
 * before the redirect came back, says the run was interrupted (the browser hands the sign-in
 * result to no restarted worker).
 */
export async function resumeFlow(run: FlowRun, env: FlowEnvironment): Promise<FlowRun> {
  const flow = runSteps(run, env);
  if (run.pending?.exchange) {
    try {
      await finishExchange(flow, env);
    } catch (error) {
      flow.run = failed(flow.run, error);
    }
  } else {
    flow.run = runFailed(run, {
      stage: 'authorize',
      reason: 'interrupted',
      message:
        'The extension’s background was stopped while the sign-in window was open, and the browser does not hand the sign-in result to a restarted worker. Everything recorded up to then is kept; run the flow again.',
    });
  }
  return flow.step(runSettled(flow.run, env.now().toISOString()));
}

/**
 * RFC 6749 §4.1.3 with the code the redirect brought, authenticated as the profile said; the
 * redirect URI is the one sent at authorization unless a mismatch is being reproduced. OIDC Core
 * §3.1.3.7 step 11: an ID token whose nonce is not the one sent (or that has none) may be
 * replayed or injected, so the run fails and its tokens are not kept as the run's: the exchange
 * that brought them stays recorded. An answer without an ID token, or with one that cannot be
 * read (encrypted), carries no nonce to compare: the run says so and goes on.
 */
async function finishExchange(flow: RunSteps, env: FlowEnvironment): Promise<void> {
  const { run } = flow;
  const { exchange: pending, codeVerifier, nonce } = run.pending!;
  const { code, tokenEndpoint, clientAuth } = pending!;
  const redirectUri = pending!.redirectUriAtExchange ?? run.redirectUri;
  const request = authorizationCodeRequest(tokenEndpoint, { code, redirectUri, ...(codeVerifier ? { codeVerifier } : {}) }, pending!);
  const context = { step: 'token', grantType: 'authorization_code', clientAuth, redirectUriAtAuthorization: run.redirectUri, redirectUriAtExchange: redirectUri } as const;
  const exchange = await sendRecorded(flow, request, context, env);
  const answer = readTokenAnswer(exchange, nonce);
  if (!answer.ok) throw new FlowFailure('token', answer.message, 'token_error');
  if (answer.nonceCheck === 'mismatch' || answer.nonceCheck === 'missing') {
    flow.run = tokensRefused(flow.run, answer.nonceCheck);
    throw new FlowFailure(
      'token',
      answer.nonceCheck === 'mismatch'
        ? `The ID token's nonce (${String(answer.idTokenNonce)}) is not the one this run sent (${nonce}) (OpenID Connect Core §3.1.3.7): the ID token may be replayed or injected, so the tokens in this answer are not used. The exchange is kept below.`
        : `The ID token carries no nonce, though this run sent one (${nonce}) (OpenID Connect Core §3.1.3.7): the ID token may be replayed or injected, so the tokens in this answer are not used. The exchange is kept below.`,
      'nonce_mismatch',
    );
  }
  flow.run = runSucceeded(tokensAccepted(flow.run, answer.tokens, answer.nonceCheck));
}

const CALLBACK_FAILURES: Readonly<Record<AuthorizationResponseProblem, FailureReason>> = {
  not_a_url: 'state_mismatch',
  state: 'state_mismatch',
  no_code: 'state_mismatch',
  redirect_uri: 'redirect_mismatch',
  issuer: 'issuer_mismatch',
};

/** The run failed: with a FlowFailure's stage and reason, or whatever threw; never quoting a secret. */
function failed(run: FlowRun, error: unknown): FlowRun {
  return runFailed(
    run,
    error instanceof FlowFailure
      ? {
          stage: error.stage,
          message: redactText(error.message),
          ...(error.reason ? { reason: error.reason } : {}),
          ...(error.url ? { url: redactUrl(error.url) } : {}),
        }
      : { stage: 'authorize', message: redactText(errorMessage(error)) },
  );
}

async function resolveEndpoints(profile: FlowProfile, flow: RunSteps, env: FlowEnvironment): Promise<FlowEndpoints> {
  if (!needsDiscovery(profile)) {
    const given = flowEndpoints(profile);
    if (given) return given;
    throw new FlowFailure('discovery', 'Give either an issuer (for discovery) or both the authorization and token endpoints.', 'discovery_failed');
  }
  const exchange: RecordedExchange = await sendRecorded(flow, { method: 'GET', url: discoveryUrl(profile.issuer!) }, { step: 'discovery', clientAuth: profile.clientAuth }, env);
  if (exchange.response.status !== 200) {
    throw new FlowFailure('discovery', `Discovery answered HTTP ${exchange.response.status} at ${exchange.request?.url}.`, 'discovery_failed');
  }
  const discovered = parseDiscovery(exchange.response.body, profile.issuer!);
  if (!discovered.ok) throw new FlowFailure('discovery', discovered.reason, 'discovery_failed');
  const metadata = discovered.metadata;
  flow.run = discoveryRead(flow.run, {
    issuer: { identifier: metadata.issuer, ...(metadata.authorization_response_iss_parameter_supported === true ? { issParameterSupported: true as const } : {}) },
    ...(metadata.token_endpoint_auth_methods_supported ? { authMethodsSupported: metadata.token_endpoint_auth_methods_supported } : {}),
    notes: discovered.notes,
  });
  // parseDiscovery has checked both main endpoints are there.
  return flowEndpoints(profile, metadata)!;
}
