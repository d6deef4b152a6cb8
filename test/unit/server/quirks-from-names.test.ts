import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../src/core';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { KNOWN_QUIRKS, quirkNamesFromEnv, quirksFromEnv, quirksFromNames } from '../../../dev/server/quirks';

describe('quirksFromNames', () => {
  it('makes one layer per name, ignoring blanks', () => {
    expect(quirksFromNames([])).toEqual([]);
    expect(quirksFromNames(['reused-code-401', ' error-200 ', '', 'rate-limit', 'post-only'])).toHaveLength(4);
    expect(quirksFromNames(['no-cors', 'origin-check', 'no-refresh-with-origin'])).toHaveLength(3);
    expect(quirksFromNames(['rate-limit=12', 'post-only=demo-post'])).toHaveLength(2);
    expect(quirksFromNames(['wrong-iss', 'wrong-nonce=missing', 'wrong-redirect=/cb2'])).toHaveLength(3);
  });

  it('refuses an unknown name, listing the known ones', () => {
    expect(() => quirksFromNames(['reused-code-400'])).toThrow(
      'Unknown provider quirk "reused-code-400". Known quirks: no-cors, rate-limit[=N], error-200, origin-check, post-only[=client_id] (default demo-post-only), reused-code-401, wrong-iss[=issuer] (default https://attacker.example), wrong-redirect[=path] (default /another-client/callback), no-refresh-with-origin, wrong-nonce[=nonce|missing] (default a-nonce-from-another-sign-in).',
    );
    expect(KNOWN_QUIRKS).toHaveLength(10);
  });

  it('refuses malformed values and repeated names', () => {
    expect(() => quirksFromNames(['rate-limit=0'])).toThrow(/positive whole number/);
    expect(() => quirksFromNames(['rate-limit=five'])).toThrow(/positive whole number/);
    expect(() => quirksFromNames(['error-200=yes'])).toThrow(/takes no "=…" value/);
    expect(() => quirksFromNames(['error-200', 'error-200'])).toThrow(/named twice/);
    expect(() => quirksFromNames(['no-cors=yes'])).toThrow(/takes no "=…" value/);
  });

  it('reads OAUTH_LENS_QUIRKS, comma-separated', () => {
    expect(quirkNamesFromEnv({})).toEqual([]);
    expect(quirkNamesFromEnv({ OAUTH_LENS_QUIRKS: ' error-200, rate-limit=3 ,' })).toEqual(['error-200', 'rate-limit=3']);
    expect(quirksFromEnv({ OAUTH_LENS_QUIRKS: 'error-200,rate-limit=3' })).toHaveLength(2);
    expect(() => quirksFromEnv({ OAUTH_LENS_QUIRKS: 'nope' })).toThrow(/^OAUTH_LENS_QUIRKS: Unknown provider quirk "nope"/);
  });
});

describe('named quirks in a running server', () => {
  let server: BundledServer | undefined;
  afterEach(() => server?.close());

  it('stand in a fixed order whatever order they are named in: the 429 stays a 429, error-200 rewrites the post-only refusal', async () => {
    server = await startBundledServer({ quirks: quirksFromNames(['error-200', 'post-only', 'rate-limit=2', 'reused-code-401']) });
    const obtained = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.postOnly.clientId });

    const basic = await redeemCode(obtained, { ...DEMO_CLIENTS.postOnly, clientAuth: 'client_secret_basic' });
    expect(basic.status).toBe(200);
    expect(await basic.json()).toMatchObject({ error: 'invalid_client' });

    expect((await redeemCode(obtained, DEMO_CLIENTS.postOnly)).status).toBe(200);
    const limited = await redeemCode(obtained, DEMO_CLIENTS.postOnly);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
  });

  it('no-refresh-with-origin holds the body back behind no-cors and origin-check: tokens without refresh_token, without CORS headers', async () => {
    server = await startBundledServer({ quirks: quirksFromNames(['no-refresh-with-origin', 'origin-check', 'no-cors']) });
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const obtained = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.public.clientId });
    expect((await redeemCode(obtained, DEMO_CLIENTS.public)).status).toBe(400);
    const response = await redeemCode(obtained, DEMO_CLIENTS.public, { headers: { origin } });
    expect(response.status).toBe(200);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const text = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const tokens = JSON.parse(text) as Record<string, unknown>;
    expect(tokens).toHaveProperty('access_token');
    expect(tokens).not.toHaveProperty('refresh_token');
  });

  it('reused-code-401 wins over error-200 for a reused code (its answer is not JSON)', async () => {
    server = await startBundledServer({ quirks: quirksFromNames(['error-200', 'reused-code-401']) });
    const obtained = await obtainCode(server.issuer);
    expect((await redeemCode(obtained)).status).toBe(200);
    const again = await redeemCode(obtained);
    expect(again.status).toBe(401);
    expect(await again.text()).toBe('HTTP Basic: Access denied.\n');
  });
});

describe('npm run server', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  function runServer(quirks: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'dev/server/main.ts'], {
      env: { ...process.env, OAUTH_LENS_QUIRKS: quirks, OAUTH_LENS_SERVER_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { child, exited, output: () => ({ stdout, stderr }) };
  }

  it('exits 1 with the list of known quirks when OAUTH_LENS_QUIRKS names an unknown one', async () => {
    const run = runServer('rate-limit,teapot');
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toContain('OAUTH_LENS_QUIRKS: Unknown provider quirk "teapot". Known quirks: no-cors, rate-limit[=N], error-200');
  }, 30_000);

  it('says which quirks are on', async () => {
    const run = runServer('reused-code-401, rate-limit=9');
    await expect
      .poll(() => run.output().stdout, { timeout: 20_000, message: `no quirks line; so far ${JSON.stringify(run.output())}` })
      .toContain('quirks     reused-code-401, rate-limit=9');
    expect(run.output().stdout).toContain('client     demo-post-only (client_secret_post), secret demo-post-only-secret');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 30_000);
});
