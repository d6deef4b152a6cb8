// `npm run record-hars`: records the HAR fixtures of test/unit/core/traffic/har-recorded/ the way a
// developer records one: a real Chromium (Debian's, driven by Playwright with `recordHar`) runs
// the test app's flows (dev/server/test-app.ts) against the bundled server, and the browser writes
// the HAR. Secrets are then replaced by pseudonyms before anything is written to the repository:
// the same value always by the same pseudonym of the same length, so a code redeemed twice still
// reads as one code, and a JWT keeps its header and claims with its signature replaced.
//
//   npm run record-hars [-- <out-dir>]
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { drive } from '../dev/browsers/chromium';
import { SIGN_IN_WINDOW, signInOn } from '../dev/browsers/sign-in';
import { startBundledServer } from '../dev/server/bundled-server';
import { rateLimit } from '../dev/server/quirks';
import { startTestApp } from '../dev/server/test-app';
import { findBrowser } from './find-browser';

/** Each fixture: the test app's page that makes it, and what it shows. */
const SCENARIOS = [
  { name: 'clean-flow', path: '/login?case=clean', shows: 'discovery, authorization request, redirect with a code, one token request (200), userinfo with the token (200)' },
  { name: 'reused-code', path: '/login', shows: 'the callback redeems its code twice: 200, then 400 invalid_grant' },
  { name: 'redirect-uri-mismatch', path: '/login?case=mismatch', shows: "the token request's redirect_uri has a trailing slash the authorization request's has not: 400 invalid_grant" },
  { name: 'rate-limited', path: '/limited', shows: 'two token requests to a server limited to one a minute: 400, then 429 with Retry-After' },
  { name: 'api-401', path: '/api', shows: 'the userinfo endpoint called with a token that is none: 401 with WWW-Authenticate' },
] as const;

// Names whose values are secrets in these flows (RFC 6749 §4.1, §5.1; RFC 7636 §4.1; OIDC Core §3.1.3.3), and the cookies oidc-provider sets.
const SECRET_PARAMS = new Set(['code', 'access_token', 'refresh_token', 'id_token', 'code_verifier', 'client_secret']);

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'test/unit/core/traffic/har-recorded';
  await mkdir(out, { recursive: true });
  const app = await startTestApp();
  const server = await startBundledServer({ app });
  const limited = await startBundledServer({ app, quirks: [rateLimit({ perMinute: 1 })] });
  app.use({ issuer: server.issuer, limited: limited.issuer });
  const browser = await chromium.launch({ executablePath: findBrowser('chrome') });
  const version = browser.version();
  const scratch = join(tmpdir(), `oauth-lens-har-${process.pid}`);
  await mkdir(scratch, { recursive: true });
  try {
    for (const scenario of SCENARIOS) {
      const raw = join(scratch, `${scenario.name}.har`);
      const context = await browser.newContext({ recordHar: { path: raw, content: 'embed' } });
      const page = await context.newPage();
      await page.goto(`${app.origin}${scenario.path}`);
      if (page.url().includes(SIGN_IN_WINDOW)) await signInOn(drive(page));
      await page.waitForSelector('body[data-done]');
      const result = (await page.textContent('#result'))?.trim().replaceAll('\n', ', ');
      // Closing the context writes the HAR.
      await context.close();
      const har = pseudonymized(await readFile(raw, 'utf8'));
      await writeFile(join(out, `${scenario.name}.har`), `${JSON.stringify(JSON.parse(har), null, 2)}\n`);
      console.log(`${scenario.name}.har: ${scenario.shows} (the page saw: ${result})`);
    }
  } finally {
    await browser.close();
    await rm(scratch, { recursive: true, force: true });
    await Promise.all([server.close(), limited.close(), app.close()]);
  }
  await writeFile(
    join(out, 'README.md'),
    [
      '# HAR files recorded by a real browser',
      '',
      `Recorded with \`npm run record-hars\` (scripts/record-hars.ts): Chromium ${version} driven by Playwright's \`recordHar\` (content embedded), running the test app's pages (dev/server/test-app.ts) against the bundled oidc-provider server on 127.0.0.1. Secrets (codes, tokens, the PKCE verifier, cookies) are replaced by pseudonyms of the same length, the same value always by the same pseudonym; JWTs keep their header and claims, their signature replaced.`,
      '',
      ...SCENARIOS.map((s) => `- \`${s.name}.har\` (\`${s.path}\`): ${s.shows}.`),
      '',
    ].join('\n'),
  );
}

/** The HAR's text with every secret value replaced, wherever it appears (URL, form, JSON body, header, cookie). */
function pseudonymized(text: string): string {
  const har = JSON.parse(text) as { log: { entries: HarEntry[] } };
  const secrets = new Set<string>();
  for (const entry of har.log.entries) {
    for (const url of [entry.request.url, entry.response.redirectURL ?? '']) collectParams(url.split(/[?#]/).slice(1).join('&'), secrets);
    collectParams(entry.request.postData?.text ?? '', secrets);
    for (const { name, value } of [...entry.request.headers, ...entry.response.headers]) {
      const lower = name.toLowerCase();
      if (lower === 'authorization') secrets.add(value.replace(/^\S+\s+/, ''));
      if (lower === 'location') collectParams(value.split(/[?#]/).slice(1).join('&'), secrets);
    }
    for (const cookie of [...(entry.request.cookies ?? []), ...(entry.response.cookies ?? [])]) secrets.add(cookie.value);
    const body = entry.response.content?.text;
    if (body && /json/.test(entry.response.content?.mimeType ?? '')) {
      try {
        for (const [name, value] of Object.entries(JSON.parse(body) as Record<string, unknown>)) if (SECRET_PARAMS.has(name) && typeof value === 'string') secrets.add(value);
      } catch {
        // Not JSON after all: nothing to collect from it.
      }
    }
  }
  let out = text;
  // Longest first, so a value that contains another is replaced whole.
  for (const secret of [...secrets].filter((s) => s.length >= 8).sort((a, b) => b.length - a.length)) out = out.split(secret).join(pseudonym(secret));
  return out;
}

function collectParams(query: string, into: Set<string>): void {
  for (const [name, value] of new URLSearchParams(query)) if (SECRET_PARAMS.has(name) && value) into.add(value);
}

/** A stand-in of the same length and alphabet; a JWT keeps its header and claims. */
function pseudonym(secret: string): string {
  const parts = secret.split('.');
  if (parts.length === 3 && parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return `${parts[0]}.${parts[1]}.${fill(parts[2]!, parts[2]!.length)}`;
  return fill(secret, secret.length);
}

function fill(seed: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += createHash('sha256').update(`oauth-lens-fixture:${i}:${seed}`).digest('base64url');
  return out.slice(0, length);
}

type HarNameValue = { name: string; value: string };
type HarEntry = {
  request: { url: string; headers: HarNameValue[]; cookies?: HarNameValue[]; postData?: { text?: string } };
  response: { headers: HarNameValue[]; cookies?: HarNameValue[]; redirectURL?: string; content?: { text?: string; mimeType?: string } };
};

await main();
