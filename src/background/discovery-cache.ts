import { discoveryUrl, parseDiscovery, type DiscoveryResult, type ProviderMetadata } from '../core';

const KEPT_MS = 5 * 60_000;

/** Reads and checks an issuer's discovery document; throws only when no answer could be read at all. */
export async function readDiscovery(issuer: string, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Promise<DiscoveryResult> {
  const response = await fetchImpl(discoveryUrl(issuer), { credentials: 'omit' });
  return parseDiscovery(await response.text(), issuer);
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
