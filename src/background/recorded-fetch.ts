import type { HttpExchange, HttpRequest } from '../core';

/**
 * Sends `request` and returns it with its response, as recorded evidence. Throws only when no
 * response arrived at all (network error, CORS refusal); every HTTP status is a result.
 */
export async function recordedFetch(request: HttpRequest, fetchImpl: typeof fetch = fetch): Promise<HttpExchange> {
  const response = await fetchImpl(request.url, {
    method: request.method,
    headers: request.headers ?? {},
    body: request.body ?? null,
    credentials: 'omit',
    // A token endpoint's redirect is itself something to record, not to follow.
    redirect: 'manual',
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { request, response: { status: response.status, headers, body: await response.text() } };
}
