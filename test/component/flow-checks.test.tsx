import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { hostsForRun, parseDiscovery, type FlowProfile, type FlowRun, type ProviderMetadata } from '../../src/core';
import type { RunPlan } from '../../src/messages';
import { App } from '../../src/popup/App';
import { background } from './fake-background';
import { renderWith } from './render-with';

const REDIRECT = 'https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/';
const up = { ping: async () => ({ version: '0.1.0', redirectUri: REDIRECT }), lastFlow: async () => null, listProfiles: async () => [], listErrors: async () => [] };

/** The plan as the background makes it: hosts, and the discovery document it read, if any. */
const planWith = (metadata?: ProviderMetadata) => async ({ profile }: { profile: FlowProfile }): Promise<RunPlan> => ({
  tokenRequestsAs: 'server',
  endpointsKnown: true,
  hosts: hostsForRun(profile).map((host) => ({ ...host, held: true })),
  ...(metadata ? { metadata } : {}),
});

afterEach(cleanup);

async function openFlow() {
  fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
  await screen.findByRole('button', { name: 'Run' });
}

describe('before Run: where the profile would send its secrets', () => {
  it('shows what the plan adds below Run, so that its late arrival does not move the button', async () => {
    const { ask } = background({ ...up, planRun: async ({ profile }: { profile: FlowProfile }) => ({ ...(await planWith()({ profile })), hosts: hostsForRun(profile).map((host) => ({ ...host, held: false })) }) });
    renderWith(<App />, { ask });
    await openFlow();
    fireEvent.input(screen.getByLabelText('Token endpoint'), { target: { value: 'https://collector.attacker.example/token' } });
    const hosts = await screen.findByTestId('run-hosts');
    const warnings = screen.getByTestId('endpoint-warnings');
    const run = screen.getByRole('button', { name: 'Run' });
    for (const added of [hosts, warnings]) expect(run.compareDocumentPosition(added) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('the demo profile on 127.0.0.1 warns of nothing', async () => {
    const { ask, sent } = background({ ...up, planRun: planWith() });
    renderWith(<App />, { ask });
    await openFlow();
    await waitFor(() => expect(sent.some((m) => m.type === 'planRun')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('endpoint-warnings')).toBeNull();
  });

  it('names a token endpoint on another origin than the issuer, with its host, as soon as it is typed', async () => {
    // The plan never comes: the profile's own endpoints are judged in the popup meanwhile.
    const { ask } = background({ ...up, planRun: () => new Promise(() => {}) });
    renderWith(<App />, { ask });
    await openFlow();
    fireEvent.input(screen.getByLabelText('Issuer'), { target: { value: 'https://accounts.example.com' } });
    fireEvent.input(screen.getByLabelText('Token endpoint'), { target: { value: 'https://collector.attacker.example/token' } });
    const box = await screen.findByTestId('endpoint-warnings');
    expect(box.textContent).toContain('Check where this profile sends its secrets before running it: collector.attacker.example.');
    const item = box.querySelector('li[data-endpoint=token]')!;
    expect(item.getAttribute('data-code')).toBe('other_origin');
    expect(item.getAttribute('data-host')).toBe('collector.attacker.example');
    expect(item.textContent).toContain('the authorization code, the PKCE verifier and the client secret would go to collector.attacker.example');
    // A warning, not a refusal.
    expect((screen.getByRole('button', { name: 'Run' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('names a plain http: endpoint that is not loopback', async () => {
    const { ask } = background({ ...up, planRun: () => new Promise(() => {}) });
    renderWith(<App />, { ask });
    await openFlow();
    fireEvent.input(screen.getByLabelText('Issuer'), { target: { value: 'http://auth.intranet.example' } });
    const item = (await screen.findByTestId('endpoint-warnings')).querySelector('li[data-code=insecure_http]')!;
    expect(item.getAttribute('data-endpoint')).toBe('issuer');
    expect(item.textContent).toContain('is plain http: on auth.intranet.example, which is not loopback');
  });

  it('with the plan, also the endpoints discovery names; a host documented as the provider’s is listed apart', async () => {
    const google: ProviderMetadata = {
      issuer: 'https://accounts.google.com',
      authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
      token_endpoint: 'https://oauth2.googleapis.com/token',
      userinfo_endpoint: 'https://userinfo.elsewhere.example/me',
    };
    const { ask } = background({ ...up, planRun: planWith(google) });
    renderWith(<App />, { ask });
    await openFlow();
    fireEvent.input(screen.getByLabelText('Issuer'), { target: { value: 'https://accounts.google.com' } });
    await waitFor(() => expect(screen.getByTestId('endpoint-warnings').querySelector('details.known')).not.toBeNull(), { timeout: 2000 });
    const box = screen.getByTestId('endpoint-warnings');
    expect(box.querySelector('p.warning')?.textContent).toContain('userinfo.elsewhere.example');
    expect(box.querySelector('details.known summary')?.textContent).toBe("On other hosts of Google: oauth2.googleapis.com");
    expect(box.querySelector('details.known li[data-endpoint=token]')?.textContent).toContain("Both hosts are Google's");
  });
});

describe('on import: what the file points to', () => {
  it('names each imported profile’s endpoints on other hosts or plain http:', async () => {
    const file = JSON.stringify({
      profiles: [
        { name: 'Shared with me', issuer: 'https://accounts.example.com', tokenEndpoint: 'https://collector.attacker.example/token', clientId: 'c', clientAuth: 'client_secret_post', pkce: 'S256' },
        { name: 'Fine', issuer: 'https://as.example', clientId: 'c', clientAuth: 'none', pkce: 'S256' },
      ],
    });
    const { ask } = background({ ...up, planRun: planWith(), importProfiles: async () => ({ imported: 2, problems: [] }) });
    renderWith(<App />, { ask });
    await openFlow();
    fireEvent.input(document.querySelector('textarea[name=profilesJson]')!, { target: { value: file } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const warnings = await screen.findByTestId('import-warnings');
    expect(warnings.querySelectorAll('[data-testid=import-endpoint-warnings]')).toHaveLength(1);
    expect(warnings.textContent).toContain('Imported “Shared with me”:');
    expect(warnings.querySelector('li[data-endpoint=token]')?.getAttribute('data-host')).toBe('collector.attacker.example');
    expect(await screen.findByText('Imported 2 profiles.')).toBeTruthy();
  });

  it('an imported Microsoft profile’s Graph userinfo endpoint is listed as Microsoft’s', async () => {
    const entra = { name: 'Entra', issuer: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0', userinfoEndpoint: 'https://graph.microsoft.com/oidc/userinfo', clientId: 'c', clientAuth: 'none', pkce: 'S256' };
    const { ask } = background({ ...up, planRun: planWith(), importProfiles: async () => ({ imported: 1, problems: [] }) });
    renderWith(<App />, { ask });
    await openFlow();
    fireEvent.input(document.querySelector('textarea[name=profilesJson]')!, { target: { value: JSON.stringify({ profiles: [entra] }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const warnings = await screen.findByTestId('import-warnings');
    expect(warnings.querySelector('p.warning')).toBeNull();
    expect(warnings.querySelector('details.known summary')?.textContent).toBe('On other hosts of Microsoft Entra ID: graph.microsoft.com');
  });

  it('shows none when nothing was imported', async () => {
    const { ask } = background({ ...up, planRun: planWith(), importProfiles: async () => ({ imported: 0, problems: ['The file is not JSON.'] }) });
    renderWith(<App />, { ask });
    await openFlow();
    fireEvent.input(document.querySelector('textarea[name=profilesJson]')!, { target: { value: '{"profiles":[{"name":"x","tokenEndpoint":"http://evil.example/t"' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported 0 profiles. The file is not JSON.');
    expect(screen.queryByTestId('import-warnings')).toBeNull();
  });
});

describe('a failed check in the result', () => {
  const failedRun = (overrides: Partial<FlowRun>): FlowRun => ({
    id: 'r1',
    profileName: 'Bundled demo server',
    startedAt: '2026-11-30T10:00:00.000Z',
    finishedAt: '2026-11-30T10:00:02.000Z',
    status: 'failed',
    redirectUri: REDIRECT,
    clientAuth: 'client_secret_basic',
    exchanges: [],
    ...overrides,
  });

  it('a nonce mismatch: the failure and the check are shown, no token is', async () => {
    const message = "The ID token's nonce (replayed) is not the one this run sent (sent123) (OpenID Connect Core §3.1.3.7): the ID token may be replayed or injected, so the tokens in this answer are not used. The exchange is kept below.";
    const run = failedRun({ nonceCheck: 'mismatch', failure: { stage: 'token', reason: 'nonce_mismatch', message } });
    const { ask } = background({ ...up, lastFlow: async () => run, planRun: planWith() });
    renderWith(<App />, { ask });
    await openFlow();
    const alert = (await screen.findByTestId('flow-result')).querySelector('[role=alert]')!;
    expect(alert.getAttribute('data-reason')).toBe('nonce_mismatch');
    expect(alert.textContent).toBe(`Failed at token: ${message}`);
    const check = screen.getByTestId('nonce-check');
    expect(check.getAttribute('data-check')).toBe('mismatch');
    expect(check.className).toBe('error');
    expect(check.textContent).toBe('ID token nonce: not the one sent: the tokens were not used');
    expect(screen.queryByTestId('access-token')).toBeNull();
    expect(document.querySelector('[data-action=refresh], [data-action=userinfo], form.call-api')).toBeNull();
  });

  it('a mix-up (wrong iss) names both issuers', async () => {
    const message = 'The authorization response names issuer https://attacker.example, not http://127.0.0.1:4455 (RFC 9207 §2.4: they must be the same string). It may come from another authorization server than the one this run asked (a mix-up attack), so its code was not redeemed.';
    const { ask } = background({ ...up, lastFlow: async () => failedRun({ failure: { stage: 'callback', reason: 'issuer_mismatch', message } }), planRun: planWith() });
    renderWith(<App />, { ask });
    await openFlow();
    const alert = (await screen.findByTestId('flow-result')).querySelector('[role=alert]')!;
    expect(alert.getAttribute('data-reason')).toBe('issuer_mismatch');
    expect(alert.textContent).toContain('https://attacker.example');
  });

  it('shows the discovery fields the run went without', async () => {
    const note = 'The discovery document\'s token_endpoint_auth_methods_supported is the text "client_secret_basic", not a list of strings; it was ignored.';
    const run = failedRun({ status: 'succeeded', discoveryNotes: [note], tokens: { access_token: 'at' } });
    const { ask } = background({ ...up, lastFlow: async () => run, planRun: planWith() });
    renderWith(<App />, { ask });
    await openFlow();
    expect((await screen.findByTestId('discovery-notes')).textContent).toBe(note);
  });
});

describe('Check discovery with a field of the wrong type', () => {
  it('does not break the view when token_endpoint_auth_methods_supported is not a list', async () => {
    const metadata = { issuer: 'http://127.0.0.1:4455', authorization_endpoint: 'http://127.0.0.1:4455/auth', token_endpoint: 'http://127.0.0.1:4455/token', token_endpoint_auth_methods_supported: 'client_secret_basic' };
    const { ask } = background({ ...up, planRun: planWith(), discover: async () => ({ metadata: metadata as unknown as ProviderMetadata, notes: [] }) });
    renderWith(<App />, { ask });
    await openFlow();
    fireEvent.click(screen.getByRole('button', { name: 'Check discovery' }));
    expect((await screen.findByTestId('auth-methods')).textContent).toBe('token_endpoint_auth_methods_supported: (not stated)');
    expect(screen.getByRole('button', { name: 'Run' })).toBeTruthy();
  });

  it("names the fields the background's discovery left out for their type", async () => {
    const body = JSON.stringify({ issuer: 'http://127.0.0.1:4455', authorization_endpoint: 'http://127.0.0.1:4455/auth', token_endpoint: 'http://127.0.0.1:4455/token', token_endpoint_auth_methods_supported: 'client_secret_basic' });
    const read = parseDiscovery(body, 'http://127.0.0.1:4455');
    if (!read.ok) throw new Error(read.reason);
    expect(read.notes.length).toBeGreaterThan(0);
    const { ask } = background({ ...up, planRun: planWith(), discover: async () => ({ metadata: read.metadata, notes: read.notes }) });
    renderWith(<App />, { ask });
    await openFlow();
    fireEvent.click(screen.getByRole('button', { name: 'Check discovery' }));
    const status = await screen.findByText(/^Discovery read from http:\/\/127\.0\.0\.1:4455\./);
    for (const note of read.notes) expect(status.textContent).toContain(note);
  });
});
