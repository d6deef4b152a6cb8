import type { HttpRequest, HttpResponse } from '../core';

/** A request as a developer reads it in a transcript: request line, headers, then the body. */
export function formatRequest(request: HttpRequest | undefined): string {
  if (!request) return '(not recorded)';
  const headers = Object.entries(request.headers ?? {}).map(([n, v]) => `${n}: ${v}`).join('\n');
  return `${request.method} ${request.url}\n${headers}${request.body ? `\n\n${request.body}` : ''}`;
}

export function formatResponse(response: HttpResponse): string {
  if (response.status === 0) return '(no response)';
  return `HTTP ${response.status}\n${Object.entries(response.headers).map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${response.body}`;
}
