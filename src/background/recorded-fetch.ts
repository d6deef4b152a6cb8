import { headerRecord, type HttpExchange, type HttpRequest } from '../core';

/**
 * Sends `request` and returns it with its response, as recorded evidence. Throws only when no
 * response arrived at all (network error, CORS refusal, `timeoutMs` passed); every HTTP status
 * is a result. An Origin among the headers is the browser's to set, not ours: it is not passed.
 */
export async function recordedFetch(request: HttpRequest, fetchImpl: typeof fetch = fetch, timeoutMs?: number): Promise<HttpExchange> {
  const response = await fetchImpl(request.url, {
    method: request.method,
    headers: withoutOrigin(request.headers),
    body: request.body ?? null,
    credentials: 'omit',
    // A token endpoint's redirect is itself something to record, not to follow.
    redirect: 'manual',
    ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
  });
  return { request, response: { status: response.status, headers: headerRecord(response.headers), body: await response.text() } };
}

/** A fetch that `AbortSignal.timeout` ended: DOMException "TimeoutError" in Chromium and Firefox alike. */
export function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
}

/** The URL's origin, what a reachability probe may ask; the text itself if it is no URL (then nothing answers). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The headers without Origin, which is the browser's to set (or, as a server's request, to leave out). */
export function withoutOrigin(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'origin'));
}
