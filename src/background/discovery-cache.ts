import { Failure } from '../messages';
import { classifyFailedFetch } from './classify-failed-fetch';
import { errorMessage } from './flow-environment';
import { isTimeout } from './recorded-fetch';
import { describeNoResponse, discoveryUrl, hostPermissionOf, parseDiscovery, type DiscoveryResult, type ProviderMetadata } from '../core';

const KEPT_MS = 5 * 60_000;

const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * What tells apart the failures a browser reports only as "Failed to fetch": whether the host
 * permission is held, and whether any server answers at an origin (FlowEnvironment's).
 */
export type NetworkFacts = {
  holds: (permissions: string[]) => Promise<boolean>;
  reachable: (origin: string) => Promise<boolean>;
};

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
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (network) {
      const permission = hostPermissionOf(url);
      const hostAccess = permission ? await network.holds([permission]).catch(() => false) : false;
      const noResponse = await classifyFailedFetch({ method: 'GET', url }, error, hostAccess, network.reachable);
      // Only a host permission can help with what CORS hid or stopped: the view offers it for this URL.
      if (noResponse.hostPermission) throw new Failure('host_permission_missing', describeNoResponse(noResponse, url, false), url);
      throw new Failure('unreachable', describeNoResponse(noResponse, url, false));
    }
    if (isTimeout(error)) throw new Failure('unreachable', `${url} did not answer within ${Math.round(timeoutMs / 1000)} s (timeout).`);
    throw new Failure('unreachable', errorMessage(error));
  }
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
