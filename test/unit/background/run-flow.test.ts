import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledDemoProfile, DEMO_CLIENTS, type ErrorEntry, type FlowProfile, type FlowRun } from '../../../src/core';
import { extensionRedirectUris } from '../../../scripts/extension-identity';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { signInOverHttp } from '../../../dev/server/obtain-code';
import { wrongIss, wrongNonce, WRONG_ISSUER, WRONG_NONCE } from '../../../dev/server/quirks';
import type { FlowEnvironment } from '../../../src/background/flow-environment';
import type { EvidenceStore } from '../../../src/background/evidence-store';
import { memoryArea } from './fakes/memory-area';
import type { PermissionAnswer } from '../../../src/background/permission-gate';

// The flow runner is wired to the browser only through its environment: here Node's fetch
// against the real bundled server, and the sign-in window crossed over HTTP. What only a browser
// does (a prompt, CORS, the Origin header) is in the end-to-end tests; this pins the order of
// things: nothing is asked of the provider before the hosts are granted.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { runFlow } = await import('../../../src/background/run-flow');
const { exchangeAgain } = await import('../../../src/background/flow-actions');
const { evidenceStore } = await import('../../../src/background/evidence-store');

const REDIRECT = extensionRedirectUris().chrome;

type Fake = { env: FlowEnvironment; signIns: string[]; errors: ErrorEntry[]; evidence: EvidenceStore; removedOrigin: string[] };

function environment(options: { granted: string[]; answer?: PermissionAnswer; hideAnswersFrom?: string; alterRedirect?: (url: URL) => void; evidence?: EvidenceStore }): Fake {
  const signIns: string[] = [];
  const errors: ErrorEntry[] = [];
  const evidence = options.evidence ?? evidenceStore(memoryArea().area);
  const removedOrigin: string[] = [];
  const granted = new Set(options.granted);
  const env: FlowEnvironment = {
    defaultRedirectUri: REDIRECT,
    extensionOrigin: 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp',
    launchWebAuthFlow: async (url) => {
      signIns.push(url);
      const redirect = await signInOverHttp(url, REDIRECT);
      options.alterRedirect?.(redirect);
      return redirect.href;
    },
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
    evidence,
    recordError: async (entry) => void errors.push(entry),
    authorizeTimeoutMs: 10_000,
    authorizeHangsOnErrorPage: false,
    requestTimeoutMs: 10_000,
    hostPromptTimeoutMs: 60_000,
  };
  return { env, signIns, errors, evidence, removedOrigin };
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
    expect(Object.values((await fake.evidence.read()).codes)).toEqual([
      { issuedAt: expect.any(String), redirectUriAtAuthorization: REDIRECT, firstRedeemedAt: hidden.at, firstRedeemedUnread: true, firstRedeemedBy: 'flow' },
    ]);

    // "Exchange again" knows: the same code, first sent in a request whose answer was never read.
    const readable = environment({ granted: ['http://127.0.0.1/*'], evidence: fake.evidence });
    const again = (await exchangeAgain(run as FlowRun, readable.env)).exchanges.at(-1)!;
    expect(again.response.status).toBe(400);
    expect(again.context).toMatchObject({ codeFirstRedeemedAt: hidden.at, codeFirstRedeemedUnread: true });
  });
});

describe('runFlow checks the answers before trusting them', () => {
  let plain: BundledServer;
  let mixUp: BundledServer;
  let replayed: BundledServer;
  let noNonce: BundledServer;
  const redemptions = (server: BundledServer) => server.requests.filter((r) => r.token?.grantType === 'authorization_code');
  const granted = () => environment({ granted: ['http://127.0.0.1/*'] });

  beforeAll(async () => {
    [plain, mixUp, replayed, noNonce] = await Promise.all([
      startBundledServer(),
      startBundledServer({ quirks: [wrongIss()] }),
      startBundledServer({ quirks: [wrongNonce()] }),
      startBundledServer({ quirks: [wrongNonce('missing')] }),
    ]);
  });
  afterAll(() => Promise.all([plain, mixUp, replayed, noNonce].map((server) => server?.close())));

  it('a good answer: the iss the server advertises is its issuer, and the ID token carries the nonce sent', async () => {
    const run = await runFlow(bundledDemoProfile(plain.issuer), granted().env);
    expect(run.status).toBe('succeeded');
    expect(run.issuer).toEqual({ identifier: plain.issuer, issParameterSupported: true });
    expect(run.nonceCheck).toBe('match');
  });

  it('saves each step once, a new run each time, and stores every exchange redacted with the request as sent beside it', async () => {
    const fake = granted();
    const saved: FlowRun[] = [];
    const run = await runFlow(bundledDemoProfile(plain.issuer), { ...fake.env, save: async (r) => void saved.push(r) });
    // Start, discovery read, authorization sent, code received, token answer, settled.
    expect(saved.map((r) => [r.status, r.exchanges.length, r.pending?.exchange ? 'code' : r.pending ? 'pending' : '-'])).toEqual([
      ['running', 0, '-'],
      ['running', 1, '-'],
      ['running', 1, 'pending'],
      ['running', 1, 'code'],
      ['running', 2, 'code'],
      ['succeeded', 2, '-'],
    ]);
    expect(new Set(saved).size).toBe(saved.length);
    expect(saved.at(-1)).toBe(run);
    const token = run.exchanges[1]!;
    const sent = new URLSearchParams(token.sent!.body);
    for (const secret of [sent.get('code')!, sent.get('code_verifier')!, run.tokens!.access_token]) expect(JSON.stringify({ ...token, sent: undefined })).not.toContain(secret);
    expect(token.request?.body).toContain('code_verifier=');
  });

  it('an iss naming another server (RFC 9207): fails before the code is redeemed, naming both (mix-up)', async () => {
    const run = await runFlow(bundledDemoProfile(mixUp.issuer), granted().env);
    expect(run.status).toBe('failed');
    expect(run.failure).toMatchObject({ stage: 'callback', reason: 'issuer_mismatch' });
    expect(run.failure?.message).toBe(
      `The authorization response names issuer ${WRONG_ISSUER}, not ${mixUp.issuer} (RFC 9207 §2.4: they must be the same string). It may come from another authorization server than the one this run asked (a mix-up attack), so its code was not redeemed.`,
    );
    expect(redemptions(mixUp)).toEqual([]);
    expect(run.tokens).toBeUndefined();
    // What was recorded stays: the discovery read.
    expect(run.exchanges.map((e) => e.context.step)).toEqual(['discovery']);
  });

  it('no iss though the server advertises authorization_response_iss_parameter_supported: fails as well', async () => {
    const fake = environment({ granted: ['http://127.0.0.1/*'], alterRedirect: (url) => url.searchParams.delete('iss') });
    const run = await runFlow(bundledDemoProfile(plain.issuer), fake.env);
    expect(run.failure).toMatchObject({ stage: 'callback', reason: 'issuer_mismatch' });
    expect(run.failure?.message).toContain(`carries no iss, though ${plain.issuer} advertises authorization_response_iss_parameter_supported`);
  });

  it('a wrong iss from a server whose discovery was not read (the profile names issuer and endpoints): compared with the profile’s issuer', async () => {
    const profile = { ...bundledDemoProfile(mixUp.issuer), authorizationEndpoint: `${mixUp.issuer}/auth`, tokenEndpoint: `${mixUp.issuer}/token` };
    const run = await runFlow(profile, granted().env);
    expect(run.issuer).toEqual({ identifier: mixUp.issuer });
    expect(run.failure).toMatchObject({ reason: 'issuer_mismatch' });
    expect(run.exchanges).toEqual([]);
  });

  it('without any issuer to compare with, an iss is no reason to fail', async () => {
    const { issuer: _none, ...profile } = { ...bundledDemoProfile(mixUp.issuer), authorizationEndpoint: `${mixUp.issuer}/auth`, tokenEndpoint: `${mixUp.issuer}/token` };
    const run = await runFlow(profile, granted().env);
    expect(run.status).toBe('succeeded');
    expect(run.issuer).toBeUndefined();
  });

  it('a sign-in that ends at another origin or path than the redirect URI sent: its code is not read', async () => {
    for (const [alter, differs] of [
      [(url: URL) => (url.hostname = 'evil.example'), 'origin'],
      [(url: URL) => (url.pathname = '/elsewhere'), 'path'],
    ] as const) {
      const before = redemptions(plain).length;
      const run = await runFlow(bundledDemoProfile(plain.issuer), environment({ granted: ['http://127.0.0.1/*'], alterRedirect: alter }).env);
      expect(run.failure).toMatchObject({ stage: 'callback', reason: 'redirect_mismatch' });
      expect(run.failure?.message).toContain(`not at the redirect URI this run sent (${REDIRECT})`);
      expect(run.failure?.message).toContain(`the ${differs} differs`);
      expect(run.failure?.message).not.toMatch(/code=/);
      expect(redemptions(plain).length).toBe(before);
    }
  });

  it('an ID token with another nonce: fails, keeps the exchange, and does not keep its tokens as the run’s', async () => {
    const run = await runFlow(bundledDemoProfile(replayed.issuer), granted().env);
    expect(run.status).toBe('failed');
    expect(run.failure).toMatchObject({ stage: 'token', reason: 'nonce_mismatch' });
    expect(run.failure?.message).toMatch(new RegExp(`^The ID token's nonce \\(${WRONG_NONCE}\\) is not the one this run sent \\([\\w-]{20,}\\)`));
    expect(run.failure?.message).toContain('the tokens in this answer are not used');
    expect(run.nonceCheck).toBe('mismatch');
    expect(run.tokens).toBeUndefined();
    const redemption = run.exchanges.at(-1)!;
    expect(redemption.context.grantType).toBe('authorization_code');
    expect(redemption.response.status).toBe(200);
    expect(run.pending).toBeUndefined();
  });

  it('an ID token without a nonce, when one was sent: fails the same way', async () => {
    const run = await runFlow(bundledDemoProfile(noNonce.issuer), granted().env);
    expect(run.failure).toMatchObject({ stage: 'token', reason: 'nonce_mismatch' });
    expect(run.failure?.message).toMatch(/^The ID token carries no nonce, though this run sent one/);
    expect(run.nonceCheck).toBe('missing');
    expect(run.tokens).toBeUndefined();
  });

  it('no nonce is checked when none was sent (no openid scope)', async () => {
    const run = await runFlow({ ...bundledDemoProfile(replayed.issuer), scope: 'email' }, granted().env);
    expect(run.status).toBe('succeeded');
    expect(run.nonceCheck).toBeUndefined();
  });
});
