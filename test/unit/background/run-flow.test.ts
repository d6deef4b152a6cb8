import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledDemoProfile, DEMO_CLIENTS, type ErrorEntry, type FlowProfile, type FlowRun } from '../../../src/core';
import { extensionRedirectUris } from '../../../scripts/extension-identity';
import { startBundledServer, type BundledServer } from '../../server/bundled-server';
import { signInOverHttp } from '../../server/obtain-code';
import type { CodeUse, FlowEnvironment } from '../../../src/background/flow-environment';
import type { PermissionAnswer } from '../../../src/background/permission-gate';

// The flow runner is wired to the browser only through its environment: here Node's fetch
// against the real bundled server, and the sign-in window crossed over HTTP. What only a browser
// does (a prompt, CORS, the Origin header) is in the end-to-end tests; this pins the order of
// things: nothing is asked of the provider before the hosts are granted.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { runFlow } = await import('../../../src/background/run-flow');
const { exchangeAgain } = await import('../../../src/background/flow-actions');

const REDIRECT = extensionRedirectUris().chrome;

type Fake = { env: FlowEnvironment; signIns: string[]; errors: ErrorEntry[]; ledger: Map<string, CodeUse>; removedOrigin: string[] };

function environment(options: { granted: string[]; answer?: PermissionAnswer; hideAnswersFrom?: string }): Fake {
  const signIns: string[] = [];
  const errors: ErrorEntry[] = [];
  const ledger = new Map<string, CodeUse>();
  const removedOrigin: string[] = [];
  const granted = new Set(options.granted);
  const env: FlowEnvironment = {
    defaultRedirectUri: REDIRECT,
    extensionOrigin: 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp',
    launchWebAuthFlow: async (url) => (signIns.push(url), (await signInOverHttp(url, REDIRECT)).href),
    // A server that sends no CORS headers: the request goes out, the browser hides what comes back.
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (options.hideAnswersFrom && String(input).startsWith(options.hideAnswersFrom) && init?.method === 'POST') {
        await response.text();
        throw new TypeError('Failed to fetch');
      }
      return response;
    },
    hosts: {
      holds: async (permissions) => permissions.every((p) => granted.has(p)),
      wait: async (permissions) => {
        const answer = options.answer ?? 'granted';
        if (answer === 'granted') permissions.forEach((p) => granted.add(p));
        return answer;
      },
    },
    withoutOrigin: (url, send) => (removedOrigin.push(url), send()),
    reachable: async () => true,
    random: (n) => crypto.getRandomValues(new Uint8Array(n)),
    sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
    now: () => new Date(),
    save: async () => {},
    codeLedger: { firstSent: async (hash) => ledger.get(hash), remember: async (hash, use) => void ledger.set(hash, use) },
    recordError: async (entry) => void errors.push(entry),
    authorizeTimeoutMs: 10_000,
    authorizeHangsOnErrorPage: false,
    requestTimeoutMs: 10_000,
    hostPromptTimeoutMs: 60_000,
  };
  return { env, signIns, errors, ledger, removedOrigin };
}

describe('runFlow and the hosts it must reach', () => {
  let server: BundledServer;
  let profile: FlowProfile;
  const authorizationRequests = () => server.requests.filter((r) => r.method === 'GET' && r.path === '/auth');
  const redemptions = () => server.requests.filter((r) => r.token?.grantType === 'authorization_code');

  beforeAll(async () => {
    server = await startBundledServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server.requests.length = 0;
    profile = bundledDemoProfile(server.issuer);
  });

  it('declined at the prompt: stops before asking the provider anything', async () => {
    const fake = environment({ granted: [], answer: 'declined' });
    const run = await runFlow(profile, fake.env, ['http://127.0.0.1/*']);
    expect(run.status).toBe('failed');
    expect(run.failure).toMatchObject({ stage: 'permission', reason: 'host_access_declined' });
    expect(run.failure?.message).toContain('none was requested');
    expect(run.awaitingHosts).toBeUndefined();
    expect(fake.signIns).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it('granted while it waits: goes on, and sends its token request as a server, without Origin', async () => {
    const fake = environment({ granted: [], answer: 'granted' });
    const run = await runFlow(profile, fake.env, ['http://127.0.0.1/*']);
    expect(run.failure).toBeUndefined();
    expect(run.tokens?.access_token).toBeTruthy();
    expect(fake.removedOrigin).toEqual([`${server.issuer}/token`]);
    expect(redemptions()).toHaveLength(1);
  });

  it('a token endpoint host neither held nor asked for: no authorization request is made', async () => {
    const fake = environment({ granted: [] });
    const run = await runFlow(profile, fake.env);
    expect(run.failure).toMatchObject({ stage: 'permission', reason: 'host_access_needed', url: `${server.issuer}/token` });
    expect(fake.signIns).toEqual([]);
    expect(authorizationRequests()).toEqual([]);
  });

  it('an answer hidden by CORS: recorded as such, and the code counts as possibly redeemed from then on', async () => {
    // A public client of a provider a preset says answers extension origins by CORS: nothing is asked
    // for. Here the provider does not, after all.
    const fake = environment({ granted: [], hideAnswersFrom: `${server.issuer}/token` });
    const run = await runFlow({ ...profile, clientId: DEMO_CLIENTS.public.clientId, clientSecret: undefined, clientAuth: 'none' } as FlowProfile, fake.env);
    expect(run.failure?.reason).toBe('network_error');
    expect(run.failure?.message).toMatch(/was sent, but the browser hid the answer.*may have redeemed the code/);
    // The server did redeem it: this is the case the issue is about.
    expect(redemptions()).toEqual([expect.objectContaining({ token: { grantType: 'authorization_code', issued: true } })]);
    const hidden = run.exchanges.at(-1)!;
    expect(hidden.noResponse).toMatchObject({ kind: 'answer_hidden', hostPermission: 'http://127.0.0.1/*' });
    expect(hidden.request?.headers?.origin).toBe(fake.env.extensionOrigin);
    expect(fake.errors.at(-1)?.exchange.noResponse?.kind).toBe('answer_hidden');
    expect([...fake.ledger.values()]).toEqual([{ at: hidden.at, unread: true }]);

    // "Exchange again" knows: the same code, first sent in a request whose answer was never read.
    const readable = environment({ granted: ['http://127.0.0.1/*'] });
    for (const [hash, use] of fake.ledger) readable.ledger.set(hash, use);
    const again = (await exchangeAgain(run as FlowRun, readable.env)).exchanges.at(-1)!;
    expect(again.response.status).toBe(400);
    expect(again.context).toMatchObject({ codeFirstRedeemedAt: hidden.at, codeFirstRedeemedUnread: true });
  });
});
