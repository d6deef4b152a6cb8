import { encodeBase64, utf8 } from '../lib/base64';
import type { HttpRequest } from './http-exchange';
import { percentEncode } from '../lib/percent-encode';

// "$ curl", "% curl" (zsh), "# curl", "user@host:~$ curl", "PS C:\> curl.exe", or just "curl".
const PROMPT = /^(?:PS[ \t]+)?(?:\S*[$%#>][ \t]*)?curl(?:\.exe)?(?=[ \t\n]|$)/;

/** One option of a curl command, by its long name (`-H` is `header`), with its value ('' for a switch) and how it was written. */
export type CurlOption = { name: string; value: string; written: string };

export type CurlCommand = {
  /** The request it sends, as far as the command line tells (a body read from a file with -d @file is unknown). */
  request: HttpRequest | undefined;
  /** Where the command ends in the text. */
  end: number;
  /** Its options in order, as written: where each part of the request came from. */
  options: CurlOption[];
  /** Its words that are no option's value: the URLs. */
  urls: string[];
};

/** The curl command a paste starts with, if it does, and where the command ends. */
export function readCurlCommand(text: string): CurlCommand | undefined {
  const start = text.search(/\S/);
  if (start < 0) return undefined;
  const lineEnd = text.indexOf('\n', start);
  const prompt = PROMPT.exec(text.slice(start, lineEnd < 0 ? text.length : lineEnd));
  if (!prompt) return undefined;
  const { words, end } = shellWords(text, start + prompt[0].length);
  const { options, urls } = curlOptions(words);
  return { request: curlRequest(options, urls), end, options: options.map(([name, value, written]) => ({ name, value, written })), urls };
}

/** POSIX shell words up to the end of the command: an unquoted newline not escaped by a continuation. */
function shellWords(text: string, from: number): { words: string[]; end: number } {
  const words: string[] = [];
  let word: string | undefined;
  let i = from;
  const push = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\n') break;
    if (char === ' ' || char === '\t') {
      push();
      i++;
    } else if ((char === '\\' || char === '^' || char === '`') && /^[ \t]*\n/.test(text.slice(i + 1, i + 40))) {
      // A continuation: "\" in sh (pasted with stray spaces after it), "^" in cmd, "`" in PowerShell.
      i = text.indexOf('\n', i) + 1;
    } else if (char === "'" || char === '"' || (char === '$' && text[i + 1] === "'")) {
      // '…' keeps everything; "…" lets \ escape " \ $ `; bash's $'…' (Chrome's "Copy as cURL" uses
      // it for bodies with special characters) has C escapes.
      const quote = char === '$' ? "'" : char;
      const from = char === '$' ? i + 2 : i + 1;
      const close = closing(text, from, quote, char !== "'");
      const inner = text.slice(from, close);
      word = (word ?? '') + (char === "'" ? inner : char === '"' ? inner.replace(/\\(["\\$`])|\\\n/g, '$1') : ansiC(inner));
      i = text[close] === quote ? close + 1 : close;
    } else if (char === '\\') {
      word = (word ?? '') + (text[i + 1] ?? '');
      i += 2;
    } else {
      word = (word ?? '') + char;
      i++;
    }
  }
  push();
  return { words, end: Math.min(i, text.length) };
}

// The index of the closing quote; an unbalanced quote closes at the end of its line, so the
// output after it is not swallowed.
function closing(text: string, from: number, quote: string, escapes: boolean): number {
  for (let i = from; i < text.length; i++) {
    const char = text[i]!;
    if (char === quote) return i;
    if (char === '\\' && escapes) i++;
  }
  const lineEnd = text.indexOf('\n', from);
  return lineEnd < 0 ? text.length : lineEnd;
}

function ansiC(text: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', e: '\u001b', a: '\u0007', b: '\b', f: '\f', v: '\v', '0': '\0' };
  return text.replace(/\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{4}|.)/g, (all, escape: string) => {
    if (/^[xu]./.test(escape)) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return simple[escape] ?? all;
  });
}

const SHORT_NAMES: Record<string, string> = { X: 'request', H: 'header', d: 'data', u: 'user', A: 'user-agent', e: 'referer', b: 'cookie', I: 'head', G: 'get', F: 'form' };
// Short options that take a value, so that the value is not mistaken for the URL.
const SHORT_WITH_VALUE = new Set('XHduAebFowcmxUEKrTzYyDCtPQ');
const LONG_WITH_VALUE = new Set(
  (
    'request header data data-raw data-binary data-ascii data-urlencode json user oauth2-bearer user-agent referer cookie form form-string url url-query ' +
    'output write-out cookie-jar max-time connect-timeout retry retry-delay retry-max-time proxy proxy-user cacert capath cert cert-type key key-type pass ' +
    'config resolve connect-to interface range upload-file limit-rate max-redirs time-cond proto proto-redir trace trace-ascii stderr dump-header ' +
    'unix-socket abstract-unix-socket local-port speed-limit speed-time tls-max ciphers pinnedpubkey dns-servers doh-url aws-sigv4 request-target variable'
  ).split(' '),
);

function curlOptions(words: string[]): { options: [name: string, value: string, written: string][]; urls: string[] } {
  const options: [name: string, value: string, written: string][] = [];
  const urls: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('--') && word.length > 2) {
      const name = word.slice(2);
      options.push([name, LONG_WITH_VALUE.has(name) ? (words[++i] ?? '') : '', word]);
    } else if (word.startsWith('-') && word.length > 1) {
      // A cluster such as -sSL or -XPOST: the first letter that takes a value takes the rest.
      for (let j = 1; j < word.length; j++) {
        const letter = word[j]!;
        const name = SHORT_NAMES[letter] ?? letter;
        if (SHORT_WITH_VALUE.has(letter)) {
          options.push([name, j + 1 < word.length ? word.slice(j + 1) : (words[++i] ?? ''), `-${letter}`]);
          break;
        }
        options.push([name, '', `-${letter}`]);
      }
    } else {
      urls.push(word);
    }
  }
  return { options, urls };
}

function curlRequest(options: [name: string, value: string, written: string][], urls: string[]): HttpRequest | undefined {
  const headers: [name: string, value: string][] = [];
  const has = (name: string) => headers.some(([field]) => field.toLowerCase() === name);
  const data: string[] = [];
  const query: string[] = [];
  let method: string | undefined;
  let url: string | undefined;
  let user: string | undefined;
  let bearer: string | undefined;
  let sendsData = false;
  let json = false;
  let head = false;
  let get = false;
  for (const [name, value] of options) {
    if (name === 'request') method = value;
    else if (name === 'header') addCommandHeader(headers, value);
    else if (['data', 'data-ascii', 'data-binary', 'json'].includes(name)) {
      sendsData = true;
      json ||= name === 'json';
      // "@file" reads the body from a file this paste does not have.
      if (!value.startsWith('@')) data.push(value);
    } else if (name === 'data-raw' || name === 'data-urlencode') {
      sendsData = true;
      data.push(name === 'data-raw' ? value : urlencodeData(value));
    } else if (name === 'form' || name === 'form-string') sendsData = true;
    else if (name === 'user') user = value;
    else if (name === 'oauth2-bearer') bearer = value;
    else if (name === 'user-agent') headers.push(['User-Agent', value]);
    else if (name === 'referer') headers.push(['Referer', value]);
    else if (name === 'cookie' && value.includes('=')) headers.push(['Cookie', value]);
    else if (name === 'url') url = value;
    else if (name === 'url-query') query.push(value);
    else if (name === 'head') head = true;
    else if (name === 'get') get = true;
  }

  url ??= urls.find((candidate) => candidate.includes('://')) ?? urls[0];
  if (url === undefined) return undefined;
  // curl assumes http:// when the URL has no scheme.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url)) url = `http://${url}`;
  if (get) query.push(data.splice(0).join('&'));
  const search = query.filter((part) => part !== '').join('&');
  if (search !== '') url += (url.includes('?') ? '&' : '?') + search;

  method ??= head ? 'HEAD' : sendsData && !get ? 'POST' : 'GET';
  if (!has('authorization')) {
    if (bearer !== undefined) headers.push(['Authorization', `Bearer ${bearer}`]);
    else if (user?.includes(':')) headers.push(['Authorization', `Basic ${encodeBase64(utf8(user))}`]);
  }
  if (json) {
    if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
    if (!has('accept')) headers.push(['Accept', 'application/json']);
  } else if (data.length > 0 && !has('content-type')) {
    headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  const request: HttpRequest = { method, url };
  if (headers.length > 0) request.headers = toRecord(headers);
  if (data.length > 0) request.body = data.join('&');
  return request;
}

// curl: "Name: value" sets, "Name;" sends it empty, "Name:" removes curl's own, "@file" reads a file.
function addCommandHeader(headers: [string, string][], line: string) {
  const colon = line.indexOf(':');
  if (colon > 0) {
    const value = line.slice(colon + 1).trim();
    if (value !== '') headers.push([line.slice(0, colon).trim(), value]);
  } else if (line.endsWith(';') && line.length > 1) {
    headers.push([line.slice(0, -1).trim(), '']);
  }
}

// --data-urlencode "name=value" encodes the value; "=value" and "value" encode it all.
function urlencodeData(value: string): string {
  const eq = value.indexOf('=');
  const encode = (text: string) => percentEncode(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  if (eq < 0) return encode(value);
  if (eq === 0) return encode(value.slice(1));
  return `${value.slice(0, eq)}=${encode(value.slice(eq + 1))}`;
}

// Repeated headers joined with ", ", under the first spelling; Object.fromEntries keeps "__proto__" a header.
function toRecord(headers: [string, string][]): Record<string, string> {
  const joined = new Map<string, [string, string]>();
  for (const [name, value] of headers) {
    const known = joined.get(name.toLowerCase());
    if (known) known[1] += `, ${value}`;
    else joined.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(joined.values());
}
