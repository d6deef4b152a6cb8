import { isRecord } from '../lib/is-record';

/** What a file's text holds: its JSON value (with what was read otherwise than written), or what is wrong with it. */
export type HarText = { value: unknown; notes: string[] } | { error: string };

/**
 * Reads the text of a file given as a HAR. What JSON.parse refuses is named by what it is, so the
 * user knows what to do: a session file of a proxy (binary, a ZIP archive) instead of its HAR
 * export, a compressed HAR, a page saved instead, a file cut short (a large export stopped or a
 * download interrupted; the entries before the cut are read), JSON Lines. Never quotes the text:
 * it may hold a secret. Never throws.
 */
export function readHarText(text: string): HarText {
  // Fiddler and Windows tools may write a byte order mark.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { error: 'the file is empty' };
  try {
    return { value: JSON.parse(body), notes: [] };
  } catch (error) {
    return binaryKind(body) ?? markup(body) ?? jsonLines(body) ?? cutShort(body) ?? { error: `not JSON: ${jsonProblem(error, body)}` };
  }
}

const EXPORT_AS_HAR = 'open it in the tool that saved it and export the traffic as HTTP Archive (.har)';

/**
 * A binary file, by its first bytes. A file read as text (File.text()) has each byte that is no
 * UTF-8 turned into U+FFFD, so gzip's 1F 8B arrives as 1F FFFD.
 */
function binaryKind(text: string): { error: string } | undefined {
  if (/^PK\u0003\u0004|^PK\u0005\u0006/.test(text)) {
    return {
      error: `not a HAR file: it is a ZIP archive. Fiddler saves its sessions as .saz, a ZIP: in Fiddler use File › Export Sessions › All Sessions… and choose HTTPArchive v1.2. A HAR that was zipped must be unzipped first`,
    };
  }
  if (/^\u001F[\u008B\uFFFD]/.test(text)) return { error: 'not a HAR file: it is gzip-compressed (a .har.gz?): decompress it first' };
  // FF FE or FE FF read as UTF-8 is two U+FFFD; then each ASCII character comes with a zero byte.
  if (/^(?:\uFFFD\uFFFD|\uFEFF)?(?:[\t\n\r -~]\u0000|\u0000[\t\n\r -~]){2}/.test(text)) {
    return { error: 'not a HAR file as it is saved: it is UTF-16 text, and a HAR file is UTF-8 (HAR 1.2). Save it again as UTF-8 (Windows PowerShell 5 writes UTF-16 when its output is redirected to a file)' };
  }
  // JSON text holds no control character but its whitespace; a U+FFFD among the first bytes is a
  // magic number that is no UTF-8 (a Java serialisation's AC ED).
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 1024)) || text.slice(0, 16).includes('\uFFFD')) {
    return {
      error: `not a HAR file: it is binary, not JSON text. A proxy's own session file is (a Charles .chls, a Proxyman or Fiddler Everywhere session): ${EXPORT_AS_HAR} (in Charles: File › Export Session…, then HTTP Archive)`,
    };
  }
  return undefined;
}

function markup(text: string): { error: string } | undefined {
  if (!/^\s*</.test(text)) return undefined;
  return { error: `not a HAR file: it is XML or HTML, not JSON (a web page saved in its place, or a session in another format?): ${EXPORT_AS_HAR}` };
}

/** One JSON value a line. HAR entries written so are read, with a note; anything else is named. */
function jsonLines(text: string): HarText | undefined {
  const values: unknown[] = [];
  // Line by line, so that a pretty-printed file (its first line a lone "{") is let go at once.
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length : end + 1;
    if (line.trim() === '') continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      return undefined;
    }
  }
  if (values.length < 2) return undefined;
  if (values.every((value) => isRecord(value) && isRecord(value.request))) {
    return { value: { log: { entries: values } }, notes: [`the file is JSON Lines, one entry a line, not one HAR object: its ${values.length} lines were read as the entries`] };
  }
  return { error: `not a HAR file: it is JSON Lines (${values.length} JSON values, one a line), not one JSON object {"log": {"entries": [...]}}` };
}

/**
 * A text whose brackets or last string are left open at its end: cut short. The entries complete
 * before the cut are read (a 50 MB export stopped half-way still holds what matters, often).
 * A text with a syntax error elsewhere is left to JSON.parse's words.
 */
function cutShort(text: string): HarText | undefined {
  const scan = scanJson(text);
  if (scan.endsAt !== undefined) {
    return { error: `not JSON: the text goes on after its JSON value ends (at line ${scan.endsAt.line}): two files joined, or something written after the HAR?` };
  }
  if (!scan.open) return undefined;
  const where = `it stops inside ${scan.inString ? 'a string' : scan.stack.at(-1) === '[' ? 'an unfinished array' : 'an unfinished object'}, at line ${scan.lines}, ${text.length} characters in`;
  const advice = 'the export, download or copy did not finish: export the HAR again';
  if (scan.lastEntry) {
    const closing = scan.lastEntry.stack.map((open) => (open === '{' ? '}' : ']')).reverse().join('');
    try {
      const value: unknown = JSON.parse(text.slice(0, scan.lastEntry.end) + closing);
      return { value, notes: [`the file is cut short (${where}): the ${scan.lastEntry.count} entries before the cut were read, the rest is lost; ${advice}`] };
    } catch {
      // Something before the cut is no JSON either: JSON.parse's words say where.
      return undefined;
    }
  }
  return { error: `the file is cut short: ${where}, before any entry is complete. ${advice[0]!.toUpperCase()}${advice.slice(1)}` };
}

type Scan = {
  open: boolean;
  inString: boolean;
  /** The brackets still open at the end, outermost first. */
  stack: string[];
  lines: number;
  /** Where the last complete element of log.entries (or of a top-level entries) ends, what is open there, and how many came before. */
  lastEntry?: { end: number; stack: string[]; count: number };
  /** The top-level value closed here, and more than whitespace follows. */
  endsAt?: { line: number };
};

/** Brackets and strings only: JSON's other syntax is JSON.parse's to judge. */
function scanJson(text: string): Scan {
  const stack: string[] = [];
  let lines = 1;
  let entriesDepth = -1;
  let lastEntry: Scan['lastEntry'];
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) lines++;
    else if (c === 0x22) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
        else if (d === 0x0a) lines++;
      }
      if (i >= text.length) return { open: true, inString: true, stack, lines, ...(lastEntry ? { lastEntry } : {}) };
      // "entries": [ in the log (depth 2) or in a log given bare (depth 1): its elements are counted.
      if (entriesDepth < 0 && stack.length <= 2 && stack.at(-1) === '{' && text.startsWith('entries"', start + 1) && /^\s*:\s*\[/.test(text.slice(i + 1, i + 64))) {
        entriesDepth = stack.length + 1;
      }
    } else if (c === 0x7b || c === 0x5b) stack.push(c === 0x7b ? '{' : '[');
    else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      if (stack.length === 0 && text.slice(i + 1).trim() !== '') return { open: false, inString: false, stack, lines, endsAt: { line: lines } };
      if (entriesDepth > 0 && stack.length === entriesDepth && c === 0x7d) {
        count++;
        lastEntry = { end: i + 1, stack: [...stack], count };
      } else if (stack.length < entriesDepth) entriesDepth = 0;
    }
  }
  return { open: stack.length > 0, inString: false, stack, lines, ...(lastEntry ? { lastEntry } : {}) };
}

/**
 * JSON.parse's own words without the text it quotes (V8 quotes the input, which may hold a
 * secret), with the line and column of the position it names.
 */
function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : 'unreadable';
  // V8: `Unexpected token 'P', "PK\u0003…"... is not valid JSON` and `…, "{"a": x}" is not valid JSON`.
  const said = message.replace(/,\s*".*"(?:\.\.\.)? is not valid JSON$/s, ' is not valid JSON').replace(/\s*\(line \d+ column \d+\)$/, '');
  const position = /at position (\d+)/.exec(said);
  if (!position) return said;
  const at = Number(position[1]);
  const before = text.slice(0, at);
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  return `${said} (line ${line}, column ${at - before.lastIndexOf('\n')})`;
}
