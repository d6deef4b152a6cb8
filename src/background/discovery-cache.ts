import { fetchAnswer, type NetworkFacts } from './fetch-answer';
import { discoveryUrl, parseDiscovery, type DiscoveryResult, type ProviderMetadata } from '../core';

const KEPT_MS = 5 * 60_000;

const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * Reads and checks an issuer's discovery document. Throws only when no answer could be read at
 * all: with `network`, saying which case it was as Run says it (no connection, the answer hidden
 * by CORS, a timeout), as `host_permission_missing` when a host permission would let it through;
 * without, `unreachable` and whether it was a timeout.
 */
export async function readDiscovery(
  issuer: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  timeoutMs = DISCOVERY_TIMEOUT_MS,
  network?: NetworkFacts,
): Promise<DiscoveryResult> {
  const url = discoveryUrl(issuer);
  const response = await fetchAnswer(url, fetchImpl, timeoutMs, network);
  const result = parseDiscovery(await response.text(), issuer);
  // An error page does not parse as discovery: its status says more than the parse does.
  return result.ok || response.ok ? result : { ok: false, reason: `Discovery answered HTTP ${response.status} at ${url}. ${result.reason}` };
}

/**
 * Discovery documents read for planning runs, kept a few minutes per issuer so that typing in
 * the profile form does not fetch on every keystroke. Only documents that were read are kept:
 * one that could not be read may be readable once its host is granted.
 */
export function createDiscoveryCache(fetchImpl?: typeof fetch, now = () => Date.now()) {
  const kept = new Map<string, { at: number; metadata: ProviderMetadata }>();
  return async (issuer: string): Promise<ProviderMetadata | undefined> => {
    const hit = kept.get(issuer);
    if (hit && now() - hit.at < KEPT_MS) return hit.metadata;
    const result = await readDiscovery(issuer, fetchImpl);
    if (!result.ok) return undefined;
    kept.set(issuer, { at: now(), metadata: result.metadata });
    return result.metadata;
  };
}
