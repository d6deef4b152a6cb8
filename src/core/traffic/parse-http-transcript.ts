import type { HttpExchange, HttpRequest, HttpResponse } from './http-exchange';
import { readCurlCommand } from './curl-command';
import { headerRecord } from './header-record';
import { parseUrl } from '../lib/parse-url';
import { shorten } from '../lib/shorten';

/**
 * Reads the exchange a developer pastes: `curl -i` or `curl -v` output (a leading `$ curl …`
 * command included), a raw request followed by its response, headers copied from devtools, or a
 * body with its status typed beside it. Of several responses (100 Continue, redirects followed
 * with -L) it keeps the last final one.
 *
 * When there is no status to be found, neither written nor told by the body, it says what to
 * paste instead. Never throws. Every regex is linear, so a huge paste costs only its length.
 */
export function parseHttpTranscript(text: string): TranscriptReading {
  if (typeof text !== 'string') return { ok: false, problem: 'Nothing to read: the paste is not text.' };
  try {
    return { ok: true, exchange: readTranscript(text) };
  } catch (error) {
    // Only Unreadable is thrown on purpose; anything else would be a defect of this reader, and
    // the person still gets a sentence instead of a broken view.
    return { ok: false, problem: error instanceof Unreadable ? error.message : 'This paste could not be read as an HTTP exchange.' };
  }
}

export type TranscriptReading = { ok: true; exchange: HttpExchange } | { ok: false; problem: string };

/** Thrown inside this reader where a paste cannot be read, and turned into its `problem`. */
class Unreadable extends Error {}

function readTranscript(text: string): HttpExchange {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') {
    throw new Unreadable('Nothing to read: the paste is empty. Paste the output of curl -i (or curl -v), or type the status above the body.');
  }
  const command = readCurlCommand(normalised);
  const rest = command ? normalised.slice(command.end) : normalised;
  if (command && rest.trim() === '') {
    throw new Unreadable('This is only a curl command, without its output: run it with -i (or -v) and paste the command together with what it prints.');
  }
  const lines = dedent(rest.split('\n'));
  const verbose = rest.includes('< HTTP/') && lines.some((line) => VERBOSE_STATUS.test(line));
  // Start lines all hold "HTTP/": without it, only the headerless reading can apply.
  const transcript = verbose ? readVerbose(lines) : rest.includes('HTTP/') ? readPlain(lines) : { requests: [], responses: [] };
  const { requests, responses } = transcript;

  if (responses.length === 0) {
    const sent = requests[0] ?? (rest.includes('HTTP/') ? verboseRequestLine(lines) : undefined);
    if (sent) {
      throw new Unreadable(
        `Found the request (${sent.method ?? ''} ${shorten(sent.target ?? '', 60)}) but no response after it: paste the response too, starting with its status line (e.g. HTTP/1.1 400 Bad Request).`,
      );
    }
    return readHeaderless(lines, command?.request);
  }

  const index = lastFinalResponse(responses);
  const chosen = responses[index]!;
  const response: HttpResponse = { status: chosen.status, headers: headerRecord(chosen.headers), body: chosen.body };
  const sent = chosen.request >= 0 ? requests[chosen.request] : undefined;
  const before = responses.slice(0, index);
  const redirected = before.some((earlier) => earlier.status >= 300 && earlier.status <= 399);
  const request = sent ? fromMessage(sent, command?.request, redirected) : followRedirects(command?.request, before);
  return request ? { request, response } : { response };
}

// ---- Lines and fields

// "HTTP/1.1 400 Bad Request", "HTTP/2 401 " (curl prints HTTP/2 without a reason phrase).
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?![^ \t])/;
const REQUEST_LINE = /^([A-Z][A-Z_-]*)[ \t]+(\S+)[ \t]+HTTP\/\d(?:\.\d)?[ \t]*$/;
const VERBOSE_STATUS = /^[ \t]*< HTTP\/\d(?:\.\d)?[ \t]+\d{3}/;
// RFC 9110 §5.6.2 token, then a colon; "https://…" is a URL, not a header named https.
const HEADER = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:(?!\/\/)/;
// HTTP/2 pseudo-headers as devtools shows them (":status: 401"), and Chrome's "General" section.
const PSEUDO = /^:[a-z]+:/;
const GENERAL = /^(?:request url|request method|status code|remote address|referrer policy):/i;
const TITLE = /^(?:general|request headers|response headers|response body|response|request)(?:[ \t]*\(\d+\))?:?$/i;

// Headers as written, in order; pseudo-headers and devtools' fields are kept apart, by lower-case name.
// Plain arrays, not Maps: a paste of thousands of short messages must stay cheap.
type Field = [name: string, value: string];
type Message = { headers: Field[]; pseudo: Field[]; body: string };
type RequestMessage = Message & { method?: string; target?: string; tls?: boolean; connected?: { host: string; port: string } };
type ResponseMessage = Message & { status: number; request: number };
type Transcript = { requests: RequestMessage[]; responses: ResponseMessage[] };

const isField = (line: string) => HEADER.test(line) || PSEUDO.test(line) || GENERAL.test(line);

function addField(into: Message, line: string) {
  const colon = line.indexOf(':', line.startsWith(':') ? 1 : 0);
  const name = line.slice(0, colon);
  const value = line.slice(colon + 1).trim();
  if (name.startsWith(':') || (name.includes(' ') && GENERAL.test(line))) into.pseudo.push([name.toLowerCase(), value]);
  else into.headers.push([name, value]);
}


function header(fields: Field[], name: string): string | undefined {
  const values = fields.filter(([field]) => field.toLowerCase() === name).map(([, value]) => value);
  return values.length > 0 ? values.join(', ') : undefined;
}

const pseudo = (message: Message, name: string) => message.pseudo.find(([field]) => field === name)?.[1];
const hasPseudo = (message: Message, names: string[]) => message.pseudo.some(([field]) => names.includes(field));

/** Header lines from `start` up to a blank line (consumed) or the first line that is not one (the body, when the blank line was lost). */
function readFields(lines: string[], start: number, into: Message): number {
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') return i + 1;
    if (!isField(line)) return i;
    addField(into, line);
  }
  return i;
}

// A paste indented as a whole (from a chat or a Markdown list) keeps its shape relative to the least indented line.
function dedent(lines: string[]): string[] {
  let indent = Infinity;
  for (const line of lines) {
    const spaces = leadingSpaces(line);
    if (spaces === line.length) continue;
    indent = Math.min(indent, spaces);
    if (indent === 0) return lines;
  }
  return indent === Infinity ? lines : lines.map((line) => line.slice(indent));
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

// curl's progress meter, printed to stderr and pasted along when 2>&1 mixed it in.
function isProgress(raw: string): boolean {
  const first = raw[leadingSpaces(raw)];
  if (first !== '%' && first !== 'D' && !(first! >= '0' && first! <= '9')) return false;
  const line = raw.trim();
  if (line.startsWith('% Total') || /^Dload[ \t]+Upload/.test(line)) return true;
  return /^\d{1,3}[ \t]+[\d.]+[kMGTP]?[ \t]+\d{1,3}[ \t]+[\d.]+[kMGTP]?[ \t]/.test(line) && /--:--:--|\d:\d\d:\d\d/.test(line);
}

function joinBody(lines: string[], from = 0, to = lines.length): string {
  if (from >= to) return '';
  let kept = lines.slice(from, to);
  if (kept.some(isProgress)) kept = kept.filter((line) => !isProgress(line));
  let start = 0;
  while (start < kept.length && kept[start]!.trim() === '') start++;
  const body = kept.slice(start).join('\n').trimEnd();
  // zsh marks output that lacks a final newline with a "%" that the copy picks up: {"error":"invalid_grant"}%
  const head = body.slice(0, 1);
  if (body.endsWith('%') && (((head === '{' || head === '[') && /[}\]]%$/.test(body)) || FORM.test(body))) return body.slice(0, -1);
  return body;
}

// ---- curl -i, raw request and response

// Both kinds of start line hold "HTTP/"; looking for it first keeps the regexes off most lines.
function isStart(raw: string): boolean {
  if (!raw.includes('HTTP/')) return false;
  const line = raw.trim();
  return STATUS_LINE.test(line) || REQUEST_LINE.test(line);
}

function readPlain(lines: string[]): Transcript {
  const transcript: Transcript = { requests: [], responses: [] };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!.includes('HTTP/') ? lines[i]!.trim() : '';
    const status = STATUS_LINE.exec(line);
    const requestLine = status ? null : REQUEST_LINE.exec(line);
    if (!status && !requestLine) {
      i++;
      continue;
    }
    const fields: Message = { headers: [], pseudo: [], body: '' };
    i = readFields(lines, i + 1, fields);
    let end = i;
    while (end < lines.length && !isStart(lines[end]!)) end++;
    const { headers, pseudo } = fields;
    const body = joinBody(lines, i, end);
    i = end;
    if (status) transcript.responses.push({ headers, pseudo, body, status: Number(status[1]), request: transcript.requests.length - 1 });
    else transcript.requests.push({ headers, pseudo, body, method: requestLine![1]!, target: requestLine![2]! });
  }
  return transcript;
}

function lastFinalResponse(responses: ResponseMessage[]): number {
  for (let i = responses.length - 1; i >= 0; i--) {
    const status = responses[i]!.status;
    if (status < 100 || status >= 200) return i;
  }
  return responses.length - 1;
}

// ---- curl -v

const DATA_NOTE = /^[{}] \[\d+ bytes data\]$/;
const CONNECTED = /^\*[ \t]+Connected to (\S+) \([^)]*\) port (\d+)/;
const TLS_HINT = /SSL|TLS|ALPN|schannel|certificate|\[:scheme: https\]/i;

function readVerbose(lines: string[]): Transcript {
  const transcript: Transcript = { requests: [], responses: [] };
  const bodies: string[][] = [];
  let body: string[] = [];
  let tls = false;
  let connected: { host: string; port: string } | undefined;
  let state: 'none' | 'request' | 'response' | 'body' = 'none';
  for (const raw of lines) {
    const line = raw[0] === ' ' || raw[0] === '\t' ? raw.trimStart() : raw;
    const first = line[0];
    if (first === '*' && /^\*(?:[ \t]|$)/.test(line)) {
      const connection = CONNECTED.exec(line);
      if (connection) [connected, tls] = [{ host: connection[1]!, port: connection[2]! }, false];
      else if (TLS_HINT.test(line)) tls = true;
      continue;
    }
    if ((first === '{' || first === '}') && DATA_NOTE.test(line)) continue;
    const marker = first;
    if ((marker === '>' || marker === '<') && (line.length === 1 || line[1] === ' ' || line[1] === '\t')) {
      const content = line.slice(1).trim();
      if (marker === '>') {
        const requestLine = REQUEST_LINE.exec(content);
        if (requestLine) {
          transcript.requests.push({ headers: [], pseudo: [], body: '', method: requestLine[1]!, target: requestLine[2]!, tls, connected });
          state = 'request';
        } else if (content === '') state = 'none';
        else if (state === 'request' && isField(content)) addField(transcript.requests.at(-1)!, content);
        continue;
      }
      const status = STATUS_LINE.exec(content);
      if (status) {
        transcript.responses.push({ headers: [], pseudo: [], body: '', status: Number(status[1]), request: transcript.requests.length - 1 });
        bodies.push((body = []));
        state = 'response';
      } else if (content === '') {
        if (state === 'response') state = 'body';
      } else if (state === 'response' && isField(content)) addField(transcript.responses.at(-1)!, content);
      continue;
    }
    // The body goes to stdout unprefixed, after the headers it answers.
    if (state === 'response' || state === 'body') {
      state = 'body';
      body.push(raw);
    }
  }
  transcript.responses.forEach((response, i) => {
    const body = bodies[i]!;
    const first = body.find((line) => line.trim() !== '');
    // curl -vi prints the headers twice: on stderr with "<", and again on stdout before the body.
    const again = first !== undefined && STATUS_LINE.test(first.trim()) ? readPlain(body).responses.at(-1) : undefined;
    response.body = again ? again.body : joinBody(body);
  });
  return transcript;
}

function verboseRequestLine(lines: string[]): { method: string; target: string } | undefined {
  for (const line of lines) {
    const requestLine = line.includes('HTTP/') ? /^[ \t]*>[ \t]+(.*)$/.exec(line) : null;
    const parsed = requestLine ? REQUEST_LINE.exec(requestLine[1]!.trim()) : null;
    if (parsed) return { method: parsed[1]!, target: parsed[2]! };
  }
  return undefined;
}

// ---- No status line: devtools headers, or a body with its status typed beside it

// "401", "400 Bad Request {…}", "HTTP 401", "Status: 429", "status code 401".
const BARE_STATUS = /^(?:(?:HTTP(?:[ _-]?status(?:[ _-]?code)?)?|:?status(?:[ _-]?code)?)[ \t]*[:=]?[ \t]*)?(\d{3})(?!\S)[ \t]*([\s\S]*)$/i;
const STATUS_FIELDS = [':status', 'status code'];
const WELL_KNOWN = /^(?:content-type|content-length|date|server|cache-control|www-authenticate|set-cookie|retry-after|location|vary|pragma|expires|access-control-[a-z-]+|x-[a-z0-9-]+)$/;
const REQUEST_FIELDS = [':method', ':path', ':authority', 'request method', 'request url'];

function readHeaderless(lines: string[], command: HttpRequest | undefined): HttpExchange {
  let i = 0;
  const skip = () => {
    while (i < lines.length && (lines[i]!.trim() === '' || TITLE.test(lines[i]!.trim()))) i++;
  };
  skip();
  let status: number | undefined;
  let inline: string[] = [];
  const bare = i < lines.length ? BARE_STATUS.exec(lines[i]!.trim()) : null;
  if (bare) {
    status = Number(bare[1]);
    const body = bodyAfterReason(bare[2]!);
    if (body !== '') inline = [body];
    i++;
  }
  const response: Message = { headers: [], pseudo: [], body: '' };
  const request: RequestMessage = { headers: [], pseudo: [], body: '' };
  // Devtools copies hold at most a few blocks (General, request headers, response headers).
  for (let blocks = 0; blocks < 4 && inline.length === 0; blocks++) {
    skip();
    if (i >= lines.length || !isField(lines[i]!.trim())) break;
    const block: Message = { headers: [], pseudo: [], body: '' };
    const next = readFields(lines, i, block);
    const statusField = STATUS_FIELDS.map((name) => pseudo(block, name)).find((value) => value !== undefined) ?? header(block.headers, 'status');
    const asksRequest = hasPseudo(block, REQUEST_FIELDS);
    // After the first block, a block is headers only with devtools' own fields or a header every
    // response has, and no other line: "Error: invalid code" after a blank line is a body.
    const wellKnown = block.headers.some(([name]) => WELL_KNOWN.test(name.toLowerCase()));
    if (blocks > 0 && statusField === undefined && !asksRequest && !(wellKnown && (next >= lines.length || lines[next - 1]!.trim() === ''))) break;
    if (statusField !== undefined && /^\d{3}(?!\d)/.test(statusField)) {
      status = Number(statusField.slice(0, 3));
      block.headers = block.headers.filter(([name]) => name.toLowerCase() !== 'status');
    }
    // A block with :method and no status is the request's (devtools' request headers); the
    // request fields of Chrome's General section go to the request wherever they are.
    const requestBlock = statusField === undefined && asksRequest;
    // A loop, not push(...headers): a paste of a hundred thousand header lines would overflow the stack.
    for (const field of block.headers) (requestBlock ? request : response).headers.push(field);
    for (const field of block.pseudo) (REQUEST_FIELDS.includes(field[0]) || field[0] === ':scheme' ? request : response).pseudo.push(field);
    i = next;
  }
  const body = joinBody(inline.concat(lines.slice(i)));
  status ??= statusFromBody(body);
  if (status === undefined) throw new Unreadable(noStatusMessage(body));

  const sent = hasPseudo(request, REQUEST_FIELDS) ? fromMessage(request, command, false) : command;
  const result: HttpResponse = { status, headers: headerRecord(response.headers), body };
  return sent ? { request: sent, response: result } : { response: result };
}

// "Bad Request {"error":…}": the body can start on the status line, after the reason phrase.
function bodyAfterReason(rest: string): string {
  const brace = rest.search(/[{[<]/);
  const form = /(?:^|[ \t])[^ \t=]+=/.exec(rest);
  const formStart = form ? form.index + (/^[ \t]/.test(form[0]) ? 1 : 0) : -1;
  const starts = [brace, formStart].filter((index) => index >= 0);
  return starts.length === 0 ? '' : rest.slice(Math.min(...starts));
}

function noStatusMessage(body: string): string {
  const text = body.trim();
  const kind = /^[{[]/.test(text) ? 'a JSON body' : /^</.test(text) ? 'an HTML body' : FORM.test(text) ? 'a form-encoded body' : undefined;
  return kind
    ? `Could not find an HTTP status: the paste has ${kind} but no status line, and the body does not tell. Paste the output of curl -i (or curl -v), or type the status above the body (e.g. 401 on the first line).`
    : 'Could not find an HTTP status in the paste: paste the output of curl -i (or curl -v), or type the status above the body (e.g. 401 on the first line).';
}

// ---- The status a body implies

const FORM = /^[^\s{}<>=&]+=[^\s]*$/;
// Fields only a successful OAuth or OpenID Connect answer carries: token, device authorization,
// discovery, JWKS, userinfo and introspection (RFC 6749 §5.1, RFC 8628 §3.2, OIDC Discovery, RFC 7517, RFC 7662).
const SUCCESS_FIELDS = ['access_token', 'id_token', 'refresh_token', 'device_code', 'issuer', 'keys', 'sub', 'active'];
const REASONS: Record<string, number> = {
  'bad request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not found': 404,
  'method not allowed': 405,
  'too many requests': 429,
  'internal server error': 500,
  'service unavailable': 503,
};

/**
 * With no status in the paste, only a body that tells its outcome gets one; anything else makes
 * parseHttpTranscript say what to paste instead, since a guessed status would mislead the explanation more than a
 * request to paste the status line. A body tells its outcome by:
 * - a status field of its own (`status`, `statusCode`, `status_code`, Google's `error.code`);
 * - an OAuth `error`: the status the specs prescribe for that code, 400 in general
 *   (RFC 6749 §5.2, RFC 8628 §3.5), 401 for invalid_client (RFC 6749 §5.2: MUST when the
 *   client authenticated with the Authorization header, the usual case) and invalid_token,
 *   403 for insufficient_scope (RFC 6750 §3.1). The explanation rests on the error code, so
 *   a guess that is off (GitHub sends its errors with 200) changes little;
 * - a field only success carries (an access_token, an issuer…): 200.
 */
function statusFromBody(body: string): number | undefined {
  const text = body.trim();
  let fields: Record<string, unknown> | undefined;
  if (/^[{[]/.test(text)) {
    try {
      const json: unknown = JSON.parse(text);
      if (typeof json === 'object' && json !== null && !Array.isArray(json)) fields = json as Record<string, unknown>;
    } catch {
      return undefined;
    }
  } else if (FORM.test(text)) {
    fields = Object.fromEntries(formPairs(text));
  }
  if (!fields) return undefined;
  for (const name of ['status', 'statusCode', 'status_code']) {
    const status = httpStatus(own(fields, name));
    if (status !== undefined) return status;
  }
  const error = own(fields, 'error');
  if (typeof error === 'object' && error !== null) {
    const status = httpStatus(own(error as Record<string, unknown>, 'code'));
    if (status !== undefined) return status;
  }
  if (typeof error === 'string') return statusForError(error);
  return SUCCESS_FIELDS.some((name) => Object.hasOwn(fields, name)) ? 200 : undefined;
}

function own(object: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

function formPairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  new URLSearchParams(text).forEach((value, name) => pairs.push([name, value]));
  return pairs;
}

function httpStatus(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 100 && number <= 599 ? number : undefined;
}

function statusForError(error: string): number {
  const code = error.trim().toLowerCase();
  if (code === 'invalid_client' || code === 'invalid_token') return 401;
  if (code === 'insufficient_scope') return 403;
  return REASONS[code] ?? 400;
}

// ---- The request

function fromMessage(message: RequestMessage, command: HttpRequest | undefined, redirected: boolean): HttpRequest {
  const method = pseudo(message, ':method') ?? pseudo(message, 'request method') ?? message.method ?? command?.method ?? 'GET';
  const request: HttpRequest = { method, url: requestUrl(message, command) };
  if (message.headers.length > 0) request.headers = headerRecord(message.headers);
  // curl -v does not print the body it sends ("} [43 bytes data]"); the command line has it.
  const body = message.body !== '' ? message.body : !redirected && command !== undefined && command.method === method ? command.body : undefined;
  if (body !== undefined) request.body = body;
  return request;
}

function requestUrl(message: RequestMessage, command: HttpRequest | undefined): string {
  const written = pseudo(message, 'request url');
  if (written) return written;
  const target = pseudo(message, ':path') ?? message.target ?? '';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target) || message.method === 'CONNECT') return target;
  const commandUrl = parseUrl(command?.url);
  const connected = message.connected;
  let host = header(message.headers, 'host') ?? pseudo(message, ':authority');
  let scheme = pseudo(message, ':scheme');
  if (!scheme) {
    const port = /:(\d+)$/.exec(host ?? '')?.[1] ?? connected?.port;
    const sameHost = commandUrl !== undefined && host !== undefined && commandUrl.host.toLowerCase() === host.toLowerCase();
    if (message.tls !== undefined) {
      // curl -v shows the TLS handshake; without one, the connection was plain HTTP.
      scheme = message.tls || port === '443' ? 'https' : sameHost ? commandUrl.protocol.slice(0, -1) : 'http';
    } else if (sameHost) {
      scheme = commandUrl.protocol.slice(0, -1);
    } else {
      // A raw request does not say. RFC 6749 §3.2 requires TLS at the token endpoint, so https
      // is the likely answer, except on port 80 or on this machine.
      const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
      scheme = port === '80' || name === 'localhost' || name === '[::1]' || name.startsWith('127.') ? 'http' : 'https';
    }
  }
  if (!host && connected) host = ['80', '443'].includes(connected.port) ? connected.host : `${connected.host}:${connected.port}`;
  if (!host) return commandUrl ? `${commandUrl.protocol}//${commandUrl.host}${target}` : target;
  return `${scheme}://${host}${target}`;
}

// curl -i -L shows each redirect's headers but not the request it then made: follow the Locations.
function followRedirects(command: HttpRequest | undefined, before: ResponseMessage[]): HttpRequest | undefined {
  if (!command) return undefined;
  let { method, url, headers, body } = command;
  for (const response of before) {
    const location = header(response.headers, 'location');
    const next = response.status >= 300 && response.status <= 399 && location !== undefined ? parseUrl(location, url) : undefined;
    if (!next) continue;
    // curl turns a POST into a GET after 301, 302 and 303 (RFC 9110 §15.4), and drops
    // credentials when the host changes.
    if ((response.status === 303 && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    if (headers && parseUrl(url)?.host !== next.host) {
      const kept = Object.entries(headers).filter(([name]) => !/^(authorization|cookie)$/i.test(name));
      headers = kept.length > 0 ? Object.fromEntries(kept) : undefined;
    }
    url = next.href;
  }
  const request: HttpRequest = { method, url };
  if (headers) request.headers = headers;
  if (body !== undefined) request.body = body;
  return request;
}
