import type { Diagnosis } from '../diagnose/diagnosis';
import type { ErrorEntry } from '../diagnose/error-entry';
import { explainExchange } from '../diagnose/explain-exchange';
import { isRecord } from '../lib/is-record';
import { harKind, type HarKind } from './har-kind';
import { harEntries } from './har-entries';
import { judgeTraffic, startTraffic } from './judge-traffic';
import { readHarEntry, type HarExchange } from './read-har-entry';
import { readHarText } from './read-har-text';
import type { TrafficEvent, TrafficState } from './traffic-event';

export type HarItem = { entryIndex: number; kind: HarKind; diagnosis?: Diagnosis };

/** `notes`: what was read otherwise than written (an entry skipped, a field assumed), in the file's words. */
export type HarAnalysis = { error: string } | { items: HarItem[]; notes?: string[] };

/**
 * `analyzeHar`'s items, each failure with the reducer's error entry beside it: the exchange as it
 * may be shown or stored (redacted) and the history it was judged with. What a view draws, and
 * what the DevTools panel hands the Errors list.
 */
export type JudgedHarItem = HarItem & { error?: ErrorEntry };
export type HarJudgement = { error: string } | { items: JudgedHarItem[]; notes?: string[] };

/** Beyond this many, notes are counted, not listed: a file of 10 000 odd entries needs one line, not 10 000. */
const NOTES_SHOWN = 20;

/**
 * Judges a HAR file (HAR 1.2, from any browser or proxy) as the watcher judges the traffic it
 * sees: each entry becomes the `TrafficEvent`s a source would have sent, and all are folded in
 * the order they happened through `judgeTraffic`, so a code redeemed twice or a redirect_uri that
 * changed between the authorization and the token request is judged with the file's own history.
 * Each item names its entry's index in `log.entries` (the file's order, whatever order it was
 * judged in); items come in the order the requests started. A failure has the diagnosis
 * `explainExchange` makes of the reducer's redacted entry, so nothing returned holds a secret.
 *
 * `har` is the file's text or what it parses to (a DevTools `getHAR()` log, `log` left out, too).
 * `now` (ms) is the moment to judge an entry with no date against. A file that cannot be read
 * at all gives `{ error }` saying what is wrong. Never throws.
 */
export function analyzeHar(har: string | object, options: { now?: number } = {}): HarAnalysis {
  const judged = judgeHar(har, options);
  if ('error' in judged) return judged;
  return { ...judged, items: judged.items.map(({ error: _entry, ...item }) => item) };
}

/** `analyzeHar`, with each failure's redacted error entry (see JudgedHarItem). Never throws. */
export function judgeHar(har: string | object, options: { now?: number } = {}): HarJudgement {
  const judged = judgeHarFile(har, options);
  if ('error' in judged) return judged;
  const { entries: _read, ...rest } = judged;
  return rest;
}

/**
 * `judgeHar`, with the entries it read: the file's `log.entries`, or what it read as such (a file
 * cut short, JSON Lines, a bare list). A view lists them beside the items, and the text is parsed
 * once. The entries are the file's own, secrets and all: what a view shows of them it redacts.
 * Never throws.
 */
export function judgeHarFile(har: string | object, options: { now?: number } = {}): { error: string } | { items: JudgedHarItem[]; notes?: string[]; entries: unknown[] } {
  try {
    const entries = entriesOf(har);
    if ('error' in entries) return entries;
    const judged = judgeEntries(entries.list, isRecord(options) && typeof options.now === 'number' && Number.isFinite(options.now) ? options.now : undefined, entries.notes);
    return 'error' in judged ? judged : { ...judged, entries: entries.list };
  } catch (error) {
    // Reached only by hostile objects (getters, proxies): the file is then unreadable, not the extension broken.
    return { error: `the HAR could not be read: ${error instanceof Error ? error.name : 'unknown error'}` };
  }
}

/** The file's entries and what was read otherwise than written, or what is wrong with it. */
function entriesOf(har: unknown): { list: unknown[]; notes: string[] } | { error: string } {
  const read = typeof har === 'string' ? readHarText(har) : { value: har, notes: [] };
  if ('error' in read) return read;
  const entries = harEntries(read.value);
  return 'error' in entries ? entries : { list: entries.list, notes: [...read.notes, ...entries.notes] };
}

type Read = { index: number; exchange: HarExchange; order: number };

/**
 * The judgement of entries so far, to be carried on: the reducer's state (the history every later
 * entry is judged with), the items and the notes. What the DevTools panel keeps as requests finish.
 */
export type HarFold = { state: TrafficState; items: JudgedHarItem[]; notes: string[]; problems: string[] };

export function startHarFold(): HarFold {
  return { state: startTraffic(), items: [], notes: [], problems: [] };
}

/**
 * Judges more entries after those already folded, with their history: `entries[i]` is the file's
 * entry number `firstIndex + i`. A batch is judged in the order its requests started; each entry
 * is judged once, so a panel that sees requests one by one judges each as it comes, not the whole
 * tab again. Never throws.
 */
export function foldHarEntries(fold: HarFold, entries: readonly unknown[], firstIndex: number, options: { now?: number } = {}): HarFold {
  try {
    const now = isRecord(options) && typeof options.now === 'number' && Number.isFinite(options.now) ? options.now : undefined;
    return foldRead(fold, readBatch(Array.isArray(entries) ? entries : [], Number.isSafeInteger(firstIndex) ? firstIndex : fold.items.length), now);
  } catch {
    // Hostile objects (getters, proxies) only: the batch is skipped, what was judged stays.
    return { ...fold, problems: [...fold.problems, `entries from ${firstIndex} could not be read`] };
  }
}

/** `said`: what the file as a whole was read as (a cut, JSON Lines), said before any entry's notes. */
function judgeEntries(list: unknown[], now: number | undefined, said: string[]): HarJudgement {
  const batch = readBatch(list, 0);
  if (list.length > 0 && batch.read.length === 0) return { error: `none of the ${list.length} entries is a request: ${batch.problems.slice(0, 3).join('; ')}${batch.problems.length > 3 ? '; …' : ''}` };
  const fold = foldRead(startHarFold(), batch, now);
  const notes = harFoldNotes(fold, said);
  return { items: fold.items, ...(notes ? { notes } : {}) };
}

/**
 * What a fold read otherwise than written, as a reader is told it: skipped entries first, then
 * the notes, counted beyond NOTES_SHOWN; `said` (of the file as a whole) before all. Undefined
 * when there is nothing to say. Never throws.
 */
export function harFoldNotes(fold: HarFold, said: readonly string[] = []): string[] | undefined {
  const texts = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  const problems = isRecord(fold) ? texts(fold.problems) : [];
  const notes = isRecord(fold) ? texts(fold.notes) : [];
  const entryNotes = [...problems.map((problem) => `${problem}: skipped`), ...notes];
  const shown = entryNotes.length > NOTES_SHOWN ? [...entryNotes.slice(0, NOTES_SHOWN), `…and ${entryNotes.length - NOTES_SHOWN} more`] : entryNotes;
  const all = [...texts(said), ...shown];
  return all.length > 0 ? all : undefined;
}

type Batch = { read: Read[]; notes: string[]; problems: string[] };

function readBatch(list: readonly unknown[], firstIndex: number): Batch {
  const notes: string[] = [];
  const problems: string[] = [];
  const read: Read[] = [];
  // An entry with no readable date keeps its place after the one before it: order by the last date seen.
  let lastMs = Number.NEGATIVE_INFINITY;
  list.forEach((entry, offset) => {
    const index = firstIndex + offset;
    const result = readHarEntry(entry, index);
    if ('problem' in result) {
      problems.push(result.problem);
      return;
    }
    notes.push(...result.notes);
    if (result.exchange.startedMs !== undefined) lastMs = result.exchange.startedMs;
    read.push({ index, exchange: result.exchange, order: lastMs });
  });
  // Stable: entries that started at the same millisecond stay in the file's order.
  read.sort((a, b) => a.order - b.order);
  return { read, notes, problems };
}

function foldRead(fold: HarFold, batch: Batch, now: number | undefined): HarFold {
  let state = fold.state;
  const items: JudgedHarItem[] = [];
  const notes = [...batch.notes];
  for (const { index, exchange } of batch.read) {
    const id = String(index);
    let diagnosis: Diagnosis | undefined;
    let error: ErrorEntry | undefined;
    for (const event of eventsOf(exchange, id)) {
      const step = judgeTraffic(state, event);
      state = step.state;
      for (const entry of step.entries) {
        const at = exchange.answeredAt ?? (now !== undefined ? new Date(now).toISOString() : undefined);
        diagnosis = explainExchange(entry.exchange, entry.history, at !== undefined ? { at } : {}) ?? undefined;
        error = entry;
      }
    }
    // Fiddler leaves out a body over its size limit, Chrome's "without content" export all of them:
    // judged as empty, which a reader should know.
    const answer = exchange.answer;
    if (diagnosis && answer && answer.status > 0 && answer.location === undefined && answer.body === undefined) {
      notes.push(`entry ${index}'s response body is not in the file (saved without content, or not text): its diagnosis rests on the status and headers alone`);
    }
    // A HAR entry is whole: its redirect's target is an entry of its own, and one saved unanswered gets no answer later.
    if (Object.hasOwn(state.pending, id)) {
      const { [id]: _done, ...pending } = state.pending;
      state = { ...state, pending };
    }
    items.push({ entryIndex: index, kind: harKind(exchange), ...(diagnosis ? { diagnosis } : {}), ...(error ? { error } : {}) });
  }
  return { state, items: [...fold.items, ...items], notes: [...fold.notes, ...notes], problems: [...fold.problems, ...batch.problems] };
}

/** What a source watching the exchange live would have said of it, one event at a time. */
function eventsOf(exchange: HarExchange, id: string): TrafficEvent[] {
  const { at, answer } = exchange;
  const request: TrafficEvent = { kind: 'request', id, at, method: exchange.method, url: exchange.url, headers: exchange.headers, ...(exchange.body !== undefined ? { body: exchange.body } : {}) };
  if (!answer) return [request];
  if (answer.status === 0) return [request, { kind: 'failure', id, error: answer.error ?? 'no answer' }];
  if (answer.location !== undefined) return [request, { kind: 'redirect', id, at: exchange.answeredAt ?? at, status: answer.status, headers: answer.headers, location: answer.location }];
  return [request, { kind: 'response', id, status: answer.status, headers: answer.headers, body: answer.body ?? '' }];
}
