import { jwtPayload } from '../inspect/jwt-payload';
import { readTokenFields } from '../inspect/read-token-fields';
import { isRecord } from '../lib/is-record';
import { maskSecret } from '../redact/mask-secret';
import { headerRecord } from '../traffic/header-record';
import type { IdTokenExpectation } from '../verify/validate-id-token';
import type { FlowRun, RecordedExchange } from './flow-run';

/** A run's ID token, with what it must say by what the run sent and when it came. */
export type RunIdToken = {
  token: string;
  /** The issuer whose keys verify it: the run's (discovery's, else the profile's), else the token's own iss. */
  issuer?: string;
  expected: IdTokenExpectation;
  /** What is not compared, and why, for the view to say beside the verdict. */
  notes: string[];
};

// Between the provider's clock and this computer's: iat is judged against the moment the answer
// came, so a provider a few seconds ahead would otherwise issue tokens "from the future".
const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * What `validateIdToken` should hold the run's ID token to: the issuer, the client_id, nonce and
 * max_age of the authorization request (kept in its redacted URL: none is secret), the time the
 * answer that carried the token came (so a run looked at an hour later is not called expired),
 * the access token issued with it (at_hash) and the code redeemed for it (c_hash). After a
 * refresh, the answer that carried the ID token is found by its mask in the stored bodies: its
 * access token is compared only if it came in the same answer, and its nonce only if it has one
 * (OIDC Core §12.2). undefined when the run has no ID token, or never sent a client_id. Never
 * throws: a run read from storage may be of any shape.
 */
export function runIdToken(run: FlowRun): RunIdToken | undefined {
  try {
    return expectationOf(run);
  } catch {
    // Only a bug gets here: no expectation means "not checked", never "valid".
    return undefined;
  }
}

function expectationOf(run: FlowRun): RunIdToken | undefined {
  const tokens: Record<string, unknown> = isRecord(run) && isRecord(run.tokens) ? run.tokens : {};
  const token = tokens.id_token;
  if (typeof token !== 'string' || token === '') return undefined;
  const sent = authorizationParams(run);
  const exchanges: unknown[] = Array.isArray(run.exchanges) ? run.exchanges : [];
  const answers = exchanges.filter(isTokenAnswer);
  const source = [...answers].reverse().find((answer) => carries(answer, 'id_token', token)) ?? answers.find((answer) => answer.context.grantType === 'authorization_code');
  const sentBody = source?.sent?.body;
  const codeSent = source?.context.grantType === 'authorization_code' ? new URLSearchParams(typeof sentBody === 'string' ? sentBody : '') : undefined;
  const clientId = sent.get('client_id') ?? codeSent?.get('client_id') ?? undefined;
  if (!clientId) return undefined;

  const claims = jwtPayload(token);
  const notes: string[] = [];
  const ownIss = typeof claims?.iss === 'string' ? claims.iss : undefined;
  const runIssuer = isRecord(run.issuer) && typeof run.issuer.identifier === 'string' ? run.issuer.identifier : undefined;
  const issuer = runIssuer ?? ownIss;
  if (runIssuer === undefined && ownIss) notes.push('The run knows no issuer (its profile names endpoints only): the keys are those of the token’s own iss, and iss is not compared.');
  const refreshed = source?.context.grantType === 'refresh_token';
  const sentNonce = sent.get('nonce') ?? undefined;
  const nonce = refreshed && claims?.nonce === undefined ? undefined : sentNonce;
  if (sentNonce !== undefined && nonce === undefined) notes.push('A refreshed ID token need not carry the nonce (OIDC Core §12.2): it was not compared.');
  const accessToken = tokens.access_token;
  const paired = source !== undefined && typeof accessToken === 'string' && carries(source, 'access_token', accessToken);
  const code = codeSent?.get('code') ?? undefined;
  const received = source ? Date.parse(source.at) + (typeof source.durationMs === 'number' ? source.durationMs : 0) : Date.parse(String(run.finishedAt ?? run.startedAt));
  const maxAge = sent.get('max_age');

  const expected: IdTokenExpectation = {
    issuer: issuer ?? '',
    clientId,
    ...(nonce !== undefined ? { nonce } : {}),
    ...(Number.isFinite(received) ? { now: received } : {}),
    ...(maxAge !== null && /^\d+$/.test(maxAge) ? { maxAgeSeconds: Number(maxAge) } : {}),
    ...(paired ? { accessToken: accessToken as string } : {}),
    ...(code ? { code } : {}),
    clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
  };
  return { token, ...(issuer !== undefined ? { issuer } : {}), expected, notes };
}

function authorizationParams(run: FlowRun): URLSearchParams {
  const url = isRecord(run.authorization) ? run.authorization.url : undefined;
  return typeof url === 'string' && URL.canParse(url) ? new URL(url).searchParams : new URLSearchParams();
}

/** A token endpoint's successful answer for a code or a refresh. */
function isTokenAnswer(exchange: unknown): exchange is RecordedExchange {
  if (!isRecord(exchange) || !isRecord(exchange.context) || !isRecord(exchange.response)) return false;
  const { grantType } = exchange.context;
  const { status } = exchange.response;
  return (grantType === 'authorization_code' || grantType === 'refresh_token') && typeof status === 'number' && status >= 200 && status < 300;
}

/** Whether the answer's stored body carries this token: masked, as stored bodies are, or whole. */
function carries(exchange: RecordedExchange, field: 'id_token' | 'access_token', token: string): boolean {
  const response = exchange.response;
  if (!isRecord(response) || typeof response.body !== 'string') return false;
  const value = readTokenFields(response.body, headerRecord(response.headers, 'lower')['content-type']).fields[field];
  return value === token || value === maskSecret(token);
}
