import { Failure } from '../messages';
import { describeNoResponse, hostPermissionOf } from '../core';
import { classifyFailedFetch } from './classify-failed-fetch';
import { errorMessage } from './flow-environment';
import { isTimeout } from './recorded-fetch';

/**
 * What tells apart the failures a browser reports only as "Failed to fetch": whether the host
 * permission is held, and whether any server answers at an origin (FlowEnvironment's).
 */
export type NetworkFacts = {
  holds: (permissions: string[]) => Promise<boolean>;
  reachable: (origin: string) => Promise<boolean>;
};

/**
 * GETs a public document (discovery, a JWK Set) without cookies. Every HTTP status is an answer;
 * throws only when none could be read: with `network`, saying which case it was as Run says it
 * (no connection, the answer hidden by CORS, a timeout), as `host_permission_missing` when a host
 * permission would let it through; without, `unreachable` and whether it was a timeout.
 */
export async function fetchAnswer(url: string, fetchImpl: typeof fetch, timeoutMs: number, network?: NetworkFacts): Promise<Response> {
  try {
    return await fetchImpl(url, { credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
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
}
