import { needsPreflight } from '../access/cors-preflight';
import { hostPermissionOf } from '../access/host-permission';
import type { HttpRequest, NoResponse } from '../traffic/http-exchange';

/** What the background found out after a request failed without an answer. */
export type NoResponseFacts = {
  /** The request as it left the browser (its Origin header included, when one was sent). */
  request: HttpRequest;
  /** The extension held the host permission for the URL when it sent the request. */
  hostAccess: boolean;
  /** The extension's own deadline passed before any answer. */
  timedOut: boolean;
  /** A request with no CORS needs (mode no-cors) to the same origin got through: a server answers there. */
  reachable: boolean;
  /** The browser's own words, which never say more than "failed". */
  browserMessage?: string;
};

/**
 * Tells apart the failures a browser reports to an extension only as "Failed to fetch"
 * (Chromium) or "NetworkError when attempting to fetch resource." (Firefox). A second request in
 * mode `no-cors`, which CORS cannot hide, shows whether a server answers at that origin; then
 * whether the browser would have sent a CORS preflight (Fetch standard) says whether the request
 * itself went out. Never throws.
 */
export function classifyNoResponse(facts: NoResponseFacts): NoResponse {
  const url = typeof facts?.request?.url === 'string' ? facts.request.url : '';
  const browserMessage = typeof facts?.browserMessage === 'string' && facts.browserMessage !== '' ? { browserMessage: facts.browserMessage } : {};
  if (facts?.timedOut) return { kind: 'timeout', ...browserMessage };
  if (!facts?.reachable) return { kind: 'unreachable', possibleCauses: possibleNetworkCauses(url), ...browserMessage };
  if (facts.hostAccess) return { kind: 'connection_lost', ...browserMessage };
  const hostPermission = hostPermissionOf(url);
  return {
    kind: needsPreflight(facts.request) ? 'preflight_refused' : 'answer_hidden',
    ...(hostPermission ? { hostPermission } : {}),
    ...browserMessage,
  };
}

/**
 * What a failed connection can be, given only the URL: an IP literal needs no name lookup, and
 * plain http has no TLS. The browser does not tell an extension which one it was.
 */
export function possibleNetworkCauses(url: string): string[] {
  let host = '';
  let https = false;
  if (typeof url === 'string' && URL.canParse(url)) {
    const parsed = new URL(url);
    host = parsed.hostname;
    https = parsed.protocol === 'https:';
  }
  const ipLiteral = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  return [
    'connection refused (nothing listens on that port, or a firewall said no)',
    ...(ipLiteral || host === 'localhost' ? [] : ['the host name does not resolve (DNS)']),
    ...(https ? ['a TLS failure (certificate not trusted, expired, or for another name)'] : []),
  ];
}

/** Whether a request that got this failure may have reached the server, and so used a code it carried. */
export function mayHaveBeenSent(noResponse: NoResponse): boolean {
  return noResponse.kind === 'answer_hidden' || noResponse.kind === 'timeout' || noResponse.kind === 'connection_lost';
}

/** One sentence for the flow's failure message: which case it was, and what that means for a code. */
export function describeNoResponse(noResponse: NoResponse, url: string, carriesCode: boolean): string {
  const host = URL.canParse(url) ? new URL(url).host : url;
  switch (noResponse.kind) {
    case 'preflight_refused':
      return `The request to ${url} was never sent: the browser's CORS preflight (OPTIONS) got no permission from ${host}, which does not answer the extension's origin by CORS.${carriesCode ? ' The code was not used.' : ''} Allow OAuth Lens to reach ${host} to send it.`;
    case 'answer_hidden':
      return `The request to ${url} was sent, but the browser hid the answer: ${host} sends no CORS headers for the extension's origin.${carriesCode ? ' The server may have redeemed the code.' : ''} Allow OAuth Lens to reach ${host} to read its answers.`;
    case 'timeout':
      return `No answer from ${url} in time.${carriesCode ? ' The request may have reached the server, and the code may have been redeemed.' : ''}`;
    case 'connection_lost':
      return `The connection to ${host} ended without an answer to ${url}.${carriesCode ? ' The request may have reached the server, and the code may have been redeemed.' : ''}`;
    case 'unreachable':
      return `No connection to ${host}: ${(noResponse.possibleCauses ?? []).join('; or ')}.${carriesCode ? ' The code was not sent.' : ''}`;
  }
}
