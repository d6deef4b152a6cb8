import browser from 'webextension-polyfill';
import { emptyLedger, readLedger, type EvidenceLedger } from '../core';
import { serial } from './serial';
import { readStored } from './stored';

// One key for everything the flows and the watcher have seen of codes and authorizations.
const KEY = 'evidenceLedger';

/** The evidence ledger in storage.session, shared by the flow runner and the watcher. */
export type EvidenceStore = {
  /** The ledger, once read from storage (at the first call). */
  read(): Promise<EvidenceLedger>;
  /** Applies a pure change once the ledger is read; resolves once storage holds the result. */
  update(change: (ledger: EvidenceLedger) => EvidenceLedger): Promise<EvidenceLedger>;
  /**
   * Applies a pure change at once, for a caller that must not wait (a webRequest listener
   * decides synchronously): only after `read()` has resolved. Storage is written after.
   */
  change(change: (ledger: EvidenceLedger) => EvidenceLedger): Promise<void>;
};

/**
 * One per background. It keeps the ledger in memory once read: the background is its only
 * writer, JavaScript runs one change at a time, and the watcher consults it on every event,
 * which must cost no storage read. Storage holds it for a restarted worker; writes go in turn,
 * each of the latest ledger, and none when nothing changed.
 */
export function evidenceStore(area: browser.Storage.StorageArea = browser.storage.session): EvidenceStore {
  const queue = serial();
  let loading: Promise<EvidenceLedger> | undefined;
  let known: EvidenceLedger | undefined;
  let written: EvidenceLedger | undefined;
  const load = () =>
    (loading ??= readStored<unknown>(area, KEY, emptyLedger())
      .catch(() => emptyLedger())
      .then((stored) => (known ??= written = readLedger(stored))));
  // The ledger as it is now, not as it was first read.
  const read = async () => (await load(), known!);
  const persist = () =>
    queue(async () => {
      if (known === written) return;
      const latest = known;
      await area.set({ [KEY]: latest });
      written = latest;
    });
  const change = (apply: (ledger: EvidenceLedger) => EvidenceLedger) => {
    if (!known) throw new Error('The evidence ledger is not read yet.');
    known = apply(known);
    return persist();
  };
  return {
    read,
    change,
    update: async (apply) => {
      await load();
      await change(apply);
      return known!;
    },
  };
}
