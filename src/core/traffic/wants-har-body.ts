import { harKind } from './har-kind';
import { readHarEntry } from './read-har-entry';

/**
 * Whether the body of this HAR entry is worth fetching (DevTools' `getContent()` costs a round
 * trip per request): what plays a part in OAuth (discovery, authorization requests and their
 * redirects, token requests, requests with a credential) and whatever failed. Never throws.
 */
export function wantsHarBody(entry: unknown): boolean {
  const read = readHarEntry(entry, 0);
  if ('problem' in read) return false;
  const { exchange } = read;
  const status = exchange.answer?.status;
  return harKind(exchange) !== 'other' || status === undefined || status === 0 || status >= 400;
}
