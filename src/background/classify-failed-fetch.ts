import { classifyNoResponse, type HttpRequest, type NoResponse } from '../core';
import { errorMessage } from './flow-environment';
import { isTimeout, originOf } from './recorded-fetch';

/**
 * Which case a fetch that threw was, from what the background can find out afterwards: its own
 * deadline, whether any server answers at the URL's origin (one no-cors probe of the origin alone,
 * never the URL, which would send the request again), and whether the host permission was held.
 * Run and Check discovery both say it this way.
 */
export async function classifyFailedFetch(request: HttpRequest, error: unknown, hostAccess: boolean, reachable: (origin: string) => Promise<boolean>): Promise<NoResponse> {
  const timedOut = isTimeout(error);
  const up = timedOut || (await reachable(originOf(request.url)).catch(() => false));
  return classifyNoResponse({ request, hostAccess, timedOut, reachable: up, browserMessage: errorMessage(error) });
}
