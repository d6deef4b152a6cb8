import { isRecord } from '../lib/is-record';

/**
 * The entries of a parsed HAR file, or what the value is instead, said so the user knows what to
 * do: another tool's format (a Charles JSON session, a Postman collection, an Insomnia export), a
 * "log" without entries. Two shapes that are HAR in all but the wrapping are read, with a note:
 * DevTools' getHAR() log (no "log" around it) and a bare array of entries. Never throws.
 */
export function harEntries(value: unknown): { list: unknown[]; notes: string[] } | { error: string } {
  if (Array.isArray(value)) return arrayEntries(value);
  if (!isRecord(value)) return { error: `not a HAR file: it holds ${describe(value)}, not an object with log.entries` };
  // chrome.devtools.network.getHAR() gives the log itself, without the "log" around it.
  const log = isRecord(value.log) ? value.log : Array.isArray(value.entries) ? value : undefined;
  if (!log) {
    if (value.log !== undefined) return { error: `not a HAR file: "log" is ${describe(value.log)}, not an object` };
    // Its field names are not listed: in some JSON they are ids, or worse.
    return { error: otherFormat(value) ?? 'not a HAR file: no "log" object (a HAR file is {"log": {"entries": [...]}})' };
  }
  if (!Array.isArray(log.entries)) {
    return { error: log.entries === undefined ? 'not a HAR file: its "log" has no "entries" array' : `not a HAR file: log.entries is ${describe(log.entries)}, not an array` };
  }
  return { list: log.entries as unknown[], notes: [] };
}

function arrayEntries(list: unknown[]): { list: unknown[]; notes: string[] } | { error: string } {
  const first = list.find(isRecord);
  // Charles' "JSON Session File" (.chlsj): [{"method", "protocolVersion", "scheme", "host", "port", "path", "request", "response", …}].
  if (first && typeof first.host === 'string' && typeof first.scheme === 'string' && typeof first.path === 'string') {
    return { error: 'not a HAR file: it is a Charles JSON session (.chlsj). In Charles, use File › Export Session… and choose HTTP Archive (.har)' };
  }
  if (first && isRecord(first.request)) {
    return { list, notes: [`the file is a list of ${list.length} entries without the {"log": {"entries": …}} around it: read as the entries`] };
  }
  return { error: 'not a HAR file: it holds an array, not an object with log.entries' };
}

/** JSON that some other tool wrote, by the fields that make it what it is. */
function otherFormat(value: Record<string, unknown>): string | undefined {
  if (isRecord(value.info) && Array.isArray(value.item)) {
    return 'not a HAR file: it is a Postman collection, the requests to send, not the traffic that was sent. Record the traffic (the browser\'s network panel, a proxy) and export that as HAR';
  }
  if (value._type === 'export' && Array.isArray(value.resources)) {
    return 'not a HAR file: it is an Insomnia data export (its requests, not their traffic). Insomnia exports a HAR when HAR is the format chosen';
  }
  return undefined;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
