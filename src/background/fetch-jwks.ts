import { Failure, type RequestOf, type ResponseOf } from '../messages';
import { readDiscovery } from './discovery-cache';
import { fetchAnswer, type NetworkFacts } from './fetch-answer';

type Jwks = ResponseOf<'fetchJwks'>;

// Public keys: a few minutes spares the provider a fetch per token shown. A key rotated meanwhile
// shows as "no key matches kid" until then, which the message names.
const KEPT_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;

/**
 * A JWK Set for the views to verify with: `jwks_uri` from the issuer's discovery, or the one
 * given. Fetched as Check discovery fetches (no cookies, failures told apart, the host to offer
 * when a permission would help); only a set that was read is kept. The background verifies
 * nothing: jose stays out of the worker (docs/verification.md).
 */
export function createJwksFetcher(now = () => Date.now()) {
  const kept = new Map<string, { at: number; value: Jwks }>();
  return async ({ issuer, jwksUri }: RequestOf<'fetchJwks'>, fetchImpl: typeof fetch, network: NetworkFacts): Promise<Jwks> => {
    const key = jwksUri ?? issuer;
    if (!key) throw new Failure('invalid_input', 'Give an issuer or a jwks_uri.');
    const hit = kept.get(key);
    if (hit && now() - hit.at < KEPT_MS) return hit.value;
    const url = jwksUri ?? (await jwksUriOf(issuer!, fetchImpl, network));
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) throw new Failure('invalid_input', `${url} is not an http(s) URL.`);
    const response = await fetchAnswer(url, fetchImpl, TIMEOUT_MS, network);
    if (!response.ok) throw new Failure('invalid_response', `The JWK Set at ${url} answered HTTP ${response.status}.`);
    const value = { jwks: readJwks(await response.text(), url), jwksUri: url };
    kept.set(key, { at: now(), value });
    return value;
  };
}

async function jwksUriOf(issuer: string, fetchImpl: typeof fetch, network: NetworkFacts): Promise<string> {
  const discovery = await readDiscovery(issuer, fetchImpl, TIMEOUT_MS, network);
  if (!discovery.ok) throw new Failure('invalid_response', discovery.reason);
  const uri = discovery.metadata.jwks_uri;
  if (!uri) throw new Failure('unavailable', `${issuer}'s discovery document names no jwks_uri: paste the key instead.`);
  return uri;
}

/** RFC 7517 §5: a JSON object whose "keys" is an array; which keys are usable is the verifier's to judge. */
function readJwks(text: string, url: string): { keys: object[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Failure('invalid_response', `The answer at ${url} is not JSON, so not a JWK Set.`);
  }
  const keys = typeof json === 'object' && json !== null ? (json as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys)) throw new Failure('invalid_response', `The answer at ${url} has no "keys" array, so it is not a JWK Set (RFC 7517 §5).`);
  return { keys: keys.filter((k): k is object => typeof k === 'object' && k !== null) };
}
