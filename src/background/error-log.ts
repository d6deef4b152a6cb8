import browser from 'webextension-polyfill';
import { addErrorEntry, unseenCount, type ErrorEntry } from '../core';

// storage.session, like the runs: entries carry redacted exchanges, yet URLs and error texts
// still say what a developer was working on, which is nobody else's business after the session.
const LOG = 'errorLog';

type Area = browser.Storage.StorageArea;
type Badge = { setBadgeText(details: { text: string }): Promise<void>; setBadgeBackgroundColor(details: { color: string }): Promise<void> };

/**
 * The Errors view's list and the toolbar badge that counts what is not yet seen. Writes are
 * queued: two errors recorded at once must not both read the old list and lose one.
 */
export function createErrorLog(storage: Area = browser.storage.session, badge: Badge = browser.action) {
  let queue: Promise<unknown> = Promise.resolve();
  const load = async (): Promise<ErrorEntry[]> => ((await storage.get(LOG))[LOG] as ErrorEntry[] | undefined) ?? [];
  const update = <T>(change: (log: ErrorEntry[]) => ErrorEntry[], result: (log: ErrorEntry[]) => T): Promise<T> => {
    const next = queue.then(async () => {
      const log = change(await load());
      await storage.set({ [LOG]: log });
      await showCount(unseenCount(log));
      return result(log);
    });
    queue = next.catch(() => {});
    return next;
  };
  const showCount = async (count: number) => {
    await badge.setBadgeText({ text: count === 0 ? '' : count > 99 ? '99+' : String(count) });
    if (count > 0) await badge.setBadgeBackgroundColor({ color: '#c5221f' });
  };
  return {
    record: (entry: ErrorEntry) => update((log) => addErrorEntry(log, entry), () => undefined),
    list: load,
    /** Opening the list clears the badge. */
    markSeen: () => update((log) => log.map((entry) => (entry.seen ? entry : { ...entry, seen: true })), () => null),
    clear: () => update(() => [], () => null),
    /** After a restart of the background, the badge shows what storage still holds. */
    restoreBadge: async () => showCount(unseenCount(await load())),
  };
}

export type ErrorLog = ReturnType<typeof createErrorLog>;
