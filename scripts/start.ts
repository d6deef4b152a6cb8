// `npm start` / `npm run start:firefox`: build the extension, start the bundled authorization
// server on the demo profile's port, and open a browser with the extension and its popup.
// Ctrl-C (or closing the browser) stops both.
import { build } from 'vite';
import { BUNDLED_DEMO_PORT, DEMO_ACCOUNT } from '../src/core';
import { launchChromium } from '../dev/browsers/chromium';
import { launchFirefox } from '../dev/browsers/firefox';
import { startBundledServer } from '../dev/server/bundled-server';
import { quirksFromEnv } from '../dev/server/quirks';

const target = process.argv[2] === 'firefox' ? 'firefox' : 'chrome';
const port = Number(process.env.OAUTH_LENS_SERVER_PORT ?? BUNDLED_DEMO_PORT);
// For running the command where there is no display, and driving it from the e2e suite.
const headless = process.env.OAUTH_LENS_HEADLESS === '1';
const remoteDebuggingPort = Number(process.env.OAUTH_LENS_DEBUG_PORT) || undefined;

// OAUTH_LENS_QUIRKS=reused-code-401,rate-limit=3,… imitates real providers (see the README); a bad name stops here.
const quirks = quirksFromEnv();
await build({ mode: target, logLevel: 'warn' });
const server = await startBundledServer({ port, quirks }).catch((error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: is another \`npm start\` running?` : error);
  process.exit(1);
});
console.log(`Bundled authorization server at ${server.issuer}: sign in as ${DEMO_ACCOUNT.login} / ${DEMO_ACCOUNT.password}.`);

const launch = target === 'chrome' ? launchChromium : launchFirefox;
const browser = await launch({ headless, remoteDebuggingPort, ownSignals: true });

let stopping: Promise<never> | undefined;
function shutdown(): Promise<never> {
  stopping ??= (async () => {
    await browser.close().catch(() => {});
    await server.close();
    process.exit(0);
  })();
  return stopping;
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
void browser.closed.then(shutdown);

await browser.openPopup();
console.log(`OAuth Lens is loaded, its popup open in a tab; the toolbar button opens it too. Ctrl-C stops everything.`);
