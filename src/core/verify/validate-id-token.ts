import { describeDuration } from '../lib/describe-duration';
import { ownMember } from '../lib/own-member';
import { shorten } from '../lib/shorten';
import { readJws } from './read-jws';
import { tokenHash } from './token-hash';

/** What the client knows the ID token must say: from its profile and the authorization request it sent. */
export type IdTokenExpectation = {
  issuer: string;
  clientId: string;
  /** The nonce the authorization request sent; left out, the token's nonce is not compared. */
  nonce?: string;
  /** Milliseconds since 1970, as Date.now(); now by default. */
  now?: number;
  /** The max_age the authorization request sent: auth_time is then required, and not older. */
  maxAgeSeconds?: number;
  /** auth_time was requested (an Essential Claim, or require_auth_time): it is then required. */
  authTime?: boolean;
  /** The access token issued with the ID token: at_hash, when the token has one, must match it. */
  accessToken?: string;
  /** The code issued with the ID token (hybrid flow): c_hash, when the token has one, must match it. */
  code?: string;
  /** Allowed clock skew for exp, iat, nbf and auth_time; 0 by default. */
  clockToleranceSeconds?: number;
};

/** One claim that fails, and why, in words a developer can act on. `claim` is the claim's name, or "token". */
export type ClaimFailure = { claim: string; message: string };

export type IdTokenValidation = { valid: boolean; failures: ClaimFailure[] };

const CORE = 'OIDC Core';

/**
 * The claims of an ID token checked as OpenID Connect Core §3.1.3.7 asks a client to (iss, aud and
 * azp, exp, iat, nonce, auth_time with max_age), with at_hash (§3.1.3.8) and c_hash (§3.3.2.11)
 * hashed for the token's alg. Claims only: the signature is verifyJws's, and a token passing here
 * proves nothing until it has been verified. Synchronous, and never throws.
 */
export function validateIdToken(token: string, expected: IdTokenExpectation): IdTokenValidation {
  try {
    const failures = check(token, expected);
    return { valid: failures.length === 0, failures };
  } catch {
    // Only a bug gets here: say so rather than call the token valid.
    return { valid: false, failures: [{ claim: 'token', message: 'The ID token could not be checked.' }] };
  }
}

function check(token: unknown, expected: unknown): ClaimFailure[] {
  const jws = readJws(token);
  if (!jws.ok) return [{ claim: 'token', message: `Not a signed JWT: ${jws.message}` }];
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(jws.payload));
  } catch {
    return [{ claim: 'token', message: 'The payload is not UTF-8 JSON: an ID token is a JWT whose claims are a JSON object (RFC 7519 §7.2).' }];
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    return [{ claim: 'token', message: 'The payload is JSON but not an object of claims (RFC 7519 §7.2).' }];
  }
  const claim = (name: string) => ownMember(claims, name);
  const want = (name: keyof IdTokenExpectation) => ownMember(expected, name);
  const text = (name: keyof IdTokenExpectation) => {
    const value = want(name);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const number = (name: keyof IdTokenExpectation) => {
    const value = want(name);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  const now = number('now') ?? Date.now();
  const tolerance = Math.max(0, number('clockToleranceSeconds') ?? 0) * 1000;
  const failures: ClaimFailure[] = [];
  const fail = (name: string, message: string) => failures.push({ claim: name, message });

  // iss: §3.1.3.7, an exact match.
  const issuer = text('issuer');
  const iss = claim('iss');
  if (iss === undefined) fail('iss', `The token has no "iss"; every ID token names its issuer (${CORE} §2).`);
  else if (typeof iss !== 'string') fail('iss', `"iss" is ${kind(iss)}, not a string (${CORE} §2).`);
  else if (issuer === undefined) fail('iss', `iss is ${quote(iss)}, and no expected issuer was given to compare it with.`);
  else if (iss !== issuer) {
    const slash = iss.replace(/\/$/, '') === issuer.replace(/\/$/, '') ? ' They differ only by a trailing slash, which still makes them different issuers.' : '';
    fail('iss', `iss is ${quote(iss)}, but the expected issuer is ${quote(issuer)}: they must be identical (${CORE} §3.1.3.7).${slash}`);
  }

  const sub = claim('sub');
  if (typeof sub !== 'string' || sub === '') fail('sub', `${sub === undefined ? 'The token has no "sub"' : `"sub" is ${kind(sub)}`}: every ID token names its end-user with a non-empty string (${CORE} §2).`);

  // aud: §3.1.3.7; azp: step 4 of Core 1.0 before errata set 2, which oauth4webapi still keeps.
  const clientId = text('clientId');
  const aud = claim('aud');
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) && aud.length > 0 && aud.every((a) => typeof a === 'string') ? (aud as string[]) : undefined;
  if (aud === undefined) fail('aud', `The token has no "aud"; an ID token names the client it was issued to (${CORE} §2).`);
  else if (!audiences) fail('aud', `"aud" is ${kind(aud)}: it must be a string or a non-empty array of strings (RFC 7519 §4.1.3).`);
  else if (clientId === undefined) fail('aud', `aud is ${quoteAll(audiences)}, and no client_id was given to look for in it.`);
  else if (!audiences.includes(clientId)) {
    fail('aud', `aud is ${quoteAll(audiences)}, which does not include client_id ${quote(clientId)}: the token was issued to another client (${CORE} §3.1.3.7).`);
  } else if (audiences.length > 1) {
    const azp = claim('azp');
    if (azp === undefined) fail('azp', `aud lists ${audiences.length} audiences and there is no "azp" naming the one it was issued to (${CORE} 1.0 §3.1.3.7 step 4, errata set 1).`);
    else if (azp !== clientId) fail('azp', `azp is ${typeof azp === 'string' ? quote(azp) : kind(azp)}, not client_id ${quote(clientId)}: the token was issued to another of its audiences (${CORE} 1.0 §3.1.3.7 step 5, errata set 1).`);
  }

  // exp, iat, nbf: NumericDates, seconds since 1970 (RFC 7519 §2).
  const exp = claim('exp');
  if (exp === undefined) fail('exp', `The token has no "exp"; an ID token always expires (${CORE} §2).`);
  else if (!isTime(exp)) fail('exp', `"exp" is ${kind(exp)}, not a time in seconds (RFC 7519 §4.1.4).`);
  else if (now >= exp * 1000 + tolerance) fail('exp', `The token expired at ${instant(exp)}, ${describeDuration(now - exp * 1000)} ago (${CORE} §3.1.3.7).`);

  const iat = claim('iat');
  if (iat === undefined) fail('iat', `The token has no "iat"; an ID token says when it was issued (${CORE} §2).`);
  else if (!isTime(iat)) fail('iat', `"iat" is ${kind(iat)}, not a time in seconds (RFC 7519 §4.1.6).`);
  else if (iat * 1000 > now + tolerance) fail('iat', `iat is ${instant(iat)}, ${describeDuration(iat * 1000 - now)} in the future: the issuer's clock or this computer's is wrong (${CORE} §3.1.3.7).`);

  const nbf = claim('nbf');
  if (nbf !== undefined && !isTime(nbf)) fail('nbf', `"nbf" is ${kind(nbf)}, not a time in seconds (RFC 7519 §4.1.5).`);
  else if (isTime(nbf) && nbf * 1000 > now + tolerance) fail('nbf', `The token is not valid before ${instant(nbf)}, ${describeDuration(nbf * 1000 - now)} from now (RFC 7519 §4.1.5).`);

  // nonce: §3.1.3.7. Not secret: it travelled in the authorization request's URL.
  const nonce = text('nonce');
  const tokenNonce = claim('nonce');
  if (nonce !== undefined) {
    if (tokenNonce === undefined) fail('nonce', `The token has no nonce, but the authorization request sent ${quote(nonce)}: the provider ignored it, or this token answers another request (${CORE} §3.1.3.7).`);
    else if (tokenNonce !== nonce) {
      fail('nonce', `nonce does not match the one sent in the authorization request: sent ${quote(nonce)}, the token has ${typeof tokenNonce === 'string' ? quote(tokenNonce) : kind(tokenNonce)}. It may answer an older request, or be replayed (${CORE} §3.1.3.7).`);
    }
  }

  // auth_time: required with max_age (§3.1.2.1) or when requested (§5.5.1); §3.1.3.7 bounds its age.
  const maxAge = number('maxAgeSeconds');
  const maxAgeSeconds = maxAge !== undefined && maxAge >= 0 ? maxAge : undefined;
  const authTime = claim('auth_time');
  const required = maxAgeSeconds !== undefined ? `max_age=${maxAgeSeconds} was sent (${CORE} §3.1.2.1)` : want('authTime') === true ? `auth_time was requested (${CORE} §5.5.1)` : undefined;
  if (authTime === undefined) {
    if (required) fail('auth_time', `The token has no auth_time, which it must carry since ${required}.`);
  } else if (!isTime(authTime)) fail('auth_time', `"auth_time" is ${kind(authTime)}, not a time in seconds (${CORE} §2).`);
  else if (maxAgeSeconds !== undefined && now > (authTime + maxAgeSeconds) * 1000 + tolerance) {
    fail('auth_time', `The end-user authenticated at ${instant(authTime)}, ${describeDuration(now - authTime * 1000)} ago, longer than max_age=${maxAgeSeconds} s: the provider should have asked them to log in again (${CORE} §3.1.3.7).`);
  }

  // at_hash and c_hash: optional in the code flow, checked whenever present and their value is known.
  const alg = typeof jws.header.alg === 'string' ? jws.header.alg : '';
  for (const [name, source, what, section] of [
    ['at_hash', 'accessToken', 'the access token', '§3.1.3.8'],
    ['c_hash', 'code', 'the code', '§3.3.2.11'],
  ] as const) {
    const value = text(source);
    const found = claim(name);
    if (value === undefined || found === undefined) continue;
    const computed = tokenHash(value, alg);
    if (typeof found !== 'string') fail(name, `"${name}" is ${kind(found)}, not a string (${CORE} ${section}).`);
    else if (!computed) fail(name, `${name} cannot be checked: alg ${quote(alg)} names no hash to compute it with (${CORE} ${section}).`);
    else if (found !== computed.value) {
      fail(name, `${name} is ${quote(found)}, but ${what} hashes to ${quote(computed.value)} (left half of ${computed.hash}, for alg ${alg}): the ID token was not issued with ${what} (${CORE} ${section}).`);
    }
  }
  return failures;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A NumericDate as an ISO instant, or as seconds when no Date can hold it. */
function instant(seconds: number): string {
  const ms = seconds * 1000;
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().replace('.000Z', 'Z') : `${seconds} s after 1970`;
}

function quote(text: string): string {
  return JSON.stringify(shorten(text, 100));
}

function quoteAll(values: string[]): string {
  return values.length === 1 ? quote(values[0]!) : `[${values.slice(0, 5).map(quote).join(', ')}${values.length > 5 ? ', …' : ''}]`;
}

/** What a claim of the wrong type is, named without writing it out (it may be deep, or huge). */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
