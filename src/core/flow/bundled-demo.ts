import type { FlowProfile } from './flow-profile';

/**
 * The bundled authorization server (dev/server) and its demo client. The port is fixed so
 * that this preset works the moment `npm start` has run; the secret guards nothing but a
 * throw-away server on 127.0.0.1.
 */
export const BUNDLED_DEMO_PORT = 4455;
export const BUNDLED_DEMO_ISSUER = `http://127.0.0.1:${BUNDLED_DEMO_PORT}`;

export const DEMO_CLIENTS = {
  basic: { clientId: 'demo-basic', clientSecret: 'demo-basic-secret', clientAuth: 'client_secret_basic' },
  post: { clientId: 'demo-post', clientSecret: 'demo-post-secret', clientAuth: 'client_secret_post' },
  public: { clientId: 'demo-public', clientAuth: 'none' },
  /** Refused with HTTP Basic when the server runs with the `post-only` quirk (dev/server/quirks). */
  postOnly: { clientId: 'demo-post-only', clientSecret: 'demo-post-only-secret', clientAuth: 'client_secret_post' },
} as const;

export const DEMO_ACCOUNT = { login: 'demo', password: 'demo' } as const;

export function bundledDemoProfile(issuer: string = BUNDLED_DEMO_ISSUER): FlowProfile {
  return {
    name: 'Bundled demo server',
    issuer,
    clientId: DEMO_CLIENTS.basic.clientId,
    clientSecret: DEMO_CLIENTS.basic.clientSecret,
    clientAuth: DEMO_CLIENTS.basic.clientAuth,
    scope: 'openid email',
    pkce: 'S256',
    // Its clientBasedCORS answers chrome-extension:// and moz-extension:// origins (dev/server/bundled-server.ts).
    corsAllowsExtensions: true,
  };
}
