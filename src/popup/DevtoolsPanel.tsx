import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { judgeHar, type ErrorEntry, type JudgedHarItem } from '../core';
import { useCapabilities } from './capabilities';
import { HarItems, type HarEntryData } from './HarTimeline';

/**
 * DevTools' "OAuth" panel: the inspected tab's traffic, bodies included where they matter, judged
 * as a HAR file is, with the history of everything the panel has seen (a code redeemed twice, a
 * redirect_uri that changed). Its failures also go to the Errors list and the toolbar badge.
 */
export function DevtoolsPanel() {
  const { ask, inspectedTraffic, networkPanelFirst } = useCapabilities();
  const [entries, setEntries] = useState<object[]>([]);
  useEffect(() => inspectedTraffic?.((more) => setEntries((all) => [...all, ...more])), [inspectedTraffic]);
  const judged = useMemo(() => judgeHar({ log: { entries } }), [entries]);

  // Each failure goes to the Errors list once, however often the list is judged again.
  const sent = useRef(new Set<string>());
  useEffect(() => {
    if ('error' in judged) return;
    const fresh = judged.items.flatMap((item) => errorOf(item, entries[item.entryIndex] as HarEntryData | undefined)).filter((entry) => !sent.current.has(entry.id));
    if (fresh.length === 0) return;
    for (const entry of fresh) sent.current.add(entry.id);
    ask('recordErrors', { entries: fresh }).catch(() => {});
  }, [judged]);

  return (
    <main class="devtools-panel">
      <header>
        <h1>OAuth Lens</h1>
        <span class="actions">
          <button type="button" class="secondary" data-action="clear-traffic" onClick={() => setEntries([])}>
            Clear
          </button>
        </span>
      </header>
      {entries.length === 0 ? (
        <p class="muted" data-testid="no-traffic">
          No request of this tab seen yet: load a page of your app.
          {networkPanelFirst && ' Firefox tells this panel of requests only once its own Network panel has been opened in this DevTools window: open it once, then come back.'}
        </p>
      ) : 'error' in judged ? (
        <p class="error" role="alert">
          The tab's traffic could not be judged: {judged.error}.
        </p>
      ) : (
        <HarItems items={judged.items} entries={entries as HarEntryData[]} notes={judged.notes} name="This tab" />
      )}
    </main>
  );
}

/** A failure as the Errors list keeps it, named by when and where it was sent (a panel reopened sends the same name). */
function errorOf(item: JudgedHarItem, entry: HarEntryData | undefined): ErrorEntry[] {
  if (!item.error) return [];
  const request = item.error.exchange.request;
  const started = typeof entry?.startedDateTime === 'string' ? entry.startedDateTime : item.error.at;
  return [{ ...item.error, id: `${started} ${request?.method ?? ''} ${request?.url ?? ''}` }];
}
