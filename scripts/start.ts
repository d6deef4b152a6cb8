// `npm start` / `npm run start:firefox`: build the extension, start the bundled authorization
// server on the demo profile's port, and open a browser with the extension and its popup.
// Ctrl-C (or closing the browser) stops both.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import webExt from 'web-ext';
import { BUNDLED_DEMO_PORT, DEMO_ACCOUNT } from '../src/core';
import { startBundledServer } from '../test/server/bundled-server';
import { chromeExtensionId, GECKO_ID } from './extension-identity';
import { findBrowser } from './find-browser';

const target = process.argv[2] === 'firefox' ? 'firefox' : 'chrome';
// For trying the command where there is no display (this project's CI machines).
const headless = process.env.OAUTH_LENS_HEADLESS === '1';
const popupPath = 'src/popup/index.html';
const dist = resolve(`dist/${target}`);

await build({ mode: target, logLevel: 'warn' });
const server = await startBundledServer({ port: Number(process.env.OAUTH_LENS_SERVER_PORT ?? BUNDLED_DEMO_PORT) }).catch(
  (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${BUNDLED_DEMO_PORT} is in use: is another \`npm start\` running?` : error);
    process.exit(1);
  },
);
console.log(`Bundled authorization server at ${server.issuer}: sign in as ${DEMO_ACCOUNT.login} / ${DEMO_ACCOUNT.password}.`);

const stop = await (target === 'chrome' ? startChromium() : startFirefox());
console.log(`OAuth Lens is loaded from ${dist}. Open its popup and press Run. Ctrl-C stops everything.`);

let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await stop();
    await server.close();
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function startChromium(): Promise<() => Promise<void>> {
  const profile = mkdtempSync(join(tmpdir(), 'oauth-lens-chromium-'));
  const browser = spawn(
    findBrowser('chrome'),
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-first-run',
      '--no-default-browser-check',
      ...(headless ? ['--headless'] : []),
      // Chromium refuses to start as root with its sandbox on (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `chrome-extension://${chromeExtensionId()}/${popupPath}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  browser.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  browser.once('exit', (code) => {
    if (!stopping && code) console.error(`The browser exited with code ${code}:\n${errors}`);
    void shutdown(code ? 1 : 0);
  });
  return async () => {
    browser.kill();
    rmSync(profile, { recursive: true, force: true });
  };
}

async function startFirefox(): Promise<() => Promise<void>> {
  // A fixed internal UUID, so the popup's moz-extension:// URL is known in advance.
  const uuid = 'b7a3c6f0-6d1e-4d8e-9c39-0a11ce0ab5e1';
  const runner = await webExt.cmd.run(
    {
      sourceDir: dist,
      firefox: findBrowser('firefox'),
      pref: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
      startUrl: [`moz-extension://${uuid}/${popupPath}`],
      args: headless ? ['--headless'] : [],
      noReload: true,
    },
    { shouldExitProgram: false },
  );
  runner.registerCleanup(() => void shutdown(0));
  return () => runner.exit();
}
