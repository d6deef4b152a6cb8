import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { hostOf, type ErrorEntry } from '../core';
import { useCapabilities } from './capabilities';
import { useStored } from './use-stored';
import { ErrorDetail } from './ErrorDetail';
import { explainEntry } from './explain-entry';
import { ExplainResponse } from './ExplainResponse';
import { Time } from './Time';
import { useWide } from './use-wide';

type List = { state: 'loading' } | { state: 'ready'; entries: ErrorEntry[] } | { state: 'failed'; message: string };

/**
 * Recent failed exchanges, newest first, each opened to its diagnosis. Opening the list marks
 * them seen, which clears the toolbar badge. Loaded again each time the tab becomes active.
 */
export function ErrorsView({ active }: { active: boolean }) {
  const { ask, viewMemory } = useCapabilities();
  const [list, setList] = useState<List>({ state: 'loading' });
  // The entry opened last, opened again when the view comes back (while the log keeps it).
  const [open, setOpen] = useState<string>();
  useEffect(() => void viewMemory?.load().then((state) => state.entryId && setOpen((now) => now ?? state.entryId), () => {}), [viewMemory]);
  const toggle = (id: string) => {
    const next = open === id ? undefined : id;
    setOpen(next);
    viewMemory?.update({ entryId: next }).catch(() => {});
  };
  // Wide, the list and the entry opened stand side by side; narrow, the entry opens in the list.
  const wide = useWide();
  // Bodies pasted for entries the browser kept them from: the row's verdict follows them too.
  const [pasted, setPasted] = useState<Record<string, string>>({});
  const paste = (id: string) => (body: string) => setPasted((all) => ({ ...all, [id]: body }));
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

  const openEntry = list.state === 'ready' ? list.entries.find((entry) => entry.id === open) : undefined;
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
          <div class={wide ? 'panes' : undefined}>
            <ol class="error-list">
              {list.entries.map((entry) => (
                <ErrorRow key={entry.id} entry={entry} pastedBody={pasted[entry.id] ?? ''} open={open === entry.id} onToggle={() => toggle(entry.id)}>
                  {!wide && open === entry.id && <EntryDetail entry={entry} pastedBody={pasted[entry.id] ?? ''} onPaste={paste(entry.id)} />}
                </ErrorRow>
              ))}
            </ol>
            {wide && (
              <div class="pane">
                {openEntry ? <EntryDetail entry={openEntry} pastedBody={pasted[openEntry.id] ?? ''} onPaste={paste(openEntry.id)} /> : <p class="muted">Pick an error to see its cause, the evidence and the fix.</p>}
              </div>
            )}
          </div>
        </>
      )}
      <ExplainResponse />
    </section>
  );
}

type RowProps = { entry: ErrorEntry; pastedBody: string; open: boolean; onToggle: () => void; children?: ComponentChildren };

function ErrorRow({ entry, pastedBody, open, onToggle, children }: RowProps) {
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
      {children}
    </li>
  );
}

/** One entry opened: its diagnosis, judged again with a body pasted from the network panel when the browser hid it. */
function EntryDetail({ entry, pastedBody, onPaste }: { entry: ErrorEntry; pastedBody: string; onPaste: (body: string) => void }) {
  const { exchange, diagnosis } = useMemo(() => explainEntry(entry, pastedBody), [entry, pastedBody]);
  return (
    <>
      {entry.bodyUnavailable && (
        <label class="pasted-body">
          Response body, copied from the network panel (Chrome does not let a watcher read it; DevTools' OAuth panel shows it with the diagnosis)
          <textarea name="pastedBody" rows={3} value={pastedBody} onInput={(e) => onPaste(e.currentTarget.value)} spellcheck={false} placeholder={'{"error":"invalid_grant", …}'} />
        </label>
      )}
      {diagnosis && <ErrorDetail exchange={exchange} diagnosis={diagnosis} at={entry.at} />}
    </>
  );
}
