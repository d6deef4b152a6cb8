// `npm run server`: the bundled authorization server on its own, until Ctrl-C.
// OAUTH_LENS_QUIRKS=reused-code-401,rate-limit=3 switches provider quirks on (dev/server/quirks).
import { BUNDLED_DEMO_PORT, DEMO_ACCOUNT, DEMO_CLIENTS } from '../../src/core';
import { startBundledServer } from './bundled-server';
import type { Layer } from './layer';
import { quirkNamesFromEnv, quirksFromEnv } from './quirks';

const port = Number(process.env.OAUTH_LENS_SERVER_PORT ?? BUNDLED_DEMO_PORT);
let quirks: Layer[];
try {
  quirks = quirksFromEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const server = await startBundledServer({ port, quirks });
console.log(`Bundled authorization server: ${server.issuer}`);
console.log(`  discovery  ${server.issuer}/.well-known/openid-configuration`);
for (const client of Object.values(DEMO_CLIENTS)) {
  console.log(`  client     ${client.clientId} (${client.clientAuth})${'clientSecret' in client ? `, secret ${client.clientSecret}` : ''}`);
}
console.log(`  sign in as ${DEMO_ACCOUNT.login} / ${DEMO_ACCOUNT.password}`);
const names = quirkNamesFromEnv();
console.log(`  quirks     ${names.length ? names.join(', ') : 'none (set OAUTH_LENS_QUIRKS to switch some on)'}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
