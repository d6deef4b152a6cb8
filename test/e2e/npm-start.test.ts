import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_DEMO_ISSUER } from '../../src/core';
import { chromeExtensionId } from '../../scripts/extension-identity';
import { waitForWindow } from '../../dev/browsers/chromium';
import { startDisplay, type Display } from '../../dev/browsers/display';
import { POPUP_PATH } from '../../dev/browsers/paths';
import { answerChromiumPrompt } from '../../dev/browsers/permission-prompt';
import { signInAndConsent } from '../../dev/browsers/sign-in';

// `npm start` as a developer runs it, on a display of the harness's own, then driven over the
// DevTools protocol: the popup it opens must run the demo profile untouched and get a token,
// through the browser's real prompt for 127.0.0.1 (its token requests go as a server's).
describe('chromium: npm start', () => {
  let start: ChildProcess | undefined;
  let browser: Browser | undefined;
  let display: Display | undefined;
  afterAll(async () => {
    await browser?.close().catch(() => {});
    // The whole process group: the script and the browser it started.
    if (start?.pid && start.exitCode === null) process.kill(-start.pid, 'SIGKILL');
    await display?.close();
  });

  it('opens Chromium with the extension, whose demo profile yields a token; Ctrl-C stops the server', async () => {
    const debugPort = await freePort();
    display = await startDisplay();
    // What `npm start` runs, without npm and npx in between, so that signals reach it.
    start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', 'chrome'], {
      env: { ...process.env, DISPLAY: display.name, OAUTH_LENS_DEBUG_PORT: String(debugPort) },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    await outputLine(start, /OAuth Lens is loaded/);

    browser = await connect(debugPort);
    const context = browser.contexts()[0]!;
    const popup = await waitForWindow(context, `chrome-extension://${chromeExtensionId()}/${POPUP_PATH}`);
    await popup.waitFor('html[data-ready]');
    await popup.click('[role=tab][data-tab=flow]');
    expect(await popup.evaluate(() => (document.querySelector('input[name=issuer]') as HTMLInputElement).value, undefined)).toBe(
      BUNDLED_DEMO_ISSUER,
    );
    await popup.click('form.profile button[type=submit]');
    await answerChromiumPrompt(display, 'allow', Date.now());
    await signInAndConsent({ waitForWindow: (fragment) => waitForWindow(context, fragment) });
    await popup.waitFor('[data-testid=flow-result][data-status=succeeded]');

    const exited = new Promise<number | null>((resolve) => start!.once('exit', resolve));
    start.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${BUNDLED_DEMO_ISSUER}/.well-known/openid-configuration`)).rejects.toThrow();
  });
});

/** Chromium opens its DevTools port a moment after it starts. */
async function connect(port: number): Promise<Browser> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    } catch (error) {
      if (attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function outputLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before ${pattern}:\n${seen}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
