import { bearerRequest, readTokenAnswer, tokensAccepted, withSameClientAuthentication, type FlowRun, type HttpRequest, type RecordedExchange } from '../core';
import { Failure, type FailureCode } from '../messages';
import type { FlowEnvironment } from './flow-environment';
import { runSteps } from './run-steps';
import { sendRecorded } from './send-recorded';

type TokenKind = 'access_token' | 'refresh_token';

/** The run's first code exchange, and the request as it was sent: later requests authenticate the way it did. */
function codeExchange(run: FlowRun): RecordedExchange & { sent: HttpRequest } {
  const exchange = run.exchanges.find((e) => e.context.grantType === 'authorization_code' && e.sent);
  if (!exchange) throw new Failure('unavailable', 'This run has no code exchange to build on: run the flow first.');
  return exchange as RecordedExchange & { sent: HttpRequest };
}

function need<T>(value: T | undefined, what: string, code: FailureCode = 'unavailable'): T {
  if (value === undefined || value === '') throw new Failure(code, what);
  return value;
}

/**
 * Sends the recorded code exchange again, byte for byte (or with another redirect_uri), to see
 * what the provider answers for a used code: what a server retrying its exchange gets.
 */
export async function exchangeAgain(run: FlowRun, env: FlowEnvironment, redirectUri?: string): Promise<FlowRun> {
  const previous = codeExchange(run);
  const body = new URLSearchParams(previous.sent.body ?? '');
  if (redirectUri) body.set('redirect_uri', redirectUri);
  const request: HttpRequest = { ...previous.sent, body: body.toString() };
  const flow = runSteps(run, env);
  await sendRecorded(flow, request, { ...previous.context, redirectUriAtExchange: body.get('redirect_uri') ?? undefined }, env);
  return flow.run;
}

/** RFC 6749 §6, with the same client authentication as the code exchange. */
export async function refresh(run: FlowRun, env: FlowEnvironment): Promise<FlowRun> {
  const refreshToken = need(run.tokens?.refresh_token, 'There is no refresh token: the provider did not issue one (ask for offline_access, or see the provider notes).');
  const endpoint = need(run.endpoints?.token, 'No token endpoint is known for this run.');
  const request = withSameClientAuthentication(codeExchange(run).sent, endpoint, { grant_type: 'refresh_token', refresh_token: refreshToken });
  const flow = runSteps(run, env);
  const answer = readTokenAnswer(await sendRecorded(flow, request, { step: 'refresh', grantType: 'refresh_token', clientAuth: run.clientAuth }, env));
  // A refused refresh is a recorded answer, not a crash: the run keeps the tokens it had.
  return answer.ok ? flow.step(tokensAccepted(flow.run, answer.tokens)) : flow.run;
}

/** RFC 7009 (revoke) and RFC 7662 (introspect): a token posted to its endpoint, authenticated like the code exchange. */
export async function manageToken(run: FlowRun, step: 'revoke' | 'introspect', which: TokenKind, env: FlowEnvironment): Promise<FlowRun> {
  const endpoint = need(
    step === 'revoke' ? run.endpoints?.revocation : run.endpoints?.introspection,
    `This provider has no ${step === 'revoke' ? 'revocation' : 'introspection'} endpoint (none in discovery or the profile).`,
  );
  const token = need(run.tokens?.[which], `There is no ${which} to ${step}.`);
  const request = withSameClientAuthentication(codeExchange(run).sent, endpoint, { token, token_type_hint: which });
  const flow = runSteps(run, env);
  await sendRecorded(flow, request, { step, clientAuth: run.clientAuth }, env);
  return flow.run;
}

/** OIDC Core §5.3, or any API the developer names: a GET with the access token. */
export async function callWithToken(run: FlowRun, step: 'userinfo' | 'api', env: FlowEnvironment, url?: string): Promise<FlowRun> {
  const target =
    step === 'userinfo' ? need(run.endpoints?.userinfo, 'This provider has no userinfo endpoint.') : need(url, 'Give the URL to call.', 'invalid_input');
  const token = need(run.tokens?.access_token, 'There is no access token.');
  const flow = runSteps(run, env);
  await sendRecorded(flow, bearerRequest(target, token), { step, clientAuth: run.clientAuth }, env);
  return flow.run;
}
