import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { redactExchange, type ErrorEntry } from '../../src/core';
import { ErrorsView } from '../../src/popup/ErrorsView';
import { RetryCountdown } from '../../src/popup/RetryCountdown';
import { background } from './fake-background';
import { renderWith } from './render-with';

afterEach(cleanup);

const SECRET = 'gX1fBat3bV';
const CODE = 'SplxlOBeZQQYbYS6WxSbIA';
// RFC 6749 §4.1.3's example request, its Basic header carrying client s6BhdRkqt3 and the secret above.
const reused: ErrorEntry = {
  id: 'e1',
  at: '2026-11-22T14:02:15.000Z',
  source: 'flow',
  exchange: redactExchange({
    request: {
      method: 'POST',
      url: 'https://server.example.com/token',
      headers: { Authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=authorization_code&code=${CODE}&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb`,
    },
    response: { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Application"' }, body: 'HTTP Basic: Access denied.\n' },
  }),
  history: { step: 'token', grantType: 'authorization_code', codeHash: 'h', codeFirstRedeemedAt: '2026-11-22T14:02:11.000Z' },
  seen: false,
};
const mismatch: ErrorEntry = {
  id: 'e2',
  at: '2026-11-22T14:01:00.000Z',
  source: 'flow',
  exchange: { request: { method: 'POST', url: 'https://server.example.com/token' }, response: { status: 400, headers: {}, body: '{"error":"invalid_grant"}' } },
  history: { step: 'token', grantType: 'authorization_code', redirectUriAtAuthorization: 'https://client.example.com/cb', redirectUriAtExchange: 'https://client.example.com/cb/' },
  seen: true,
};
const limited: ErrorEntry = {
  id: 'e3',
  at: new Date(Date.now() - 10_000).toISOString(),
  source: 'flow',
  exchange: { request: { method: 'POST', url: 'https://server.example.com/token' }, response: { status: 429, headers: { 'Retry-After': '60' }, body: '' } },
  seen: true,
};

// What the watcher records in Chrome, which keeps response bodies from extensions: a refresh at Google's token endpoint.
const bodiless: ErrorEntry = {
  id: 'e4',
  at: '2026-11-22T14:03:00.000Z',
  source: 'watcher',
  exchange: {
    request: { method: 'POST', url: 'https://oauth2.googleapis.com/token', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&refresh_token=%5Bredacted%5D&client_id=my-app.apps.googleusercontent.com' },
    response: { status: 400, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '' },
  },
  bodyUnavailable: true,
  seen: true,
};

/** The error log as the background keeps it: listed, marked seen, cleared. */
function errorLog(entries: ErrorEntry[]) {
  let log = entries;
  const fake = background({
    listErrors: async () => log,
    markErrorsSeen: async () => ((log = log.map((e) => ({ ...e, seen: true }))), null),
    clearErrors: async () => ((log = []), null),
  });
  return { ask: fake.ask, types: () => fake.sent.map((message) => message.type) };
}

describe('Errors view', () => {
  it('lists errors newest first with status, host and diagnosis title, and marks them seen', async () => {
    const { ask, types } = errorLog([reused, mismatch]);
    renderWith(<ErrorsView active />, { ask });
    const rows = await screen.findAllByTestId('error-entry');
    expect(rows.map((row) => row.dataset.category)).toEqual(['code_reused', 'redirect_uri_mismatch']);
    expect(rows[0]!.textContent).toContain('401');
    expect(rows[0]!.textContent).toContain('server.example.com');
    expect(rows[0]!.textContent).toContain('Authorization code already used');
    expect(within(rows[0]!).getByText('new')).toBeTruthy();
    await waitFor(() => expect(types()).toContain('markErrorsSeen'));
  });

  it('does not ask for anything while its tab is hidden', () => {
    const { ask, types } = errorLog([reused]);
    renderWith(<ErrorsView active={false} />, { ask });
    expect(types()).toEqual([]);
  });

  it('opens an error to its explanation, evidence, fixes and redacted exchange', async () => {
    const { ask } = errorLog([reused]);
    renderWith(<ErrorsView active />, { ask });
    fireEvent.click(await screen.findByRole('button', { name: /Authorization code already used/ }));
    const detail = screen.getByTestId('error-detail');
    // Shown in local time like every time in the views; the text itself says UTC (the copied report keeps it).
    const explanation = within(detail).getByTestId('explanation');
    expect(explanation.textContent).toContain(`This code was already exchanged at ${new Date('2026-11-22T14:02:11Z').toLocaleString()}`);
    expect(explanation.querySelector('time')!.title).toBe('2026-11-22 14:02:11 UTC\n2026-11-22T14:02:11Z');
    expect(detail.textContent).toContain('How to fix');
    expect(within(detail).getByTestId('error-response').textContent).toContain('HTTP Basic: Access denied.');
    expect(detail.textContent).not.toContain(SECRET);
    expect(detail.textContent).not.toContain(CODE);
  });

  it('shows the two redirect URIs and names the trailing slash', async () => {
    const { ask } = errorLog([mismatch]);
    renderWith(<ErrorsView active />, { ask });
    fireEvent.click(await screen.findByRole('button', { name: /redirect_uri does not match/ }));
    const diff = screen.getByTestId('redirect-diff');
    expect(diff.textContent).toContain('https://client.example.com/cb/');
    expect(diff.querySelector('[data-part=trailing_slash]')).not.toBeNull();
  });

  it('counts down to Retry-After from when the response came', async () => {
    const { ask } = errorLog([limited]);
    renderWith(<ErrorsView active />, { ask });
    fireEvent.click(await screen.findByRole('button', { name: /Rate limited/ }));
    const left = Number(screen.getByTestId('retry-countdown').dataset.secondsLeft);
    expect(left).toBeGreaterThan(40);
    expect(left).toBeLessThanOrEqual(50);
  });

  it('copies a Markdown report without the secret or the code', async () => {
    const { ask } = errorLog([reused]);
    const copied: string[] = [];
    renderWith(<ErrorsView active />, { ask, copy: async (text) => void copied.push(text) });
    fireEvent.click(await screen.findByRole('button', { name: /Authorization code already used/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await screen.findByText('Report copied (secrets redacted).');
    expect(copied[0]).toMatch(/^## OAuth error: Authorization code already used/);
    expect(copied[0]).toContain('- **Status:** 401');
    expect(copied[0]).toContain('client_id "s6BhdRkqt3"');
    expect(copied[0]).not.toContain(SECRET);
    expect(copied[0]).not.toContain(CODE);
  });

  it('judges a body the browser kept from the watcher once it is pasted, redacted and not stored', async () => {
    const { ask, types } = errorLog([bodiless]);
    renderWith(<ErrorsView active />, { ask });
    const row = await screen.findByTestId('error-entry');
    fireEvent.click(within(row).getAllByRole('button')[0]!);
    expect(screen.getByTestId('explanation').textContent).toContain('status and headers alone');
    expect(row.dataset.category).not.toBe('token_revoked');
    // Google's answer to a revoked refresh token (https://developers.google.com/identity/protocols/oauth2#expiration).
    // Beside the list in a wide view, in it in a narrow one.
    fireEvent.input(screen.getByRole('textbox', { name: /Response body/ }), {
      target: { value: '{"error":"invalid_grant","error_description":"Token has been expired or revoked.","access_token":"ya29.a0-should-not-show"}' },
    });
    expect(screen.getByTestId('explanation').textContent).not.toContain('status and headers alone');
    expect(screen.getByTestId('error-response').textContent).toContain('Token has been expired or revoked.');
    expect(screen.getByTestId('error-response').textContent).not.toContain('ya29.a0-should-not-show');
    expect(row.dataset.category).toBe('token_revoked');
    expect(types()).not.toContain('recordError');
  });

  it('clears the list', async () => {
    const { ask, types } = errorLog([reused, mismatch]);
    renderWith(<ErrorsView active />, { ask });
    fireEvent.click(await screen.findByRole('button', { name: 'Clear' }));
    await screen.findByTestId('no-errors');
    expect(types()).toContain('clearErrors');
  });

  it('explains a pasted curl -i transcript, and says clearly when nothing can be read', async () => {
    const { ask } = errorLog([]);
    renderWith(<ErrorsView active />, { ask });
    const box = screen.getByRole('textbox', { name: /Explain a response/ });
    fireEvent.input(box, { target: { value: 'HTTP/2 429\nretry-after: 30\ncontent-type: application/json\n\n{"message":"slow down"}' } });
    expect(screen.getByTestId('explanation').textContent).toContain('Too many requests');
    expect(screen.getByTestId('retry-countdown').textContent).toContain('30');
    fireEvent.input(box, { target: { value: 'hello' } });
    expect(screen.getByRole('alert').textContent?.length).toBeGreaterThan(10);
  });
});

describe('Retry countdown', () => {
  it('says retry is possible once the time has passed', () => {
    render(<RetryCountdown seconds={5} from="2026-11-22T10:00:00Z" now={() => Date.parse('2026-11-22T10:00:06Z')} />);
    expect(screen.getByTestId('retry-countdown').textContent).toContain('you can retry now');
  });
});
