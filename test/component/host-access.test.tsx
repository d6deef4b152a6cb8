import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowRun } from '../../src/core';
import { Failure } from '../../src/messages';
import { FlowResult } from '../../src/popup/FlowResult';
import { FlowView } from '../../src/popup/FlowView';
import { HostAccess } from '../../src/popup/HostAccess';
import { background } from './fake-background';
import { renderWith } from './render-with';

afterEach(cleanup);

const NO_ANSWER = 'https://api.freeagent.com/v2/token_endpoint';

describe('Host access', () => {
  it('offers to ask for the host a request got no answer from, and says what came of it', async () => {
    const asked: string[][] = [];
    renderWith(<HostAccess url={NO_ANSWER} />, { requestHosts: async (urls) => (asked.push(urls), true) });
    fireEvent.click(screen.getByRole('button', { name: 'Allow OAuth Lens to reach api.freeagent.com' }));
    expect(await screen.findByText('Access to api.freeagent.com granted: run it again.')).toBeTruthy();
    expect(asked).toEqual([['https://api.freeagent.com/v2/token_endpoint']]);
  });

  it('stays away when the request was answered', () => {
    renderWith(<HostAccess url={undefined} />, { requestHosts: async () => true });
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('an action that failed', () => {
  const run: FlowRun = {
    id: 'r1',
    profileName: 'GitHub',
    startedAt: '2026-11-30T10:00:00.000Z',
    status: 'succeeded',
    redirectUri: 'https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/',
    clientAuth: 'client_secret_post',
    exchanges: [
      {
        at: '2026-11-30T10:00:01.000Z',
        request: { method: 'POST', url: NO_ANSWER, headers: {}, body: 'grant_type=authorization_code&code=c0de' },
        response: { status: 200, headers: {}, body: '{}' },
        context: { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_post' },
      },
    ],
  };

  it('offers the host by the failure’s code, for the URL it names', async () => {
    const { ask } = background({ exchangeAgain: () => Promise.reject(new Failure('host_permission_missing', 'The answer was hidden by CORS.', NO_ANSWER)) });
    renderWith(<FlowResult run={run} onRun={() => {}} />, { ask, requestHosts: async () => true });
    fireEvent.click(screen.getByRole('button', { name: 'Exchange again' }));
    expect(await screen.findByText('The answer was hidden by CORS.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Allow OAuth Lens to reach api.freeagent.com' })).toBeTruthy();
  });

  it('offers nothing for a failure a host permission cannot help', async () => {
    const { ask } = background({ exchangeAgain: () => Promise.reject(new Failure('unreachable', 'Nothing answers at api.freeagent.com.', NO_ANSWER)) });
    renderWith(<FlowResult run={run} onRun={() => {}} />, { ask, requestHosts: async () => true });
    fireEvent.click(screen.getByRole('button', { name: 'Exchange again' }));
    expect(await screen.findByText('Nothing answers at api.freeagent.com.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Allow OAuth Lens/ })).toBeNull();
  });

  it('Check discovery whose answer was hidden offers the issuer\'s host, as Run does', async () => {
    const discovery = 'https://accounts.example.com/.well-known/openid-configuration';
    const { ask } = background({
      lastFlow: async () => null,
      listProfiles: async () => [],
      planRun: () => new Promise(() => {}),
      discover: () => Promise.reject(new Failure('host_permission_missing', 'Discovery was sent, but the browser hid the answer.', discovery)),
    });
    renderWith(<FlowView redirectUri={undefined} />, { ask, requestHosts: async () => true });
    fireEvent.input(screen.getByLabelText('Issuer'), { target: { value: 'https://accounts.example.com' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Check discovery' }));
    expect(await screen.findByText('Discovery was sent, but the browser hid the answer.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Allow OAuth Lens to reach accounts.example.com' })).toBeTruthy();
  });
});
