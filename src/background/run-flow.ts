import {
  authorizationCodeRequest,
  buildAuthorizationUrl,
  codeChallenge,
  discoveryUrl,
  flowEndpoints,
  generateCodeVerifier,
  hashCode,
  noteAuthorizationRequest,
  noteCodeIssued,
  hostOfPermission,
  hostsForRun,
  parseAuthorizationResponse,
  tokenRequestsAs,
  parseDiscovery,
  jwtPayload,
  needsDiscovery,
  readTokenFields,
  randomToken,
  redactText,
  redactUrl,
  type AuthorizationResponseProblem,
  type FailureReason,
  type FlowEndpoints,
  type FlowProfile,
  type FlowRun,
  type RecordedExchange,
  type TokenSet,
} from '../core';
import { authorize } from './authorize';
import { errorMessage, FlowFailure, type FlowEnvironment } from './flow-environment';
import { recordFlowError, sendRecorded } from './send-recorded';

/**
 * One authorization-code flow (RFC 6749 §4.1) with PKCE and, for `openid` scopes, a nonce.
 * Every HTTP exchange is recorded with its context, and the run is saved at each step, so the
 * popup can show it after being closed and reopened.
 *
 * `asked`: the host permissions the page that started the run is asking the person for, from
 * the same click. The run waits for the answer here, not in that page: Chromium closes a toolbar
 * popup as soon as its prompt appears, and the popup's own promise never settles.
 */
export async function runFlow(profile: FlowProfile, env: FlowEnvironment, asked: string[] = []): Promise<FlowRun> {
  const run: FlowRun = {
    id: randomToken(env.random),
    profileName: profile.name,
    startedAt: env.now().toISOString(),
    status: 'running',
    redirectUri: profile.redirectUri || env.defaultRedirectUri,
    clientAuth: profile.clientAuth,
    ...(profile.scope ? { scope: profile.scope } : {}),
    tokenRequestsAs: tokenRequestsAs(profile),
    exchanges: [],
  };
  if (asked.length > 0) {
    run.awaitingHosts = { permissions: asked, until: new Date(env.now().getTime() + env.hostPromptTimeoutMs).toISOString(), profile };
  }
  await env.save(run);
  return carryOn(run, profile, env);
}

/** A run a stopped background left waiting for the person's answer: wait again, then go on. */
export function continueAwaitingRun(run: FlowRun, env: FlowEnvironment): Promise<FlowRun> {
  return carryOn(run, run.awaitingHosts!.profile, env);
}

async function carryOn(run: FlowRun, profile: FlowProfile, env: FlowEnvironment): Promise<FlowRun> {
  try {
    if (run.awaitingHosts) await awaitHosts(run, env);
    const endpoints = await resolveEndpoints(profile, run, env);
    run.endpoints = endpoints;
    // RFC 9207: the identifier the response's iss must equal; discovery's, when it was read.
    if (!run.issuer && profile.issuer) run.issuer = { identifier: profile.issuer };
    await ensureReadable(profile, endpoints, env);
    const state = randomToken(env.random);
    const nonce = /(^|\s)openid(\s|$)/.test(profile.scope) ? randomToken(env.random) : undefined;
    const verifier = profile.pkce === 'off' ? undefined : generateCodeVerifier(env.random);
    const built = buildAuthorizationUrl({
      authorizationEndpoint: endpoints.authorization,
      clientId: profile.clientId,
      redirectUri: run.redirectUri,
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

    run.pending = { state, ...(nonce ? { nonce } : {}), ...(verifier ? { codeVerifier: verifier } : {}) };
    await env.save(run);
    const askedAt = env.now().toISOString();
    const redirect = await authorize(authorizationUrl, env);
    // Where it came back, its state, and RFC 9207's iss are checked before the code is read.
    const callback = parseAuthorizationResponse(redirect, {
      state,
      redirectUri: run.redirectUri,
      ...(run.issuer ? { issuer: run.issuer.identifier, issParameterSupported: run.issuer.issParameterSupported === true } : {}),
    });
    if (callback.kind === 'invalid') throw new FlowFailure('callback', callback.reason, CALLBACK_FAILURES[callback.problem]);
    if (callback.kind === 'error') {
      run.callbackError = { error: callback.error, ...(callback.description ? { description: callback.description } : {}), ...(callback.uri ? { uri: callback.uri } : {}) };
      // launchWebAuthFlow hands over only the final URL: the redirect that carried the error is
      // recorded with the usual 302, so the Errors view reads it as the browser saw it.
      const redirectExchange = { request: { method: 'GET', url: authorizationUrl }, response: { status: 302, headers: { location: redirect }, body: '' } };
      await recordFlowError(run, redirectExchange, env.now().toISOString(), env, { step: 'authorize', clientAuth: run.clientAuth, redirectUriAtAuthorization: run.redirectUri });
      throw new FlowFailure('callback', [callback.error, callback.description].filter(Boolean).join(': '), 'provider_error');
    }

    // The evidence the watcher judges by too: the developer's app sending this code again is a reuse.
    const issuedAt = env.now().toISOString();
    await env.evidence.update((ledger) => noteCodeIssued(noteAuthorizationRequest(ledger, authorizationUrl, askedAt, 'flow'), hashCode(callback.code), issuedAt, run.redirectUri));

    // From here a stopped background can finish the flow on its own (resumeFlow).
    run.pending.exchange = {
      code: callback.code,
      tokenEndpoint: endpoints.token,
      clientId: profile.clientId,
      ...(profile.clientSecret ? { clientSecret: profile.clientSecret } : {}),
      clientAuth: profile.clientAuth,
      ...(profile.redirectUriAtExchange ? { redirectUriAtExchange: profile.redirectUriAtExchange } : {}),
    };
    await env.save(run);
    await finishExchange(run, env);
  } catch (error) {
    fail(run, error);
  }
  return settle(run, env);
}

/** Waits for the person's answer to the prompt the starting click opened; nothing is requested before it. */
async function awaitHosts(run: FlowRun, env: FlowEnvironment): Promise<void> {
  const { permissions, until } = run.awaitingHosts!;
  const answer = await env.hosts.wait(permissions, Date.parse(until));
  delete run.awaitingHosts;
  await env.save(run);
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
  if (run.pending?.exchange) {
    try {
      await finishExchange(run, env);
    } catch (error) {
      fail(run, error);
    }
    return settle(run, env);
  }
  run.status = 'failed';
  run.failure = {
    stage: 'authorize',
    reason: 'interrupted',
    message:
      'The extension’s background was stopped while the sign-in window was open, and the browser does not hand the sign-in result to a restarted worker. Everything recorded up to then is kept; run the flow again.',
  };
  return settle(run, env);
}

/**
 * RFC 6749 §4.1.3 with the code the redirect brought, authenticated as the profile said; the
 * redirect URI is the one sent at authorization unless a mismatch is being reproduced.
 */
async function finishExchange(run: FlowRun, env: FlowEnvironment): Promise<void> {
  const { exchange: pending, codeVerifier, nonce } = run.pending!;
  const { code, tokenEndpoint, clientAuth } = pending!;
  const redirectUri = pending!.redirectUriAtExchange ?? run.redirectUri;
  const request = authorizationCodeRequest(tokenEndpoint, { code, redirectUri, ...(codeVerifier ? { codeVerifier } : {}) }, pending!);
  const context = { step: 'token', grantType: 'authorization_code', clientAuth, redirectUriAtAuthorization: run.redirectUri, redirectUriAtExchange: redirectUri } as const;
  acceptTokens(run, await sendRecorded(run, request, context, env), nonce);
  if (nonce) checkNonce(run, nonce);
  run.status = 'succeeded';
}

/**
 * OIDC Core §3.1.3.7 step 11: an ID token whose nonce is not the one sent (or that has none)
 * may be replayed or injected, so the run fails and its tokens are not kept as the run's: the
 * exchange that brought them stays recorded. An answer without an ID token, or with one that
 * cannot be read (encrypted), carries no nonce to compare: the run says so and goes on.
 */
function checkNonce(run: FlowRun, nonce: string): void {
  if (run.nonceCheck !== 'mismatch' && run.nonceCheck !== 'missing') return;
  const got = run.nonceCheck === 'mismatch' ? jwtPayload(run.tokens!.id_token as string)?.nonce : undefined;
  delete run.tokens;
  throw new FlowFailure(
    'token',
    run.nonceCheck === 'mismatch'
      ? `The ID token's nonce (${String(got)}) is not the one this run sent (${nonce}) (OpenID Connect Core §3.1.3.7): the ID token may be replayed or injected, so the tokens in this answer are not used. The exchange is kept below.`
      : `The ID token carries no nonce, though this run sent one (${nonce}) (OpenID Connect Core §3.1.3.7): the ID token may be replayed or injected, so the tokens in this answer are not used. The exchange is kept below.`,
    'nonce_mismatch',
  );
}

const CALLBACK_FAILURES: Readonly<Record<AuthorizationResponseProblem, FailureReason>> = {
  not_a_url: 'state_mismatch',
  state: 'state_mismatch',
  no_code: 'state_mismatch',
  redirect_uri: 'redirect_mismatch',
  issuer: 'issuer_mismatch',
};

function fail(run: FlowRun, error: unknown): void {
  run.status = 'failed';
  run.failure =
    error instanceof FlowFailure
      ? {
          stage: error.stage,
          message: redactText(error.message),
          ...(error.reason ? { reason: error.reason } : {}),
          ...(error.url ? { url: redactUrl(error.url) } : {}),
        }
      : { stage: 'authorize', message: redactText(errorMessage(error)) };
}

async function settle(run: FlowRun, env: FlowEnvironment): Promise<FlowRun> {
  delete run.pending;
  run.finishedAt = env.now().toISOString();
  await env.save(run);
  return run;
}

/**
 * Takes the tokens from a token endpoint answer, or fails with its error. Some providers answer
 * errors with HTTP 200, so the status alone proves nothing.
 */
export function acceptTokens(run: FlowRun, exchange: RecordedExchange, nonce?: string): void {
  const { fields, problem } = readTokenFields(exchange.response.body, exchange.response.headers['content-type']);
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  const error = text('error');
  if (exchange.response.status >= 400 || error !== undefined || text('access_token') === undefined) {
    const reason =
      error !== undefined
        ? [error, text('error_description')].filter(Boolean).join(': ')
        : (problem ?? 'There is no access_token (RFC 6749 §5.1 requires one in a successful response).');
    throw new FlowFailure('token', `HTTP ${exchange.response.status}. ${reason}`.trim(), 'token_error');
  }
  run.tokens = { ...run.tokens, ...(fields as TokenSet) };
  if (nonce) {
    const idToken = text('id_token');
    const claims = idToken === undefined ? undefined : jwtPayload(idToken);
    run.nonceCheck = idToken === undefined ? 'no_id_token' : !claims ? 'unreadable' : claims.nonce === undefined ? 'missing' : claims.nonce === nonce ? 'match' : 'mismatch';
  }
}

async function resolveEndpoints(profile: FlowProfile, run: FlowRun, env: FlowEnvironment): Promise<FlowEndpoints> {
  if (!needsDiscovery(profile)) {
    const given = flowEndpoints(profile);
    if (given) return given;
    throw new FlowFailure('discovery', 'Give either an issuer (for discovery) or both the authorization and token endpoints.', 'discovery_failed');
  }
  const exchange = await sendRecorded(run, { method: 'GET', url: discoveryUrl(profile.issuer!) }, { step: 'discovery', clientAuth: profile.clientAuth }, env);
  if (exchange.response.status !== 200) {
    throw new FlowFailure('discovery', `Discovery answered HTTP ${exchange.response.status} at ${exchange.request?.url}.`, 'discovery_failed');
  }
  const discovered = parseDiscovery(exchange.response.body, profile.issuer!);
  if (!discovered.ok) throw new FlowFailure('discovery', discovered.reason, 'discovery_failed');
  const metadata = discovered.metadata;
  if (metadata.token_endpoint_auth_methods_supported) run.authMethodsSupported = metadata.token_endpoint_auth_methods_supported;
  if (discovered.notes.length > 0) run.discoveryNotes = discovered.notes;
  run.issuer = { identifier: metadata.issuer, ...(metadata.authorization_response_iss_parameter_supported === true ? { issParameterSupported: true as const } : {}) };
  // parseDiscovery has checked both main endpoints are there.
  return flowEndpoints(profile, metadata)!;
}
