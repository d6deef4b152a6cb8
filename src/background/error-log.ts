import browser from 'webextension-polyfill';
import { addErrorEntry, unseenCount, type ErrorEntry, type ErrorIndexEntry } from '../core';
import { serial } from './serial';
import { olderHalfDropped, readStored, writeWithRoom } from './stored';

// storage.session, like the runs: entries carry redacted exchanges, yet URLs and error texts
// still say what a developer was working on, which is nobody else's business after the session.
// Each entry has a key of its own and one small index lists them: recording an error writes that
// error, not megabytes of the ones before it.
const INDEX = 'errorIndex';
const entryKey = (id: string) => `error:${id}`;

type Area = browser.Storage.StorageArea;
type Badge = { setBadgeText(details: { text: string }): Promise<void>; setBadgeBackgroundColor(details: { color: string }): Promise<void> };

/**
 * The Errors view's list and the toolbar badge that counts what is not yet seen. Writes are
 * queued: two errors recorded at once must not both read the old index and lose one. The log
 * keeps to its byte budget (`addErrorEntry`); should the area be full all the same (runs and
 * the evidence ledger share it), the oldest entries go until the newest fits.
 */
export function createErrorLog(storage: Area = browser.storage.session, badge: Badge = browser.action) {
  const queue = serial();
  const loadIndex = () => readStored<ErrorIndexEntry[]>(storage, INDEX, []);
  const showCount = async (count: number) => {
    await badge.setBadgeText({ text: count === 0 ? '' : count > 99 ? '99+' : String(count) });
    if (count > 0) await badge.setBadgeBackgroundColor({ color: '#c5221f' });
  };
  const removeEntries = async (ids: string[]) => {
    if (ids.length > 0) await storage.remove(ids.map(entryKey));
  };

  async function record(entry: ErrorEntry): Promise<void> {
    await queue(async () => {
      const added = addErrorEntry(await loadIndex(), entry);
      await removeEntries(added.dropped);
      const index = await writeWithRoom(
        storage,
        added.index,
        (kept) => ({ [entryKey(added.entry.id)]: added.entry, [INDEX]: kept }),
        async (kept) => {
          const fewer = olderHalfDropped(kept);
          if (fewer) await removeEntries(kept.slice(fewer.length).map((e) => e.id));
          return fewer;
        },
      );
      await showCount(unseenCount(index));
    });
  }

  async function list(): Promise<ErrorEntry[]> {
    const index = await loadIndex();
    if (index.length === 0) return [];
    const stored = await storage.get(index.map((e) => entryKey(e.id)));
    // An entry whose write did not land is left out, not shown broken.
    return index.flatMap(({ id, seen }) => {
      const entry = stored[entryKey(id)] as ErrorEntry | undefined;
      return entry ? [{ ...entry, seen }] : [];
    });
  }

  /** Records each entry not listed yet (by id), one after the other; answers how many were new. */
  async function recordNew(entries: ErrorEntry[]): Promise<number> {
    const known = new Set((await loadIndex()).map((e) => e.id));
    const fresh = entries.filter((entry) => !known.has(entry.id));
    for (const entry of fresh) await record(entry);
    return fresh.length;
  }

  return {
    record,
    recordNew,
    list,
    /** Opening the list clears the badge. */
    markSeen: () =>
      queue(async () => {
        const index = (await loadIndex()).map((e) => (e.seen ? e : { ...e, seen: true }));
        await storage.set({ [INDEX]: index });
        await showCount(0);
        return null;
      }),
    clear: () =>
      queue(async () => {
        await removeEntries((await loadIndex()).map((e) => e.id));
        await storage.set({ [INDEX]: [] });
        await showCount(0);
        return null;
      }),
    /** After a restart of the background, the badge shows what storage still holds. */
    restoreBadge: async () => showCount(unseenCount(await loadIndex())),
  };
}

export type ErrorLog = ReturnType<typeof createErrorLog>;
