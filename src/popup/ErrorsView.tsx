import { useEffect, useMemo, useState } from 'preact/hooks';
import { hostOf, type ErrorEntry } from '../core';
import { useCapabilities } from './capabilities';
import { useStored } from './use-stored';
import { ErrorDetail } from './ErrorDetail';
import { explainEntry } from './explain-entry';
import { ExplainResponse } from './ExplainResponse';
import { Time } from './Time';

type List = { state: 'loading' } | { state: 'ready'; entries: ErrorEntry[] } | { state: 'failed'; message: string };

/**
 * Recent failed exchanges, newest first, each opened to its diagnosis. Opening the list marks
 * them seen, which clears the toolbar badge. Loaded again each time the tab becomes active.
 */
export function ErrorsView({ active }: { active: boolean }) {
  const { ask } = useCapabilities();
  const [list, setList] = useState<List>({ state: 'loading' });
  const [open, setOpen] = useState<string>();
  // A new error, recorded by a run or the watcher while the list is open, shows at once.
  const [version, setVersion] = useState(0);
  useStored(['errorIndex'], () => setVersion((v) => v + 1));

  useEffect(() => {
    if (!active) return;
    ask('listErrors', undefined).then(
      (entries) => {
        setList({ state: 'ready', entries });
        if (entries.some((entry) => !entry.seen)) ask('markErrorsSeen', undefined).catch(() => {});
      },
      (error: Error) => setList({ state: 'failed', message: error.message }),
    );
  }, [active, ask, version]);

  const clear = () =>
    ask('clearErrors', undefined).then(
      () => setList({ state: 'ready', entries: [] }),
      (error: Error) => setList({ state: 'failed', message: error.message }),
    );

  return (
    <section class="errors" aria-label="Errors">
      {list.state === 'loading' && <p class="muted">Loading…</p>}
      {list.state === 'failed' && (
        <p class="error" role="alert">
          Could not load the errors: {list.message}
        </p>
      )}
      {list.state === 'ready' && list.entries.length === 0 && (
        <p class="muted" data-testid="no-errors">
          No errors in this browser session. Failed requests of flows run here appear in this list.
        </p>
      )}
      {list.state === 'ready' && list.entries.length > 0 && (
        <>
          <p class="list-head">
            <span class="muted">
              {list.entries.length} error{list.entries.length === 1 ? '' : 's'}, newest first (the last 200 are kept)
            </span>
            <button type="button" class="secondary" data-action="clear-errors" onClick={clear}>
              Clear
            </button>
          </p>
          <ol class="error-list">
            {list.entries.map((entry) => (
              <ErrorRow
                key={entry.id}
                entry={entry}
                open={open === entry.id}
                onToggle={() => setOpen(open === entry.id ? undefined : entry.id)}
              />
            ))}
          </ol>
        </>
      )}
      <ExplainResponse />
    </section>
  );
}

function ErrorRow({ entry, open, onToggle }: { entry: ErrorEntry; open: boolean; onToggle: () => void }) {
  const [pastedBody, setPastedBody] = useState('');
  const { exchange, diagnosis } = useMemo(() => explainEntry(entry, pastedBody), [entry, pastedBody]);
  const { request, response } = exchange;
  const host = request ? (hostOf(request.url, { port: true }) ?? request.url.slice(0, 40)) : '';
  return (
    <li data-testid="error-entry" data-category={diagnosis?.category ?? 'none'} data-status={response.status} data-source={entry.source}>
      <button type="button" class="error-row" aria-expanded={open} onClick={onToggle}>
        <Time at={entry.at} /> <strong class="status">{response.status === 0 ? 'no response' : response.status}</strong>{' '}
        <span class="host">{host}</span> <span class="title">{diagnosis?.title ?? 'Not an error'}</span>
        {!entry.seen && <span class="badge new">new</span>}
      </button>
      {open && entry.bodyUnavailable && (
        <label class="pasted-body">
          Response body, copied from the network panel (Chrome does not let extensions read it)
          <textarea name="pastedBody" rows={3} value={pastedBody} onInput={(e) => setPastedBody(e.currentTarget.value)} spellcheck={false} placeholder={'{"error":"invalid_grant", …}'} />
        </label>
      )}
      {open && diagnosis && <ErrorDetail exchange={exchange} diagnosis={diagnosis} at={entry.at} />}
    </li>
  );
}
