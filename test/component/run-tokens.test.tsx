import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowRun } from '../../src/core';
import { App } from '../../src/popup/App';
import { background } from './fake-background';
import { renderWith } from './render-with';

afterEach(cleanup);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
// OIDC Core §A.2's ID token claims, unsigned (only the claims matter here).
const CLAIMS = { iss: 'https://server.example.com', sub: '24400320', aud: 's6BhdRkqt3', nonce: 'n-0S6_WzA2Mj', exp: 1311281970, iat: 1311280970 };
const ID_TOKEN = `${b64({ alg: 'none' })}.${b64(CLAIMS)}.`;
const RUN: FlowRun = {
  id: 'r1',
  profileName: 'Bundled demo',
  startedAt: new Date(Date.now() - 5000).toISOString(),
  finishedAt: new Date().toISOString(),
  status: 'succeeded',
  redirectUri: 'https://client.example.com/cb',
  clientAuth: 'client_secret_basic',
  exchanges: [{ at: new Date(Date.now() - 1000).toISOString(), context: { step: 'token', clientAuth: 'client_secret_basic' }, request: { method: 'POST', url: 'https://server.example.com/token' }, response: { status: 200, headers: {}, body: '{}' } }],
  tokens: { access_token: '2YotnFZFEjr1zCsicMWpAA', token_type: 'Bearer', expires_in: 3600, refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA', id_token: ID_TOKEN },
};

function open(run: FlowRun) {
  const copied: string[] = [];
  const { ask } = background({ ping: async () => ({ version: '0.1.0', redirectUri: 'x' }), lastFlow: async () => run, listProfiles: async () => [], listErrors: async () => [] });
  renderWith(<App />, { ask, copy: async (text) => void copied.push(text) });
  return copied;
}

describe("a run's tokens, usable", () => {
  it('copies the access token as itself and as an Authorization line; shows the ID token decoded; counts down the expiry', async () => {
    const copied = open(RUN);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy as Authorization' }));
    await waitFor(() => expect(copied).toEqual(['Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA']));
    fireEvent.click(document.querySelector('[data-copy-token=access_token]')!);
    await waitFor(() => expect(copied.at(-1)).toBe('2YotnFZFEjr1zCsicMWpAA'));
    expect(JSON.parse(screen.getByTestId('id-token-claims').textContent!)).toEqual(CLAIMS);
    expect(screen.getByTestId('expires').textContent).toMatch(/\(in 59:5\d\)/);
  });

  it('opens the ID token in Inspect, as if pasted there', async () => {
    open(RUN);
    await waitFor(() => expect(document.querySelector('[data-inspect-token=id_token]')).not.toBeNull());
    fireEvent.click(document.querySelector('[data-inspect-token=id_token]')!);
    await waitFor(() => expect(screen.getByRole('tab', { selected: true }).dataset.tab).toBe('inspect'));
    expect((screen.getByLabelText('Token, token response, header or cookie') as HTMLTextAreaElement).value).toBe(ID_TOKEN);
  });

  it('a revoked access token shows as revoked', async () => {
    const revoked: FlowRun = {
      ...RUN,
      exchanges: [...RUN.exchanges, { at: new Date().toISOString(), context: { step: 'revoke', clientAuth: 'client_secret_basic' }, request: { method: 'POST', url: 'https://server.example.com/revoke', body: 'token=x&token_type_hint=access_token' }, response: { status: 200, headers: {}, body: '' } }],
    };
    open(revoked);
    await waitFor(() => expect(document.querySelector('[data-token=access_token]')?.getAttribute('data-state')).toBe('revoked'));
    expect(document.querySelector('[data-token=access_token] .badge')?.textContent).toBe('revoked');
  });
});
