import {
  authorizationCodeRequest,
  buildAuthorizationUrl,
  codeChallenge,
  discoveryUrl,
  generateCodeVerifier,
  parseAuthorizationResponse,
  parseDiscovery,
  parseTokenResponse,
  randomToken,
  type FlowProfile,
  type FlowRun,
  type FlowStage,
  type HttpRequest,
  type Randomness,
  type Sha256,
  type TokenSet,
} from '../core';
import { recordedFetch } from './recorded-fetch';

/** What a flow needs from the outside world; index.ts wires the real browser in. */
export type FlowEnvironment = {
  defaultRedirectUri: string;
  launchWebAuthFlow: (url: string) => Promise<string>;
  fetch: typeof fetch;
  random: Randomness;
  sha256: Sha256;
  now: () => Date;
  save: (run: FlowRun) => Promise<void>;
  /** Firefox never settles launchWebAuthFlow while the provider shows an error page. */
  authorizeTimeoutMs: number;
};

class FlowFailure extends Error {
  constructor(
    readonly stage: FlowStage,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One authorization-code flow (RFC 6749 §4.1) with PKCE and, for `openid` scopes, a nonce.
 * Every HTTP exchange is recorded on the run, and the run is saved at each step so the popup
 * can show progress after it was closed and reopened.
 */
export async function runFlow(profile: FlowProfile, env: FlowEnvironment): Promise<FlowRun> {
  const run: FlowRun = {
    id: randomToken(env.random),
    profileName: profile.name,
    startedAt: env.now().toISOString(),
    status: 'running',
    redirectUri: profile.redirectUri || env.defaultRedirectUri,
    clientAuth: profile.clientAuth,
    exchanges: [],
  };
  await env.save(run);
  try {
    const endpoints = await resolveEndpoints(profile, run, env);
    const state = randomToken(env.random);
    const nonce = /(^|\s)openid(\s|$)/.test(profile.scope) ? randomToken(env.random) : undefined;
    const verifier = profile.pkce === 'off' ? undefined : generateCodeVerifier(env.random);
    const authorizationUrl = buildAuthorizationUrl({
      authorizationEndpoint: endpoints.authorizationEndpoint,
      clientId: profile.clientId,
      redirectUri: run.redirectUri,
      scope: profile.scope,
      state,
      ...(verifier && profile.pkce !== 'off'
        ? { codeChallenge: await codeChallenge(verifier, profile.pkce, env.sha256), codeChallengeMethod: profile.pkce }
        : {}),
      ...(nonce ? { nonce } : {}),
    });

    const redirect = await authorize(authorizationUrl, env);
    const callback = parseAuthorizationResponse(redirect, state);
    if (callback.kind === 'invalid') throw new FlowFailure('callback', callback.reason);
    if (callback.kind === 'error') {
      throw new FlowFailure('callback', [callback.error, callback.description].filter(Boolean).join(': '));
    }

    const request = authorizationCodeRequest(
      endpoints.tokenEndpoint,
      { code: callback.code, redirectUri: run.redirectUri, ...(verifier ? { codeVerifier: verifier } : {}) },
      profile,
    );
    const exchange = await send(request, 'token', run, env);
    // Some providers answer errors with HTTP 200, so the status alone proves nothing.
    const response = parseTokenResponse(exchange.response.body, exchange.response.headers['content-type']);
    if (exchange.response.status >= 400 || response.error || !response.access_token) {
      const reason = response.error
        ? [response.error.code, response.error.description].filter(Boolean).join(': ')
        : response.problems.join(' ');
      throw new FlowFailure('token', `HTTP ${exchange.response.status}. ${reason}`.trim());
    }
    run.tokens = response.fields as TokenSet;
    if (nonce) run.nonceCheck = checkNonce(response.id_token?.inspection.jwt?.payload, nonce);
    run.status = 'succeeded';
  } catch (error) {
    run.status = 'failed';
    run.failure =
      error instanceof FlowFailure
        ? { stage: error.stage, message: error.message }
        : { stage: 'authorize', message: error instanceof Error ? error.message : String(error) };
  }
  run.finishedAt = env.now().toISOString();
  await env.save(run);
  return run;
}

async function resolveEndpoints(profile: FlowProfile, run: FlowRun, env: FlowEnvironment) {
  if (profile.authorizationEndpoint && profile.tokenEndpoint) {
    return { authorizationEndpoint: profile.authorizationEndpoint, tokenEndpoint: profile.tokenEndpoint };
  }
  if (!profile.issuer) {
    throw new FlowFailure('discovery', 'Give either an issuer (for discovery) or both the authorization and token endpoints.');
  }
  const exchange = await send({ method: 'GET', url: discoveryUrl(profile.issuer) }, 'discovery', run, env);
  if (exchange.response.status !== 200) {
    throw new FlowFailure('discovery', `Discovery answered HTTP ${exchange.response.status} at ${exchange.request?.url}.`);
  }
  const discovered = parseDiscovery(exchange.response.body, profile.issuer);
  if (!discovered.ok) throw new FlowFailure('discovery', discovered.reason);
  return {
    authorizationEndpoint: profile.authorizationEndpoint || discovered.metadata.authorization_endpoint,
    tokenEndpoint: profile.tokenEndpoint || discovered.metadata.token_endpoint,
  };
}

async function send(request: HttpRequest, stage: FlowStage, run: FlowRun, env: FlowEnvironment) {
  try {
    const exchange = await recordedFetch(request, env.fetch);
    run.exchanges.push(exchange);
    await env.save(run);
    return exchange;
  } catch (error) {
    throw new FlowFailure(
      stage,
      `No response from ${request.url} (${error instanceof Error ? error.message : String(error)}). ` +
        'The server may be down, or it refused the extension origin (CORS).',
    );
  }
}

async function authorize(url: string, env: FlowEnvironment): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new FlowFailure('authorize', `The sign-in did not finish within ${env.authorizeTimeoutMs / 1000} s.`)),
      env.authorizeTimeoutMs,
    );
  });
  try {
    return await Promise.race([env.launchWebAuthFlow(url), timeout]);
  } catch (error) {
    if (error instanceof FlowFailure) throw error;
    throw new FlowFailure('authorize', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

function checkNonce(claims: Record<string, unknown> | undefined, nonce: string): FlowRun['nonceCheck'] {
  if (!claims || claims.nonce === undefined) return 'missing';
  return claims.nonce === nonce ? 'match' : 'mismatch';
}
