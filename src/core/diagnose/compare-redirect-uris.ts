import { nameCodePoint } from '../lib/unicode-names';
import { parseUrl } from '../lib/parse-url';
import { percentDecode } from '../lib/percent-decode';
import { shorten } from '../lib/shorten';

export type RedirectUriPart =
  | 'scheme'
  | 'userinfo'
  | 'host'
  | 'port'
  | 'path'
  | 'trailing_slash'
  | 'query'
  | 'fragment'
  | 'encoding'
  | 'whitespace'
  | 'browser'
  | 'whole';

/** One way the two values differ. `expected` and `actual` are that part as written on each side, '' when absent. */
export type RedirectUriDifference = { part: RedirectUriPart; expected: string; actual: string; note: string };

export type RedirectUriComparison = { equal: boolean; differences: RedirectUriDifference[] };

type Add = (part: RedirectUriPart, expected: string, actual: string, note: string) => void;

/**
 * Explains why a redirect URI sent at the token request (`actual`) does not match the one sent at
 * authorization or registered (`expected`). Never throws.
 *
 * Authorization servers compare redirect URIs as strings, not as URLs: RFC 6749 §3.1.2 and §4.1.3
 * (https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2), RFC 9700 §2.1 "exact string matching"
 * (https://www.rfc-editor.org/rfc/rfc9700#section-2.1), OAuth 2.1 §2.3.1
 * (https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-2.3.1). So `equal` is `===`;
 * the differences say why two strings a developer reads as the same URL are not the same string,
 * which is why each part is compared as written and only then as a URL parser would see it.
 */
export function compareRedirectUris(expected: string, actual: string): RedirectUriComparison {
  if (expected === actual) return { equal: true, differences: [] };
  const differences: RedirectUriDifference[] = [];
  const add: Add = (part, e, a, note) => differences.push({ part, expected: e, actual: a, note });

  const e = clean(expected);
  const a = clean(actual);
  const strays = describeStrays(e, a);
  if (strays) add('whitespace', visible(expected, e), visible(actual, a), strays);
  if (e.text === a.text) return { equal: false, differences };

  const ue = splitUri(e.text);
  const ua = splitUri(a.text);
  if (!ue || !ua) {
    const reasons = [ue ? '' : `the expected value ${whyNotUri(e.text)}`, ua ? '' : `the actual value ${whyNotUri(a.text)}`].filter(Boolean);
    const note = `${capitalise(reasons.join('; '))}. A redirect URI must be an absolute URI (RFC 6749 §3.1.2), so its parts cannot be compared.`;
    return { equal: false, differences: [{ part: 'whole', expected, actual, note }] };
  }

  compareSchemes(ue, ua, add);
  compareUserinfo(ue, ua, add);
  compareHosts(ue, ua, add);
  comparePorts(ue, ua, add);
  comparePaths(ue, ua, add);
  compareQueries(ue.query, ua.query, add);
  compareFragments(ue, ua, add);

  if (differences.length === 0) {
    let i = 0;
    while (i < e.text.length && e.text[i] === a.text[i]) i++;
    add('whole', expected, actual, `The two differ from character ${i + 1}: ${quote(e.text.slice(i, i + 20))} and ${quote(a.text.slice(i, i + 20))}.`);
  }
  return { equal: false, differences };
}

// ---- Whitespace and invisible characters

// Characters with no meaning in a URI that nobody sees: removed before the parts are compared.
const HIDDEN = /[\u0000-\u001F\u007F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
// Spaces that look like an ordinary one: reported, but kept, since "/a b" and "/a%20b" are an encoding question.
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const SPACE_NAMES: Record<string, string> = { ' ': 'U+0020 SPACE', '\t': 'U+0009 TAB', '\n': 'U+000A LINE FEED (a newline)', '\r': 'U+000D CARRIAGE RETURN' };

type Cleaned = { text: string; leading: string; trailing: string; inside: string };

const isEdgeJunk = (char: string) => /\s/.test(char) || HIDDEN.test(char);

function clean(raw: string): Cleaned {
  let start = 0;
  let end = raw.length;
  while (start < end && isEdgeJunk(raw[start]!)) start++;
  while (end > start && isEdgeJunk(raw[end - 1]!)) end--;
  let text = '';
  let inside = '';
  for (let i = start; i < end; i++) {
    const char = raw[i]!;
    if (HIDDEN.test(char)) inside += char;
    else {
      if (ODD_SPACE.test(char)) inside += char;
      text += char;
    }
  }
  return { text, leading: raw.slice(0, start), trailing: raw.slice(end), inside };
}

function describeStrays(e: Cleaned, a: Cleaned): string | undefined {
  const sentences: string[] = [];
  for (const [side, c] of [['expected', e], ['actual', a]] as const) {
    const found: string[] = [];
    if (c.leading) found.push(`starts with ${names(c.leading)}`);
    if (c.trailing) found.push(`ends with ${names(c.trailing)}`);
    if (c.inside) found.push(`has ${names(c.inside)} inside it`);
    if (found.length > 0) sentences.push(`The ${side} value ${found.join(', and ')}.`);
  }
  if (sentences.length === 0) return undefined;
  return `${sentences.join(' ')} They are easy to carry along from a config file, an environment variable or a copied line, and exact comparison counts them: remove them.`;
}

function names(chars: string): string {
  const unique = [...new Set(chars)].slice(0, 4).map((char) => SPACE_NAMES[char] ?? nameCodePoint(char));
  return unique.join(', ');
}

// Shows where the invisible characters are, as JavaScript escapes a developer can read.
function visible(raw: string, c: Cleaned): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    const edge = i < c.leading.length || i >= raw.length - c.trailing.length;
    out += edge || HIDDEN.test(char) || ODD_SPACE.test(char) ? escape(char) : char;
  }
  return out;
}

function escape(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

// ---- Splitting by hand

// The parts as written. URL would lowercase the host, drop a default port, add a "/" path and
// re-encode, erasing the very differences to report; RFC 3986 §3 splits without changing anything.
type Uri = { scheme: string; userinfo?: string; host?: string; port?: string; path: string; query?: string; fragment?: string; url?: URL };

function splitUri(text: string): Uri | undefined {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*(?=:)/.exec(text)?.[0];
  if (scheme === undefined) return undefined;
  let rest = text.slice(scheme.length + 1);
  // "localhost:3000/cb" is a host and port with the scheme left out, not a URI with scheme "localhost".
  if (/^\d/.test(rest)) return undefined;
  const uri: Uri = { scheme, path: '' };
  const hash = rest.indexOf('#');
  if (hash >= 0) [rest, uri.fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  const question = rest.indexOf('?');
  if (question >= 0) [rest, uri.query] = [rest.slice(0, question), rest.slice(question + 1)];
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    let hostPort = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    uri.path = slash < 0 ? '' : rest.slice(slash);
    const at = hostPort.lastIndexOf('@');
    if (at >= 0) [uri.userinfo, hostPort] = [hostPort.slice(0, at), hostPort.slice(at + 1)];
    const close = hostPort.startsWith('[') ? hostPort.indexOf(']') : -1;
    const colon = hostPort.indexOf(':', close + 1);
    [uri.host, uri.port] = colon < 0 ? [hostPort, undefined] : [hostPort.slice(0, colon), hostPort.slice(colon + 1)];
  } else {
    uri.path = rest;
  }
  uri.url = parseUrl(text);
  return uri;
}

function whyNotUri(text: string): string {
  if (text === '') return 'is empty';
  if (/^[/.?#]/.test(text)) return `is a relative reference (${quote(text)}), not an absolute URI`;
  if (/^[^:/?#]+:\d/.test(text)) return `has no scheme: ${quote(text)} reads as a host and a port; write http://${shorten(text, QUOTED_LENGTH)} or https://${shorten(text, QUOTED_LENGTH)}`;
  return `has no scheme such as https: (${quote(text)})`;
}

// ---- The parts

function compareSchemes(e: Uri, a: Uri, add: Add) {
  if (e.scheme === a.scheme) return;
  const pair = [e.scheme.toLowerCase(), a.scheme.toLowerCase()].sort().join(' ');
  let note = `Different schemes: ${e.scheme}: and ${a.scheme}:.`;
  if (e.scheme.toLowerCase() === a.scheme.toLowerCase()) {
    note = `The scheme is written in different case (${e.scheme}: and ${a.scheme}:). URLs treat schemes case-insensitively, but redirect URIs are compared as exact strings: write it in lower case.`;
  } else if (pair === 'http https') {
    note = `One uses http: and the other https:, which makes them different redirect URIs. An app behind a proxy that terminates TLS often builds http:// URLs for itself: configure its public base URL, or have it trust X-Forwarded-Proto.`;
  }
  add('scheme', e.scheme, a.scheme, note);
}

function compareUserinfo(e: Uri, a: Uri, add: Add) {
  if (e.userinfo === a.userinfo) return;
  const note =
    e.userinfo !== undefined && a.userinfo !== undefined
      ? 'The user info before "@" differs.'
      : `The ${e.userinfo !== undefined ? 'expected' : 'actual'} value has user info before the host (${quote(`${e.userinfo ?? a.userinfo}@`)}). A redirect URI should not carry credentials, and browsers may strip or refuse them: remove it.`;
  add('userinfo', e.userinfo ?? '', a.userinfo ?? '', note);
}

// identity.getRedirectURL() is https://<extension id>.chromiumapp.org/ in Chrome (ids use the letters a-p)
// and https://<40 hex digits derived from the add-on id>.extensions.allizom.org/ in Firefox.
function extensionBrowser(host: string): 'Chrome' | 'Firefox' | undefined {
  if (/^[a-p]{32}\.chromiumapp\.org\.?$/i.test(host)) return 'Chrome';
  if (/^[0-9a-f]{40}\.extensions\.allizom\.org\.?$/i.test(host)) return 'Firefox';
  return undefined;
}

function loopback(uri: Uri): string | undefined {
  const host = (uri.url?.hostname ?? uri.host ?? '').toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return host;
  return undefined;
}

function compareHosts(e: Uri, a: Uri, add: Add) {
  if (e.host === undefined || a.host === undefined) {
    if (e.host === a.host) return;
    const side = e.host !== undefined ? 'expected' : 'actual';
    const other = side === 'expected' ? 'actual' : 'expected';
    add('host', e.host ?? '', a.host ?? '', `The ${side} value has "//" and a host after the scheme, the ${other} value has none. After "//" comes a host: in myapp://callback, "callback" is a host, not a path.`);
    return;
  }
  if (e.host === a.host) return;
  const [he, ha] = [e.host.toLowerCase(), a.host.toLowerCase()];
  const [be, ba] = [extensionBrowser(he), extensionBrowser(ha)];
  if (be && ba && be !== ba) {
    add(
      'browser',
      e.host,
      a.host,
      `The expected value is ${be}'s extension redirect URL and the actual one is ${ba}'s: registered for ${be} but used in ${ba}. identity.getRedirectURL() returns a different URL in each browser; register both with the provider.`,
    );
    return;
  }
  let note = `Different hosts: ${e.host} and ${a.host}.`;
  if (be && be === ba && he !== ha) {
    note =
      be === 'Chrome'
        ? 'Both are Chrome extension redirect URLs, for different extension ids. An unpacked extension has its own id unless its manifest has a "key", and the Chrome Web Store build has another: register the URL of the build you run, or pin the id with "key".'
        : 'Both are Firefox extension redirect URLs, for different add-on ids. Firefox derives the host from the add-on id: set browser_specific_settings.gecko.id in the manifest, or a temporarily loaded add-on gets a new id each time.';
  } else if (he === ha) {
    note = 'Hosts compare case-insensitively in URLs, but many providers compare redirect URIs as exact strings. Write the host in lower case, as browsers do.';
  } else if (loopback(e) && loopback(a)) {
    note = `${e.host} and ${a.host} both reach this machine, but they are different hosts to the authorization server, which compares strings. RFC 8252 §7.3 has native apps use a loopback IP literal (127.0.0.1 or [::1]) and §8.3 advises against localhost: register exactly the one your app sends.`;
  } else if (he.replace(/\.$/, '') === ha.replace(/\.$/, '')) {
    note = `${e.host} and ${a.host} name the same host in DNS (a final dot marks a fully qualified name), but they are different strings.`;
  } else if (he.replace(/^www\./, '') === ha.replace(/^www\./, '')) {
    note = `One host has "www." and the other doesn't (${e.host} and ${a.host}): to the authorization server they are different hosts, even if both serve the same site.`;
  } else if (e.url && a.url && e.url.hostname === a.url.hostname) {
    note = `${e.host} and ${a.host} are the same host once a browser converts it (to lower case and punycode, ${e.url.hostname}), but they are different strings: register the form your app sends.`;
  }
  add('host', e.host, a.host, note);
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' };

function comparePorts(e: Uri, a: Uri, add: Add) {
  if (e.port === a.port || e.host === undefined || a.host === undefined) return;
  const sameScheme = e.scheme.toLowerCase() === a.scheme.toLowerCase();
  const defaultPort = sameScheme ? DEFAULT_PORTS[e.scheme.toLowerCase()] : undefined;
  const [pe, pa] = [e.port || undefined, a.port || undefined];
  const digits = (port: string | undefined) => port !== undefined && /^\d+$/.test(port);
  let note = `Different ports: ${pe ?? '(none)'} and ${pa ?? '(none)'}.`;
  let portsDiffer = true;
  if (pe === undefined || pa === undefined) {
    const written = pe ?? pa;
    const side = pe !== undefined ? 'expected' : 'actual';
    if (written === undefined) {
      portsDiffer = false;
      note = `The ${e.port === '' ? 'expected' : 'actual'} value has a colon after the host with no port number. Browsers drop it, but as strings the two differ.`;
    } else if (defaultPort !== undefined && digits(written) && Number(written) === Number(defaultPort)) {
      portsDiffer = false;
      note = `${written} is the default port for ${e.scheme}:, so both reach the same place. But browsers drop a default port (new URL("${e.scheme}://host:${written}/").href has no :${written}), so a redirect URI built by a browser has none, and as strings they differ: register it without the port.`;
    } else {
      note = `The ${side} value names port ${written}, the other none${defaultPort ? ` (so the default, ${defaultPort})` : ''}.`;
    }
  } else if (digits(pe) && digits(pa) && Number(pe) === Number(pa)) {
    portsDiffer = false;
    note = `The same port number written differently (${pe} and ${pa}): as strings they differ.`;
  }
  if (portsDiffer && loopback(e) && loopback(a)) {
    note += ' RFC 8252 §7.3 has authorization servers accept any port on a loopback IP redirect URI (127.0.0.1 or [::1]) for native apps, but many providers want the exact port.';
  }
  add('port', e.port ?? '', a.port ?? '', note);
}

function comparePaths(e: Uri, a: Uri, add: Add) {
  const [pe, pa] = [e.path, a.path];
  if (pe === pa) return;
  if (e.host !== undefined && a.host !== undefined && [pe, pa].sort().join(' ') === ' /') {
    add('trailing_slash', pe, pa, `A browser adds "/" to a URL with no path (https://example.com becomes https://example.com/), so both reach the same place, but as strings they differ: register the form your app sends.`);
    return;
  }
  const slash = pe.endsWith('/') !== pa.endsWith('/');
  const [ce, ca] = slash ? [pe.replace(/\/$/, ''), pa.replace(/\/$/, '')] : [pe, pa];
  const [de, da] = [percentDecode(ce), percentDecode(ca)];
  const kind =
    ce === ca ? 'same' : de === da ? 'encoding' : de.toLowerCase() === da.toLowerCase() ? 'case' : resolvePath(ce) === resolvePath(ca) ? 'resolved' : 'different';
  if (slash && kind !== 'different') {
    const side = pe.endsWith('/') ? 'expected' : 'actual';
    add('trailing_slash', pe, pa, `The ${side} path ends with "/" and the other doesn't. The two may serve the same page, but as strings they differ, and a trailing slash is the most common redirect_uri mismatch.`);
  }
  if (kind === 'encoding') add('encoding', pe, pa, encodingNote('The path', ce, ca));
  else if (kind === 'case') add('path', pe, pa, `The paths differ only in letter case (${pe} and ${pa}). Paths are case-sensitive, and redirect URIs are compared as exact strings.`);
  else if (kind === 'resolved') add('path', pe, pa, `${pe} and ${pa} are the same path once a browser resolves it ("." and ".." segments, backslashes), but as strings they differ.`);
  else if (kind === 'different') add('path', pe, pa, `Different paths: ${pe || '(empty)'} and ${pa || '(empty)'}.`);
}

function resolvePath(path: string): string | undefined {
  return parseUrl(`http://h${path.startsWith('/') ? '' : '/'}${path}`)?.pathname;
}

type Param = { name: string; value: string };

function compareQueries(qe: string | undefined, qa: string | undefined, add: Add) {
  if (qe === qa) return;
  if ((qe ?? '') === (qa ?? '')) {
    add('query', qe ?? '', qa ?? '', `The ${qe === '' ? 'expected' : 'actual'} value ends with an empty query (a lone "?"), the other has none: as strings they differ.`);
    return;
  }
  const [pe, pa] = [params(qe ?? ''), params(qa ?? '')];
  const [me, ma] = [group(pe), group(pa)];
  const findings: string[] = [];
  for (const [name, values] of me) {
    const other = ma.get(name);
    if (!other) findings.push(`${quote(name)} is missing from the actual value`);
    else if (values.join('&') !== other.join('&')) findings.push(`${quote(name)} is ${values.map(quote).join(', ')} in the expected value and ${other.map(quote).join(', ')} in the actual one`);
  }
  for (const name of ma.keys()) if (!me.has(name)) findings.push(`${quote(name)} was added in the actual value`);
  if (findings.length > 0) {
    add('query', qe ?? '', qa ?? '', `The query differs: ${findings.slice(0, 6).join('; ')}. The query is part of the redirect URI: both must carry the same parameters with the same values.`);
    return;
  }
  const sequence = (list: Param[]) => list.map((p) => `${p.name}=${p.value}`).join('&');
  if (sequence(pe) !== sequence(pa)) {
    add('query', qe ?? '', qa ?? '', 'The same parameters in a different order: as strings the two differ. Keep the order of the registered URI.');
  } else if (decodeQuery(qe ?? '') === decodeQuery(qa ?? '')) {
    add('encoding', qe ?? '', qa ?? '', encodingNote('The query', qe ?? '', qa ?? ''));
  } else {
    add('query', qe ?? '', qa ?? '', `The same parameters, written differently (${quote(qe ?? '')} and ${quote(qa ?? '')}): as strings they differ.`);
  }
}

function params(query: string): Param[] {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return { name: decodeQuery(eq < 0 ? pair : pair.slice(0, eq)), value: decodeQuery(eq < 0 ? '' : pair.slice(eq + 1)) };
    });
}

function group(list: Param[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { name, value } of list) map.set(name, [...(map.get(name) ?? []), value]);
  return map;
}

function compareFragments(e: Uri, a: Uri, add: Add) {
  if (e.fragment === a.fragment) return;
  const sides = [e.fragment !== undefined ? 'expected' : '', a.fragment !== undefined ? 'actual' : ''].filter(Boolean);
  const who = sides.length === 2 ? 'Both values have a fragment, and they differ' : `The ${sides[0]} value has a fragment (${quote(`#${e.fragment ?? a.fragment}`)})`;
  add('fragment', e.fragment ?? '', a.fragment ?? '', `${who}. A redirect URI must not contain a fragment (RFC 6749 §3.1.2): remove it from the registered URI and from the requests.`);
}

// ---- Percent-encoding

// In a query, as servers read it, "+" is a space.
const decodeQuery = (text: string) => percentDecode(text, { plusIsSpace: true });

function encodingNote(what: string, e: string, a: string): string {
  const [x, y] = firstSpellingDifference(e, a);
  const pair = [x, y].sort().join(' ');
  const advice = ' Send the redirect URI exactly as registered and as sent at authorization: build it once, and don’t encode it again.';
  const [hx, hy] = [x.slice(0, 3), y.slice(0, 3)];
  if (hx.startsWith('%') && hx !== hy && hx.toLowerCase() === hy.toLowerCase()) {
    return `${what} is percent-encoded with different hex case: ${hx} and ${hy} are the same character (RFC 3986 §6.2.2.1), but not the same string.${advice}`;
  }
  if (pair === '%20 +') return `${what} writes a space as "+" on one side and "%20" on the other: both mean a space in a query, but they are not the same string.${advice}`;
  if (pair.toLowerCase() === '%2f /') return `${what} has an encoded slash (${x.startsWith('%') ? x : y}) where the other has "/": the same after decoding, but not the same string, and many servers route them differently.${advice}`;
  if (x !== '' && y !== '' && decodeQuery(x) === decodeQuery(y)) return `${what} is percent-encoded differently: ${quote(x)} and ${quote(y)} are the same after decoding, but not the same string.${advice}`;
  return `${what} is percent-encoded differently: the same after decoding, but not the same string.${advice}`;
}

// The first place the spellings part, as whole units: a %XX run, or one character.
function firstSpellingDifference(e: string, a: string): [string, string] {
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  if (i >= 1 && e[i - 1] === '%') i -= 1;
  else if (i >= 2 && e[i - 2] === '%') i -= 2;
  return [unitAt(e, i), unitAt(a, i)];
}

function unitAt(text: string, i: number): string {
  const run = /^(?:%[0-9A-Fa-f]{2}){1,4}/.exec(text.slice(i, i + 12));
  if (run) return run[0];
  const code = text.codePointAt(i);
  return code === undefined ? '' : String.fromCodePoint(code);
}

// ---- Wording

const QUOTED_LENGTH = 80;

function quote(text: string): string {
  return `"${shorten(text, QUOTED_LENGTH)}"`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
