import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toCurl, toFetch, toPhpCurl, type HttpRequest } from '../../../../src/core';
import { RFC6749_BASIC } from '../fixtures';

/** RFC 6749 §4.1.3, with the Content-Length a recorder would also have seen. */
const RFC6749_TOKEN_REQUEST: HttpRequest = {
  method: 'POST',
  url: 'https://server.example.com/token',
  headers: {
    Authorization: `Basic ${RFC6749_BASIC}`,
    'Content-Type': 'application/x-www-form-urlencoded',
    'Content-Length': '106',
  },
  body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb',
};

// Everything a shell, PHP or JavaScript could read as something other than text.
const NASTY = `it's "quoted" $HOME \`id\` $(id) \\ back\\slash \\' \\\\'\n  second line\ttab \u2028 ${'$'}{x} ?>`;
const NASTY_REQUEST: HttpRequest = {
  method: 'POST',
  url: "https://server.example.com/token?state=it's&x=$HOME",
  headers: { 'X-Nasty': NASTY, 'Content-Type': 'text/plain' },
  body: NASTY,
};

const SHELLS = ['sh', 'bash'].filter((shell) => spawnSync(shell, ['-c', 'true']).status === 0);
const HAS_PHP = spawnSync('php', ['--version']).status === 0;
const HAS_CURL = spawnSync('curl', ['--version']).status === 0;

// The shell runs in a directory of its own: should the quoting ever break, a ">" in a test value
// would otherwise create files in the repository.
const SCRATCH = mkdtempSync(join(tmpdir(), 'oauth-lens-snippets-'));
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

/** The arguments the shell hands to curl when it runs the snippet. */
function curlArguments(snippet: string, shell = 'sh'): string[] {
  const output = execFileSync(shell, ['-c', `curl() { printf '%s\\0' "$@"; }\n${snippet}`], { encoding: 'utf8', cwd: SCRATCH });
  return output.split('\0').slice(0, -1);
}

describe('toCurl', () => {
  it('writes the RFC 6749 §4.1.3 token request as a curl command, without Content-Length', () => {
    expect(toCurl(RFC6749_TOKEN_REQUEST)).toBe(
      [
        "curl -i -X POST 'https://server.example.com/token' \\",
        `  -H 'Authorization: Basic ${RFC6749_BASIC}' \\`,
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
        "  --data-raw 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb'",
      ].join('\n'),
    );
  });

  it.each(SHELLS)('gives %s back the exact arguments, whatever the values contain', (shell) => {
    expect(curlArguments(toCurl(RFC6749_TOKEN_REQUEST), shell)).toEqual([
      '-i',
      '-X',
      'POST',
      'https://server.example.com/token',
      '-H',
      `Authorization: Basic ${RFC6749_BASIC}`,
      '-H',
      'Content-Type: application/x-www-form-urlencoded',
      '--data-raw',
      RFC6749_TOKEN_REQUEST.body,
    ]);
    expect(curlArguments(toCurl(NASTY_REQUEST), shell)).toEqual([
      '-i',
      '-X',
      'POST',
      NASTY_REQUEST.url,
      '-H',
      `X-Nasty: ${NASTY}`,
      '-H',
      'Content-Type: text/plain',
      '--data-raw',
      NASTY,
    ]);
  });

  it('round-trips any text through the shell', () => {
    // NUL cannot be in a shell word, nor in an HTTP header or a curl argument.
    const text = fc.string({ unit: fc.oneof(fc.constantFrom(...`'"$\`\\ \n\t!*?[]{}();&|<>#~%`.split('')), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 40 }).map((t) => t.replaceAll('\0', ''));
    fc.assert(
      fc.property(text, text, (value, body) => {
        const args = curlArguments(toCurl({ method: 'PUT', url: 'https://as.example/x', headers: { 'X-Value': value }, body }));
        expect(args).toEqual(['-i', '-X', 'PUT', 'https://as.example/x', '-H', value.trim() === '' ? 'X-Value;' : `X-Value: ${value}`, '--data-raw', body]);
      }),
      { numRuns: 100 },
    );
  });

  it.skipIf(!HAS_CURL || SHELLS.length === 0)('makes real curl send what was recorded', async () => {
    const received: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const snippet = toCurl({
        ...NASTY_REQUEST,
        url: `http://127.0.0.1:${port}/token?state=it's&x=$HOME`,
        headers: { ...RFC6749_TOKEN_REQUEST.headers, 'X-Quotes': `it's "$HOME" \\ \`id\``, 'X-Empty': '' },
      });
      // Asynchronously, so that the server in this same process can answer.
      await new Promise<void>((resolve, reject) => execFile('sh', ['-c', `${snippet} --silent --output /dev/null`], { cwd: SCRATCH }, (error) => (error ? reject(error) : resolve())));
      expect(received).toHaveLength(1);
      const [request] = received;
      expect(request!.method).toBe('POST');
      expect(request!.url).toBe("/token?state=it's&x=$HOME");
      expect(request!.body).toBe(NASTY);
      expect(request!.headers).toMatchObject({
        authorization: `Basic ${RFC6749_BASIC}`,
        'content-type': 'application/x-www-form-urlencoded',
        'x-quotes': `it's "$HOME" \\ \`id\``,
        'x-empty': '',
        // curl counts the bytes itself; the recorded (and here wrong) 106 was left out.
        'content-length': String(Buffer.byteLength(NASTY)),
      });
    } finally {
      server.close();
    }
  });

  it('leaves out -X for a plain GET, uses --head for HEAD, and keeps a body on GET', () => {
    expect(curlArguments(toCurl({ method: 'get', url: 'https://as.example/.well-known/openid-configuration' }))).toEqual([
      '-i',
      'https://as.example/.well-known/openid-configuration',
    ]);
    expect(curlArguments(toCurl({ method: 'HEAD', url: 'https://as.example/' }))).toEqual(['-i', '--head', 'https://as.example/']);
    expect(curlArguments(toCurl({ method: 'GET', url: 'https://as.example/', body: '' }))).toEqual(['-i', '-X', 'GET', 'https://as.example/', '--data-raw', '']);
  });

  it('sends an empty header as "Name;", which curl does not drop', () => {
    expect(curlArguments(toCurl({ method: 'GET', url: 'https://as.example/', headers: { 'X-Empty': '' } }))).toEqual(['-i', 'https://as.example/', '-H', 'X-Empty;']);
  });

  it('turns globbing off for a URL with brackets, and marks a URL that looks like an option', () => {
    expect(curlArguments(toCurl({ method: 'GET', url: 'https://as.example/?claims[]=email' }))).toEqual(['-i', '--globoff', 'https://as.example/?claims[]=email']);
    expect(curlArguments(toCurl({ method: 'GET', url: '-o/tmp/x' }))).toEqual(['-i', '--url', '-o/tmp/x']);
  });
});

/** The values of the single-quoted PHP strings in the snippet, read as PHP reads them. */
function phpStrings(snippet: string): string[] {
  return [...snippet.matchAll(/'((?:[^'\\]|\\[\s\S])*)'/g)].map((m) => m[1]!.replace(/\\([\\'])/g, '$1'));
}

describe('toPhpCurl', () => {
  it('writes the RFC 6749 §4.1.3 request with the Basic header as a header, not CURLOPT_USERPWD', () => {
    const snippet = toPhpCurl(RFC6749_TOKEN_REQUEST);
    expect(snippet).toBe(
      [
        '<?php',
        "$ch = curl_init('https://server.example.com/token');",
        'curl_setopt_array($ch, [',
        '    CURLOPT_POST => true,',
        '    CURLOPT_HTTPHEADER => [',
        `        'Authorization: Basic ${RFC6749_BASIC}',`,
        "        'Content-Type: application/x-www-form-urlencoded',",
        '    ],',
        "    CURLOPT_POSTFIELDS => 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb',",
        '    CURLOPT_RETURNTRANSFER => true,',
        '    CURLOPT_HEADER => true,',
        ']);',
        '$response = curl_exec($ch);',
        'if ($response === false) {',
        '    echo curl_error($ch), "\\n";',
        '    exit(1);',
        '}',
        '$status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);',
        'echo "HTTP status $status\\n\\n", $response;',
        '',
      ].join('\n'),
    );
    expect(snippet).not.toContain('CURLOPT_USERPWD');
    expect(snippet).not.toMatch(/content-length/i);
  });

  it('escapes backslashes and single quotes, and nothing else', () => {
    expect(phpStrings(toPhpCurl(NASTY_REQUEST))).toEqual([NASTY_REQUEST.url, `X-Nasty: ${NASTY}`, 'Content-Type: text/plain', NASTY]);
  });

  it('chooses the method option as libcurl needs it', () => {
    expect(toPhpCurl({ method: 'DELETE', url: 'https://as.example/x' })).toContain("    CURLOPT_CUSTOMREQUEST => 'DELETE',\n");
    expect(toPhpCurl({ method: 'HEAD', url: 'https://as.example/x' })).toContain('    CURLOPT_NOBODY => true,\n');
    const get = toPhpCurl({ method: 'GET', url: 'https://as.example/x', headers: { 'X-Empty': '' } });
    expect(get).not.toMatch(/CURLOPT_(POST|CUSTOMREQUEST|NOBODY|POSTFIELDS)\b/);
    expect(get).toContain("        'X-Empty;',\n");
  });

  it.skipIf(!HAS_PHP)('reads back in PHP as exactly the values given', () => {
    // The snippet up to curl_exec, with curl_init and curl_setopt_array swapped for functions that
    // keep what they get, so that PHP itself says how it read the strings (no curl extension needed).
    const setup = toPhpCurl(NASTY_REQUEST)
      .replace(/\$response = curl_exec[\s\S]*$/, 'echo json_encode($ch);')
      .replace(/^(\s+)(CURLOPT_\w+) =>/gm, "$1'$2' =>")
      .replace('curl_init(', 'probe_init(')
      .replace('curl_setopt_array(', 'probe_setopt_array(')
      .replace('<?php\n', '<?php\nfunction probe_init($url) { return [\'url\' => $url]; }\nfunction probe_setopt_array(&$ch, $options) { $ch[\'options\'] = $options; }\n');
    const run = spawnSync('php', [], { input: setup, encoding: 'utf8', cwd: SCRATCH });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      url: NASTY_REQUEST.url,
      options: {
        CURLOPT_POST: true,
        CURLOPT_HTTPHEADER: [`X-Nasty: ${NASTY}`, 'Content-Type: text/plain'],
        CURLOPT_POSTFIELDS: NASTY,
        CURLOPT_RETURNTRANSFER: true,
        CURLOPT_HEADER: true,
      },
    });
  });

  it.skipIf(!HAS_PHP)('is valid PHP (php -l)', () => {
    for (const [i, request] of [RFC6749_TOKEN_REQUEST, NASTY_REQUEST, { method: 'GET', url: 'https://as.example/' }].entries()) {
      const file = join(SCRATCH, `${i}.php`);
      writeFileSync(file, toPhpCurl(request));
      expect(spawnSync('php', ['-l', file], { encoding: 'utf8' }).status).toBe(0);
    }
  });
});

/** Runs the snippet against a fetch that records what it was called with. */
async function fetchCall(snippet: string): Promise<{ url: unknown; init: RequestInit }> {
  const calls: { url: unknown; init: RequestInit }[] = [];
  const fakeFetch = async (url: unknown, init: RequestInit) => {
    calls.push({ url, init });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const quietConsole = { log: () => {} };
  await new Function('fetch', 'console', `return (async () => {${snippet}})()`)(fakeFetch, quietConsole);
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

describe('toFetch', () => {
  it('writes the RFC 6749 §4.1.3 request as a fetch call', async () => {
    const snippet = toFetch(RFC6749_TOKEN_REQUEST);
    expect(snippet).toBe(
      [
        'const response = await fetch("https://server.example.com/token", {',
        '  method: "POST",',
        '  headers: {',
        `    "Authorization": "Basic ${RFC6749_BASIC}",`,
        '    "Content-Type": "application/x-www-form-urlencoded",',
        '  },',
        '  body: "grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb",',
        '});',
        'console.log(response.status, Object.fromEntries(response.headers), await response.text());',
        '',
      ].join('\n'),
    );
    expect(await fetchCall(snippet)).toEqual({
      url: 'https://server.example.com/token',
      init: {
        method: 'POST',
        headers: { Authorization: `Basic ${RFC6749_BASIC}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: RFC6749_TOKEN_REQUEST.body,
      },
    });
  });

  it('is valid JavaScript that passes any text through unchanged', async () => {
    expect(await fetchCall(toFetch(NASTY_REQUEST))).toEqual({
      url: NASTY_REQUEST.url,
      init: { method: 'POST', headers: { 'X-Nasty': NASTY, 'Content-Type': 'text/plain' }, body: NASTY },
    });
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const text = fc.string({ unit: codeUnit, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(text, fc.dictionary(text, text), text, async (url, headers, body) => {
        const { init, ...call } = await fetchCall(toFetch({ method: 'PATCH', url, headers, body }));
        expect(call.url).toBe(url);
        const expected = Object.fromEntries(Object.entries(headers).filter(([name]) => name.trim().toLowerCase() !== 'content-length'));
        expect(init).toEqual({ method: 'PATCH', ...(Object.keys(expected).length > 0 ? { headers: expected } : {}), body });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a header named __proto__ a header', async () => {
    const { init } = await fetchCall(toFetch({ method: 'GET', url: 'https://as.example/', headers: { ['__proto__']: 'x' } as Record<string, string> }));
    expect(Object.getOwnPropertyNames(init.headers)).toEqual(['__proto__']);
  });

  it('upper-cases the methods fetch normalises, and leaves headers and body out when there are none', async () => {
    expect(await fetchCall(toFetch({ method: 'post', url: 'https://as.example/' }))).toEqual({ url: 'https://as.example/', init: { method: 'POST' } });
    expect((await fetchCall(toFetch({ method: 'purge', url: 'https://as.example/' }))).init.method).toBe('purge');
  });
});

describe('snippets never throw', () => {
  it('on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ method: fc.string(), url: fc.string(), headers: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.anything()), body: fc.anything() }, { requiredKeys: [] }), fc.anything()), (request) => {
        for (const snippet of [toCurl, toPhpCurl, toFetch]) expect(typeof snippet(request as HttpRequest)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
