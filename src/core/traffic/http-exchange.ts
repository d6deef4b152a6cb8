/** One HTTP request and what came back: what the flow runner records and the explainer reads. */
export type HttpRequest = { method: string; url: string; headers?: Record<string, string>; body?: string };
export type HttpResponse = { status: number; headers: Record<string, string>; body: string };
/**
 * Why a request got no readable answer (status 0), as far as the browser lets an extension know:
 * - `preflight_refused`: never sent; the CORS preflight (OPTIONS) was refused, so the request itself did not go out.
 * - `answer_hidden`: sent, and the server answered, but the browser hid the answer (no CORS headers for the
 *   extension's origin): a code in it may have been redeemed.
 * - `unreachable`: no connection (connection refused, name not resolved, TLS failure): not sent.
 * - `timeout`: no answer in time; the request may have reached the server.
 * - `connection_lost`: the server was reachable and the request not blocked, yet the connection ended without an
 *   answer; the request may have reached the server.
 */
export type NoResponseKind = 'preflight_refused' | 'answer_hidden' | 'unreachable' | 'timeout' | 'connection_lost';

export type NoResponse = {
  kind: NoResponseKind;
  /** The match pattern whose host permission would make the answer readable (e.g. `https://github.com/*`), for CORS kinds. */
  hostPermission?: string;
  /** For `unreachable`: what the failure can be, given the URL (an IP literal is never a name not resolved; http is never TLS). */
  possibleCauses?: string[];
  /** The browser's own words (`Failed to fetch`, `NetworkError when attempting to fetch resource.`). */
  browserMessage?: string;
};

export type HttpExchange = { request?: HttpRequest; response: HttpResponse; noResponse?: NoResponse };
