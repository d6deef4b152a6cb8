import type { HttpRequest } from './http-exchange';

// Each snippet replays the request as recorded, so that what a developer runs is what was sent,
// and prints exactly what it is given: redacting is the caller's choice.

type Parts = { method: string; url: string; headers: [string, string][]; body: string | undefined };

// fetch upper-cases these six whatever case they are given in, so that is what went on the wire.
const NORMALISED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

function parts(request: HttpRequest): Parts {
  const given = typeof request === 'object' && request !== null ? request : ({} as Partial<HttpRequest>);
  const method = typeof given.method === 'string' && given.method !== '' ? given.method : 'GET';
  const headers = typeof given.headers === 'object' && given.headers !== null ? Object.entries(given.headers) : [];
  return {
    method: NORMALISED_METHODS.includes(method.toUpperCase()) ? method.toUpperCase() : method,
    url: typeof given.url === 'string' ? given.url : '',
    // The client computes Content-Length from the body; a copied one goes stale as soon as the body is edited.
    headers: headers.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0].trim().toLowerCase() !== 'content-length'),
    body: typeof given.body === 'string' ? given.body : undefined,
  };
}

// curl and libcurl drop a header given as "Name:" with nothing after it; "Name;" sends it empty.
function headerLine([name, value]: [string, string]): string {
  return value.trim() === '' ? `${name};` : `${name}: ${value}`;
}

/** A curl command line for a POSIX shell: `curl -i -X POST 'url' -H 'name: value' --data-raw '…'`. */
export function toCurl(request: HttpRequest): string {
  const { method, url, headers, body } = parts(request);
  const first = ['curl', '-i'];
  // curl expands [] and {} in a URL as globs, so a literal bracket needs --globoff.
  if (/[[\]{}]/.test(url)) first.push('--globoff');
  // -X HEAD would make curl wait for a body that never comes.
  if (method === 'HEAD' && body === undefined) first.push('--head');
  else if (method !== 'GET' || body !== undefined) first.push('-X', shellWord(method));
  first.push(url.startsWith('-') ? `--url ${shellQuote(url)}` : shellQuote(url));
  const lines = [first.join(' '), ...headers.map((header) => `-H ${shellQuote(headerLine(header))}`)];
  // --data-raw, not --data: a body starting with "@" is sent as is, not read from a file.
  if (body !== undefined) lines.push(`--data-raw ${shellQuote(body)}`);
  return lines.join(' \\\n  ');
}

// Single quotes keep everything literal, newlines included; only a single quote itself needs
// closing the quotes, escaping it, and reopening them.
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function shellWord(text: string): string {
  return /^[A-Za-z0-9_.:/@%+=,-]+$/.test(text) ? text : shellQuote(text);
}

/**
 * PHP with the curl extension. The Authorization header goes in CURLOPT_HTTPHEADER as it was
 * sent, not through CURLOPT_USERPWD: libcurl would build its own Basic header from the id and
 * secret without the form-encoding RFC 6749 §2.3.1 asks for, and "Basic or body?" is exactly
 * the question the developer is trying to answer by looking.
 */
export function toPhpCurl(request: HttpRequest): string {
  const { method, url, headers, body } = parts(request);
  const options: string[] = [];
  if (method === 'POST') options.push('CURLOPT_POST => true');
  else if (method === 'HEAD' && body === undefined) options.push('CURLOPT_NOBODY => true');
  else if (method !== 'GET' || body !== undefined) options.push(`CURLOPT_CUSTOMREQUEST => ${phpString(method)}`);
  if (headers.length > 0) {
    options.push(['CURLOPT_HTTPHEADER => [', ...headers.map((header) => `        ${phpString(headerLine(header))},`), '    ]'].join('\n'));
  }
  if (body !== undefined) options.push(`CURLOPT_POSTFIELDS => ${phpString(body)}`);
  options.push('CURLOPT_RETURNTRANSFER => true', 'CURLOPT_HEADER => true');
  return [
    '<?php',
    `$ch = curl_init(${phpString(url)});`,
    'curl_setopt_array($ch, [',
    ...options.map((option) => `    ${option},`),
    ']);',
    '$response = curl_exec($ch);',
    'if ($response === false) {',
    '    echo curl_error($ch), "\\n";',
    '    exit(1);',
    '}',
    '$status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);',
    'echo "HTTP status $status\\n\\n", $response;',
    '',
  ].join('\n');
}

// In a single-quoted PHP string only the backslash and the single quote are special.
function phpString(text: string): string {
  return `'${text.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

/** JavaScript for a browser console or Node: `await fetch(url, { method, headers, body })`. */
export function toFetch(request: HttpRequest): string {
  const { method, url, headers, body } = parts(request);
  const init = [`  method: ${JSON.stringify(method)},`];
  if (headers.length > 0) {
    init.push(['  headers: {', ...headers.map(([name, value]) => `    ${propertyName(name)}: ${JSON.stringify(value)},`), '  },'].join('\n'));
  }
  if (body !== undefined) init.push(`  body: ${JSON.stringify(body)},`);
  return [
    `const response = await fetch(${JSON.stringify(url)}, {`,
    ...init,
    '});',
    'console.log(response.status, Object.fromEntries(response.headers), await response.text());',
    '',
  ].join('\n');
}

// In an object literal a plain "__proto__" key sets the prototype instead of adding a property.
function propertyName(name: string): string {
  return name === '__proto__' ? `[${JSON.stringify(name)}]` : JSON.stringify(name);
}
