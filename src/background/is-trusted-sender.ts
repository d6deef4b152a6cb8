import type { Runtime } from 'webextension-polyfill';

/**
 * The background holds tokens and secrets, so it answers only the extension's own pages:
 * never a content script, another extension or a web page (externally_connectable is unset,
 * but the check costs nothing and survives a manifest change).
 */
export function isTrustedSender(sender: Runtime.MessageSender, own: { id: string; origin: string }): boolean {
  if (sender.id !== own.id) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(own.origin);
}
