// `npm run server`: the bundled authorization server on its own, until Ctrl-C.
import { BUNDLED_DEMO_PORT, DEMO_ACCOUNT, DEMO_CLIENTS } from '../../src/core';
import { startBundledServer } from './bundled-server';

const port = Number(process.env.OAUTH_LENS_SERVER_PORT ?? BUNDLED_DEMO_PORT);
const server = await startBundledServer({ port });
console.log(`Bundled authorization server: ${server.issuer}`);
console.log(`  discovery  ${server.issuer}/.well-known/openid-configuration`);
for (const client of Object.values(DEMO_CLIENTS)) {
  console.log(`  client     ${client.clientId} (${client.clientAuth})${'clientSecret' in client ? `, secret ${client.clientSecret}` : ''}`);
}
console.log(`  sign in as ${DEMO_ACCOUNT.login} / ${DEMO_ACCOUNT.password}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
