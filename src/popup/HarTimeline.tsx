import { useMemo, useState } from 'preact/hooks';
import { judgeHarFile, redactUrl, type JudgedHarItem } from '../core';
import { ErrorDetail } from './ErrorDetail';
import { Time } from './Time';

/** What a list shows of a HAR entry, read defensively: the file is anyone's. */
export type HarEntryData = { request?: { method?: unknown; url?: unknown }; response?: { status?: unknown }; startedDateTime?: unknown };

const KIND_NAMES: Record<JudgedHarItem['kind'], string> = {
  discovery: 'discovery',
  authorization_request: 'authorization',
  authorization_response: 'redirect',
  token_request: 'token',
  api_call: 'API call',
  other: 'other',
};

/**
 * A HAR file's OAuth traffic in the order it happened, each failure with its diagnosis. Requests
 * that play no part in OAuth and did not fail are counted, not listed. URLs are shown redacted;
 * a failure's request and response as the judgement redacted them.
 */
export function HarTimeline({ text, name }: { text: string; name: string }) {
  const judged = useMemo(() => judgment(text), [text]);
  if ('error' in judged) {
    return (
      <p class="error" role="alert" data-testid="har-error">
        {name} could not be read: {judged.error}.
      </p>
    );
  }
  return <HarItems items={judged.items} entries={judged.entries} notes={judged.notes} name={name} />;
}

/** Judged entries in the order they happened; each failure opens to its diagnosis. */
export function HarItems({ items, entries, notes, name }: { items: JudgedHarItem[]; entries: readonly HarEntryData[]; notes?: string[] | undefined; name: string }) {
  const [open, setOpen] = useState<number>();
  const shown = items.filter((item) => item.kind !== 'other' || item.diagnosis);
  const failures = shown.filter((item) => item.diagnosis).length;
  return (
    <div class="har-timeline" data-testid="har-timeline">
      <p class="muted" role="status">
        {name}: {items.length} request{items.length === 1 ? '' : 's'}, {shown.length} shown (OAuth or failed), {failures} failure{failures === 1 ? '' : 's'}.
      </p>
      {notes && notes.length > 0 && (
        <ul class="notes muted">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <ol class="timeline">
        {shown.map((item) => {
          const entry = entries[item.entryIndex] ?? {};
          return (
            <li key={item.entryIndex} data-testid="har-item" data-kind={item.kind} data-entry={item.entryIndex} data-category={item.diagnosis?.category}>
              {item.diagnosis ? (
                <button type="button" class="history-row" aria-expanded={open === item.entryIndex} onClick={() => setOpen(open === item.entryIndex ? undefined : item.entryIndex)}>
                  <Summary item={item} entry={entry} />
                </button>
              ) : (
                <div class="history-row">
                  <Summary item={item} entry={entry} />
                </div>
              )}
              {open === item.entryIndex && item.diagnosis && item.error && <ErrorDetail exchange={item.error.exchange} diagnosis={item.diagnosis} at={item.error.at} />}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function Summary({ item, entry }: { item: JudgedHarItem; entry: HarEntryData }) {
  const method = typeof entry.request?.method === 'string' ? entry.request.method : '';
  const url = typeof entry.request?.url === 'string' ? redactUrl(entry.request.url) : '';
  const status = typeof entry.response?.status === 'number' ? entry.response.status : undefined;
  return (
    <>
      <span class="badge">{KIND_NAMES[item.kind]}</span> <code class="url">{method} {url}</code> →{' '}
      <strong class={item.diagnosis ? 'error' : ''}>{status === undefined || status <= 0 ? 'no answer' : status}</strong>
      {item.diagnosis && <span class="title"> {item.diagnosis.title}</span>}
      {typeof entry.startedDateTime === 'string' && (
        <small class="muted">
          {' '}
          <Time at={entry.startedDateTime} />
        </small>
      )}
    </>
  );
}

/** The file parsed once: the judgement reads it, the list shows the entries it read (a file cut short, JSON Lines, too). */
function judgment(text: string): { error: string } | { items: JudgedHarItem[]; notes?: string[]; entries: HarEntryData[] } {
  const judged = judgeHarFile(text);
  return 'error' in judged ? judged : { ...judged, entries: judged.entries as HarEntryData[] };
}
