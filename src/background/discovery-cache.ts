import { Failure } from '../messages';
import { errorMessage } from './flow-environment';
import { isTimeout } from './recorded-fetch';
import { discoveryUrl, parseDiscovery, type DiscoveryResult, type ProviderMetadata } from '../core';

const KEPT_MS = 5 * 60_000;

const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * Reads and checks an issuer's discovery document; throws only when no answer could be read at
 * all (`unreachable`), and then says whether it was a timeout.
 */
export async function readDiscovery(issuer: string, fetchImpl: typeof fetch = (input, init) => fetch(input, init), timeoutMs = DISCOVERY_TIMEOUT_MS): Promise<DiscoveryResult> {
  const url = discoveryUrl(issuer);
  try {
    const response = await fetchImpl(url, { credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
    return parseDiscovery(await response.text(), issuer);
  } catch (error) {
    if (isTimeout(error)) throw new Failure('unreachable', `${url} did not answer within ${Math.round(timeoutMs / 1000)} s (timeout).`);
    throw new Failure('unreachable', errorMessage(error));
  }
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
