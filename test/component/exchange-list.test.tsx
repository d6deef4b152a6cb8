import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { redactExchange, type HttpExchange, type RecordedExchange } from '../../src/core';
import { ExchangeList } from '../../src/popup/ExchangeList';
import { renderWith } from './render-with';

afterEach(cleanup);

// RFC 6749 §4.1.3's token request and §5.1's answer.
const SENT: HttpExchange = {
  request: {
    method: 'POST',
    url: 'https://server.example.com/token',
    headers: { authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb',
  },
  response: {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': '30', 'x-ratelimit-remaining': '0' },
    body: '{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example"}',
  },
};
// As the flow runner records them: redacted once, the request as sent kept beside it.
const EXCHANGE: RecordedExchange = {
  ...redactExchange(SENT),
  at: '2026-11-22T10:00:00.000Z',
  context: { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_basic' },
  sent: SENT.request!,
};

describe('Exchange list', () => {
  it('shows requests and responses redacted, with the rate-limit headers', () => {
    renderWith(<ExchangeList exchanges={[EXCHANGE]} />, { copy: async () => {} });
    const text = document.body.textContent!;
    for (const secret of ['czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'SplxlOBeZQQYbYS6WxSbIA', '2YotnFZFEjr1zCsicMWpAA']) expect(text).not.toContain(secret);
    expect(text).toContain('client_id "s6BhdRkqt3"');
    expect(text).toContain('retry-after: 30');
  });

  it('copies as curl redacted, and with secrets only when asked', async () => {
    const copied: string[] = [];
    renderWith(<ExchangeList exchanges={[EXCHANGE]} />, { copy: async (t) => void copied.push(t) });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as curl' }));
    await screen.findByRole('button', { name: 'Copied ✓' });
    expect(copied[0]).toContain("curl -i -X POST 'https://server.example.com/token'");
    expect(copied[0]).not.toContain('SplxlOBeZQQYbYS6WxSbIA');

    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy as PHP curl' }));
    await screen.findAllByRole('button', { name: 'Copied ✓' });
    expect(copied[1]).toContain('SplxlOBeZQQYbYS6WxSbIA');
    expect(copied[1]).toContain("'authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW'");
  });
});
