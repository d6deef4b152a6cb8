import { useEffect, useRef, useState } from 'preact/hooks';
import { foldHarEntries, harFoldNotes, startHarFold, type ErrorEntry, type HarFold, type JudgedHarItem } from '../core';
import { useCapabilities } from './capabilities';
import { HarItems, type HarEntryData } from './HarTimeline';

/**
 * DevTools' "OAuth" panel: the inspected tab's traffic, bodies included where they matter, judged
 * as a HAR file is, with the history of everything the panel has seen (a code redeemed twice, a
 * redirect_uri that changed). Its failures also go to the Errors list and the toolbar badge.
 */
export function DevtoolsPanel() {
  const { ask, inspectedTraffic, networkPanelFirst } = useCapabilities();
  // Each entry is judged once, as it comes, with the history of those before it (the reducer's state).
  const [seen, setSeen] = useState<{ entries: object[]; fold: HarFold }>(empty);
  useEffect(
    () => inspectedTraffic?.((more) => setSeen(({ entries, fold }) => ({ entries: [...entries, ...more], fold: foldHarEntries(fold, more, entries.length) }))),
    [inspectedTraffic],
  );
  const { entries, fold } = seen;

  // Each failure goes to the Errors list once: a fold only adds items, so those past the last count are new.
  const sentCount = useRef(0);
  useEffect(() => {
    const fresh = fold.items.slice(sentCount.current).flatMap((item) => errorOf(item, entries[item.entryIndex] as HarEntryData | undefined));
    sentCount.current = fold.items.length;
    if (fresh.length > 0) ask('recordErrors', { entries: fresh }).catch(() => {});
  }, [fold]);

  return (
    <main class="devtools-panel">
      <header>
        <h1>OAuth Lens</h1>
        <span class="actions">
          <button type="button" class="secondary" data-action="clear-traffic" onClick={() => ((sentCount.current = 0), setSeen(empty()))}>
            Clear
          </button>
        </span>
      </header>
      {entries.length === 0 ? (
        <p class="muted" data-testid="no-traffic">
          No request of this tab seen yet: load a page of your app.
          {networkPanelFirst && ' Firefox tells this panel of requests only once its own Network panel has been opened in this DevTools window: open it once, then come back.'}
        </p>
      ) : (
        <HarItems items={fold.items} entries={entries as HarEntryData[]} notes={harFoldNotes(fold)} name="This tab" />
      )}
    </main>
  );
}

const empty = () => ({ entries: [], fold: startHarFold() });

/** A failure as the Errors list keeps it, named by when and where it was sent (a panel reopened sends the same name). */
function errorOf(item: JudgedHarItem, entry: HarEntryData | undefined): ErrorEntry[] {
  if (!item.error) return [];
  const request = item.error.exchange.request;
  const started = typeof entry?.startedDateTime === 'string' ? entry.startedDateTime : item.error.at;
  return [{ ...item.error, id: `${started} ${request?.method ?? ''} ${request?.url ?? ''}` }];
}
