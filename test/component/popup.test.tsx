import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowProfile, FlowRun } from '../../src/core';
import { App } from '../../src/popup/App';
import { background } from './fake-background';
import { renderWith } from './render-with';

const REDIRECT = 'https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/';
// RFC 6749 §5.1's example token response.
const TOKENS = { access_token: '2YotnFZFEjr1zCsicMWpAA', token_type: 'example', expires_in: 3600, refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA' };

const up = { ping: async () => ({ version: '0.1.0', redirectUri: REDIRECT }), lastFlow: async () => null };

function finished(profile: FlowProfile, overrides: Partial<FlowRun>): FlowRun {
  return {
    id: 'r1',
    profileName: profile.name,
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:00:02.000Z',
    status: 'succeeded',
    redirectUri: REDIRECT,
    clientAuth: profile.clientAuth,
    exchanges: [],
    ...overrides,
  };
}

afterEach(cleanup);

describe('popup', () => {
  it('shows the background version and the redirect URI', async () => {
    renderWith(<App />, { ask: background(up).ask });
    expect(await screen.findByText('background v0.1.0')).toBeTruthy();
    expect(screen.getByTestId('redirect-uri').textContent).toBe(REDIRECT);
  });

  it('says so when the background does not answer, instead of showing a blank page', async () => {
    renderWith(<App />, { ask: background({ lastFlow: up.lastFlow }).ask });
    expect(await screen.findByText('background unavailable: no answer for ping')).toBeTruthy();
    expect(screen.getByLabelText('Token, token response, header or cookie')).toBeTruthy();
  });

  it('runs the edited profile and shows the token masked, with each exchange', async () => {
    const { ask, sent } = background({
      ...up,
      runFlow: async ({ profile }) =>
        finished(profile, {
          tokens: TOKENS,
          exchanges: [
            {
              request: { method: 'POST', url: 'http://127.0.0.1:9999/token' },
              response: { status: 200, headers: {}, body: '' },
              at: '2026-11-22T10:00:01.000Z',
              context: { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_basic' },
            },
          ],
        }),
    });
    renderWith(<App />, { ask });
    fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
    fireEvent.input(screen.getByLabelText('Issuer'), { target: { value: 'http://127.0.0.1:9999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));

    const shown = await screen.findByTestId('access-token');
    expect(shown.textContent).toBe('•••• (22 chars)');
    expect(document.body.textContent).not.toContain(TOKENS.access_token);
    await waitFor(() => expect(screen.getByTestId('flow-result').querySelector('summary code')?.textContent).toBe('POST http://127.0.0.1:9999/token'));
    const run = sent.find((m) => m.type === 'runFlow')!.payload as { profile: FlowProfile };
    expect(run.profile).toMatchObject({ issuer: 'http://127.0.0.1:9999', clientId: 'demo-basic', pkce: 'S256' });
  });

  it('names the stage and the reason when a flow fails', async () => {
    const { ask } = background({
      ...up,
      runFlow: async ({ profile }) =>
        finished(profile, { status: 'failed', failure: { stage: 'authorize', message: 'The user did not approve access.' } }),
    });
    renderWith(<App />, { ask });
    fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Failed at authorize: The user did not approve access.');
  });

  it('shows the last run, which may have finished while the popup was closed', async () => {
    const { ask } = background({ ...up, lastFlow: async () => finished({ name: 'Bundled demo server', clientAuth: 'none' } as FlowProfile, { tokens: TOKENS }) });
    renderWith(<App />, { ask });
    await waitFor(() => expect(screen.getByTestId('flow-result').dataset.status).toBe('succeeded'));
  });
});
