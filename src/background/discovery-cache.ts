import { discoveryUrl, parseDiscovery, type ProviderMetadata } from '../core';

const KEPT_MS = 5 * 60_000;

/**
 * Discovery documents read for planning runs, kept a few minutes per issuer so that typing in
 * the profile form does not fetch on every keystroke. Only documents that were read are kept:
 * one that could not be read may be readable once its host is granted.
 */
export function createDiscoveryCache(fetchImpl: typeof fetch = (input, init) => fetch(input, init), now = () => Date.now()) {
  const kept = new Map<string, { at: number; metadata: ProviderMetadata }>();
  return async (issuer: string): Promise<ProviderMetadata | undefined> => {
    const hit = kept.get(issuer);
    if (hit && now() - hit.at < KEPT_MS) return hit.metadata;
    const response = await fetchImpl(discoveryUrl(issuer), { credentials: 'omit' });
    const result = parseDiscovery(await response.text(), issuer);
    if (!result.ok) return undefined;
    kept.set(issuer, { at: now(), metadata: result.metadata });
    return result.metadata;
  };
}
