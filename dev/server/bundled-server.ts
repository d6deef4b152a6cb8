import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientAuthMethod, type ClientMetadata } from 'oidc-provider';
import { DEMO_CLIENTS } from '../../src/core';
import { extensionRedirectUris } from '../../scripts/extension-identity';
import { ACCOUNTS } from './accounts';
import { interactions } from './interactions';
import { compose, type Layer } from './layer';
import { TOKEN_ENDPOINT_PATH } from './quirks/token-endpoint';
import { requestLog, type LoggedRequest } from './request-log';

/** oidc-provider's default, set explicitly so that tests can look for authorization requests in `requests`. */
export const AUTHORIZATION_ENDPOINT_PATH = '/auth';

export type BundledServer = {
  issuer: string;
  port: number;
  provider: Provider;
  /**
   * Every request the server received, in order (dev/server/request-log.ts), e.g.
   * `requests.filter((r) => r.token?.grantType === 'authorization_code')` for the redemptions it saw.
   */
  requests: LoggedRequest[];
  close: () => Promise<void>;
};

export type BundledServerOptions = {
  /** 0 picks a free port (tests); `npm start` uses the demo profile's fixed port. */
  port?: number;
  /** Layers in front of the provider that imitate real providers' quirks (dev/server/quirks). */
  quirks?: Layer[];
  /** A web app the tests run beside the server (dev/server/test-app.ts): its origin for CORS, its callback for demo-public. */
  app?: { origin: string; redirectUri: string };
};

/**
 * oidc-provider (OpenID Certified) on 127.0.0.1 with the demo clients registered for both
 * browsers' extension redirect URIs. Authorization code + PKCE (required of every client),
 * refresh tokens, revocation, introspection and discovery.
 */
export async function startBundledServer({ port = 0, quirks = [], app }: BundledServerOptions = {}): Promise<BundledServer> {
  const server = createServer();
  await listen(server, port);
  const actualPort = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${actualPort}`;
  const provider = createProvider(issuer, app);
  const log = requestLog();
  provider.on('grant.success', (ctx: { req: IncomingMessage }) => log.issued(ctx.req));
  const handle = compose([log.layer, ...quirks, interactions(provider), providerLayer(provider)]);
  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Bundled server error: ${(error as Error).message}`);
    });
  });
  return {
    issuer,
    port: actualPort,
    provider,
    requests: log.requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function createProvider(issuer: string, app?: BundledServerOptions['app']): Provider {
  const { chrome, firefox } = extensionRedirectUris();
  const client = (clientId: string, clientAuth: ClientAuthMethod, clientSecret?: string): ClientMetadata => ({
    client_id: clientId,
    ...(clientSecret ? { client_secret: clientSecret } : {}),
    redirect_uris: [chrome, firefox, ...(app && clientAuth === 'none' ? [app.redirectUri] : [])],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: clientAuth,
  });
  const provider = new Provider(issuer, {
    clients: [
      client(DEMO_CLIENTS.basic.clientId, DEMO_CLIENTS.basic.clientAuth, DEMO_CLIENTS.basic.clientSecret),
      client(DEMO_CLIENTS.post.clientId, DEMO_CLIENTS.post.clientAuth, DEMO_CLIENTS.post.clientSecret),
      client(DEMO_CLIENTS.public.clientId, DEMO_CLIENTS.public.clientAuth),
      client(DEMO_CLIENTS.postOnly.clientId, DEMO_CLIENTS.postOnly.clientAuth, DEMO_CLIENTS.postOnly.clientSecret),
    ],
    // A fresh signing key per start: nothing outlives the process, and no dev-only key warning.
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'bundled', use: 'sig' }] },
    // oidc-provider's default asks PKCE of public clients only; the demo asks it of all.
    pkce: { required: () => true },
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      // A client may introspect the tokens issued to it, and only those.
      introspection: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
    },
    // The quirk layers recognise token requests by this path, the request log authorization requests by theirs.
    routes: { authorization: AUTHORIZATION_ENDPOINT_PATH, token: TOKEN_ENDPOINT_PATH },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = ACCOUNTS[sub];
      return account && { accountId: sub, claims: () => ({ sub, email: account.email, name: account.name }) };
    },
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    // Lifetimes in seconds, short like real providers': a code lives a minute (RFC 6749 §4.1.2 advises ≤ 10 min).
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 3600,
      IdToken: 3600,
      RefreshToken: 14 * 24 * 3600,
      Interaction: 3600,
      Session: 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    cookies: { keys: ['bundled-server-only-cookie-key'] },
    // Extension pages and workers send Origin: chrome-extension://… or moz-extension://…
    clientBasedCORS: (_ctx, origin) => /^(chrome|moz)-extension:\/\//.test(origin) || origin === app?.origin,
    // Without this the provider drops offline_access unless prompt=consent, silently.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  });
  return provider;
}

function providerLayer(provider: Provider): Layer {
  const callback = provider.callback();
  return (req, res) => Promise.resolve(callback(req, res));
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
