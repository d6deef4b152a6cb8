import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { authorizationCodeRequest, classifyNoResponse, redactExchange, type ErrorEntry } from '../../src/core';
import { ErrorsView } from '../../src/popup/ErrorsView';
import { background } from './fake-background';
import { renderWith } from './render-with';

afterEach(cleanup);

// GitHub's token endpoint sends no CORS headers: a client_secret_post exchange from an extension
// without the host permission goes out, and the browser hides the answer.
const request = {
  ...authorizationCodeRequest(
    'https://github.com/login/oauth/access_token',
    { code: 'c0de', redirectUri: 'https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/' },
    { clientId: 'Iv1.8a61f9b3a7aba766', clientSecret: 's3cr3t', clientAuth: 'client_secret_post' },
  ),
};
const hidden: ErrorEntry = {
  id: 'n1',
  at: '2026-11-30T10:00:00.000Z',
  source: 'flow',
  exchange: redactExchange({
    request: { ...request, headers: { ...request.headers, origin: 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp' } },
    response: { status: 0, headers: {}, body: '' },
    noResponse: classifyNoResponse({ request, hostAccess: false, timedOut: false, reachable: true, browserMessage: 'Failed to fetch' }),
  }),
  history: { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_post', codeHash: 'h' },
  seen: false,
};

describe('an error without a readable answer', () => {
  it('says the code may have been redeemed, never that the server refused, and offers the missing host', async () => {
    const asked: string[][] = [];
    const { ask } = background({ listErrors: async () => [hidden], markErrorsSeen: async () => null });
    renderWith(<ErrorsView active />, { ask, requestHosts: async (hosts) => (asked.push(hosts), true) });
    fireEvent.click(await screen.findByRole('button', { expanded: false }));
    const detail = await screen.findByTestId('error-detail');
    expect(detail.textContent).toMatch(/may have redeemed the code/);
    expect(detail.textContent).not.toMatch(/server (refused|rejected)|The server says/i);
    fireEvent.click(screen.getByRole('button', { name: 'Allow OAuth Lens to reach github.com' }));
    expect(asked).toEqual([['https://github.com/login/oauth/access_token']]);
    expect(await screen.findByText('Access to github.com granted: run it again.')).toBeTruthy();
  });
});
