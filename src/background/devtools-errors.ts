import { redactExchange, type ErrorEntry, type FlowHistory, type HttpExchange } from '../core';

/** More than a DevTools window shows at once; a message with more is cut, not refused. */
const MOST_AT_ONCE = 200;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the DevTools panel sent, as the Errors list keeps it: checked field by field, redacted
 * again (the panel redacted it already; what is stored is not taken on trust), named as the
 * panel's and not yet seen.
 */
export function fromDevtools(entries: unknown): ErrorEntry[] {
  if (!Array.isArray(entries)) return [];
  return entries.slice(0, MOST_AT_ONCE).flatMap((entry): ErrorEntry[] => {
    if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.at !== 'string' || !isObject(entry.exchange) || !isObject(entry.exchange.response)) return [];
    return [
      {
        id: `devtools:${entry.id}`.slice(0, 300),
        at: entry.at,
        source: 'devtools',
        exchange: redactExchange(entry.exchange as HttpExchange),
        ...(isObject(entry.history) ? { history: entry.history as FlowHistory } : {}),
        seen: false,
      },
    ];
  });
}
