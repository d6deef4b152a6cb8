import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { hostsForRun, type FlowProfile, type FlowRun } from '../../src/core';
import type { RunPlan } from '../../src/messages';
import { App } from '../../src/popup/App';
import { background } from './fake-background';
import { renderWith } from './render-with';

const REDIRECT = 'https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/';
const up = { ping: async () => ({ version: '0.1.0', redirectUri: REDIRECT }), lastFlow: async () => null, listProfiles: async () => [], listErrors: async () => [] };

/** The plan the background makes for a profile, with the hosts already granted marked held. */
const planFor = (held: string[]) => async ({ profile }: { profile: FlowProfile }): Promise<RunPlan> => ({
  tokenRequestsAs: 'server',
  endpointsKnown: true,
  hosts: hostsForRun(profile).map((host) => ({ ...host, held: held.includes(host.permission) })),
});

function run(profile: FlowProfile, overrides: Partial<FlowRun> = {}): FlowRun {
  return { id: 'r1', profileName: profile.name, startedAt: '2026-11-30T10:00:00.000Z', status: 'succeeded', redirectUri: REDIRECT, clientAuth: profile.clientAuth, exchanges: [], ...overrides };
}

afterEach(cleanup);

async function openFlow() {
  fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
  await screen.findByTestId('run-hosts');
}

describe('Run asks for the hosts it needs, from the click', () => {
  it('says beforehand which host and why, then sends the run and asks the browser in the same click', async () => {
    const asked: string[][] = [];
    const { ask, sent } = background({ ...up, planRun: planFor([]), runFlow: async ({ profile }) => run(profile) });
    renderWith(<App />, { ask, requestHosts: async (hosts) => (asked.push(hosts), true) });
    await openFlow();
    expect(screen.getByTestId('run-hosts').textContent).toMatch(/Run will first ask to reach 127\.0\.0\.1.*without an Origin header/);

    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    // Both leave within the click: the background waits for the answer, even if the popup is closed under the prompt.
    expect(asked).toEqual([['http://127.0.0.1/*']]);
    expect(sent.find((m) => m.type === 'runFlow')?.payload).toMatchObject({ hosts: ['http://127.0.0.1/*'] });
    await screen.findByTestId('flow-result');
    expect(sent.some((m) => m.type === 'declineHosts')).toBe(false);
  });

  it('a "no" at the prompt tells the background, which stops the run before anything is requested', async () => {
    const { ask, sent } = background({ ...up, planRun: planFor([]), runFlow: () => new Promise(() => {}), declineHosts: async () => null });
    renderWith(<App />, { ask, requestHosts: async () => false });
    await openFlow();
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(screen.getByRole('button', { name: 'Waiting for permission…' })).toBeTruthy();
    await waitFor(() => expect(sent.some((m) => m.type === 'declineHosts')).toBe(true));
  });

  it('asks for nothing when every host is held already', async () => {
    const asked: string[][] = [];
    const { ask, sent } = background({ ...up, planRun: planFor(['http://127.0.0.1/*']), runFlow: async ({ profile }) => run(profile) });
    renderWith(<App />, { ask, requestHosts: async (hosts) => (asked.push(hosts), true) });
    fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
    await waitFor(() => expect(sent.some((m) => m.type === 'planRun')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('run-hosts')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await screen.findByTestId('flow-result');
    expect(asked).toEqual([]);
    expect(sent.find((m) => m.type === 'runFlow')?.payload).toMatchObject({ hosts: [] });
  });

  it('a plan made before the last edit is not used: the click asks for the hosts the profile names now', async () => {
    const asked: string[][] = [];
    const { ask, sent } = background({ ...up, planRun: planFor(['http://127.0.0.1/*']), runFlow: async ({ profile }) => run(profile) });
    renderWith(<App />, { ask, requestHosts: async (hosts) => (asked.push(hosts), true) });
    fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
    await waitFor(() => expect(sent.some((m) => m.type === 'planRun')).toBe(true));
    fireEvent.input(screen.getByLabelText('Issuer'), { target: { value: 'https://login.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(asked).toEqual([['https://login.example.com/*']]);
  });

  it('before the plan is known, asks for every host the profile names (a granted one costs no prompt)', async () => {
    const asked: string[][] = [];
    const { ask } = background({ ...up, planRun: () => new Promise(() => {}), runFlow: async ({ profile }) => run(profile) });
    renderWith(<App />, { ask, requestHosts: async (hosts) => (asked.push(hosts), true) });
    fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(asked).toEqual([['http://127.0.0.1/*']]);
  });
});

describe('a run waiting for permission, seen when the popup reopens', () => {
  const waiting = (profile: FlowProfile) =>
    run(profile, { status: 'running', awaitingHosts: { permissions: ['https://github.com/*'], until: '2026-11-30T10:05:00.000Z', profile } });

  it('names the host, asks again from Allow, and Cancel stops the run', async () => {
    const asked: string[][] = [];
    const profile = { name: 'GitHub', clientAuth: 'client_secret_post' } as FlowProfile;
    const { ask, sent } = background({ ...up, planRun: planFor([]), lastFlow: async () => waiting(profile), declineHosts: async () => null });
    renderWith(<App />, { ask, requestHosts: async (hosts) => (asked.push(hosts), true) });
    fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
    const box = await screen.findByTestId('awaiting-hosts');
    expect(box.textContent).toContain('waits for permission to reach github.com');
    fireEvent.click(screen.getByRole('button', { name: 'Allow' }));
    expect(asked).toEqual([['https://github.com/*']]);
    expect(await screen.findByText('Allowed: the run goes on.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    await waitFor(() => expect(sent.some((m) => m.type === 'declineHosts')).toBe(true));
  });
});

describe('the Token requests setting', () => {
  it('defaults by client authentication and is sent with the profile when chosen', async () => {
    const { ask, sent } = background({ ...up, planRun: planFor(['http://127.0.0.1/*']), runFlow: async ({ profile }) => run(profile) });
    renderWith(<App />, { ask, requestHosts: async () => true });
    fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
    const select = screen.getByLabelText(/Token requests/) as HTMLSelectElement;
    expect(select.options[0]!.textContent).toBe('default: as a server (no Origin header)');
    fireEvent.change(screen.getByLabelText('Client authentication'), { target: { value: 'none' } });
    expect((screen.getByLabelText(/Token requests/) as HTMLSelectElement).options[0]!.textContent).toBe('default: as a browser app (with Origin)');
    fireEvent.change(select, { target: { value: 'server' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(sent.find((m) => m.type === 'runFlow')?.payload).toMatchObject({ profile: { clientAuth: 'none', tokenRequestsAs: 'server' } }));
  });

  it('editing the provider’s URLs drops a preset’s knowledge that it answers extension origins by CORS', async () => {
    const { ask, sent } = background({ ...up, planRun: planFor([]), runFlow: async ({ profile }) => run(profile) });
    renderWith(<App />, { ask, requestHosts: async () => true });
    fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
    fireEvent.input(screen.getByLabelText('Issuer'), { target: { value: 'https://other.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(sent.find((m) => m.type === 'runFlow')).toBeTruthy());
    expect((sent.find((m) => m.type === 'runFlow')!.payload as { profile: FlowProfile }).profile).not.toHaveProperty('corsAllowsExtensions');
  });
});
