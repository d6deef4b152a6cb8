import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inspectToken } from '../../src/core';
import { CopyButtons } from '../../src/popup/CopyButtons';
import { InspectView } from '../../src/popup/InspectView';
import { FREEAGENT_STYLE_PADDED, RFC6749_RESPONSE, RFC7519_EXP_MS, RFC7519_JWT } from '../unit/core/fixtures';
import { renderWith } from './render-with';

afterEach(cleanup);
// The view loads its reader after the first screen; loaded here once, the view's import finds it
// ready, as the built popup does, instead of each test waiting for it to be compiled.
beforeAll(async () => {
  await import('../../src/popup/PasteResult');
});

/** Pastes, then waits for the reader, which loads after the first screen. */
async function paste(text: string, now = RFC7519_EXP_MS - 12 * 60_000) {
  renderWith(<InspectView now={() => now} />);
  fireEvent.input(screen.getByLabelText('Token, token response, header or cookie'), { target: { value: text } });
  await screen.findByTestId('paste-kind');
}

describe('Inspect view', () => {
  it('shows a JWT’s three parts in their colours, its header, claims and expiry', async () => {
    await paste(RFC7519_JWT);
    expect(screen.getByTestId('inspection').dataset.kind).toBe('jwt');
    const text = screen.getByTestId('token-text');
    expect(text.querySelector('.part-header')?.textContent).toBe(RFC7519_JWT.split('.')[0]);
    expect(text.querySelector('.part-payload')?.textContent).toBe(RFC7519_JWT.split('.')[1]);
    expect(text.querySelector('.part-signature')?.textContent).toBe(RFC7519_JWT.split('.')[2]);
    expect(JSON.parse(screen.getByTestId('jwt-header').textContent!)).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(JSON.parse(screen.getByTestId('jwt-payload').textContent!)).toMatchObject({ iss: 'joe' });
    expect(screen.getByText('(expires in 12 min)')).toBeTruthy();
  });

  it('highlights the "=" inside a FreeAgent-style token and marks URL and header unsafe', async () => {
    await paste(`Set-Cookie: FAAccessToken=${FREEAGENT_STYLE_PADDED}; Path=/`);
    const marks = [...screen.getByTestId('token-text').querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['=', '=']);
    const verdicts = Object.fromEntries(
      [...screen.getByTestId('safety').querySelectorAll('tr')].map((row) => [row.dataset.place, row.dataset.safe]),
    );
    expect(verdicts).toEqual({ url: 'false', header: 'false', cookie: 'true' });
    const warnings = [...screen.getByTestId('warnings').querySelectorAll('li')].map((li) => li.dataset.code);
    expect(warnings).toEqual(['container_extracted', 'padding_inside']);
  });

  it('shows every field of a token response, each token inspected', async () => {
    await paste(RFC6749_RESPONSE);
    const response = screen.getByTestId('token-response');
    expect(response.textContent).toContain('example_parameter');
    expect(response.textContent).toContain('example_value');
    const tokens = [...response.querySelectorAll('details summary')].map((s) => s.textContent);
    expect(tokens).toEqual(['access_token', 'refresh_token']);
    expect(response.querySelectorAll('[data-testid=inspection]')).toHaveLength(2);
  });

  it('never shows a blank page, even for broken text', async () => {
    await paste('\uD800 Bearer "\u200B"');
    expect(screen.getByTestId('warnings').textContent).toContain('lone surrogate');
  });
});

describe('Copy buttons', () => {
  it('copies the token, the header line and the URL-encoded token, and says so', async () => {
    const copied: string[] = [];
    const token = inspectToken(FREEAGENT_STYLE_PADDED).token;
    renderWith(<CopyButtons token={token} />, { copy: async (text) => void copied.push(text) });
    fireEvent.click(screen.getByRole('button', { name: 'Copy token' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy Authorization header' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy URL-encoded' }));
    expect(await screen.findByText('URL-encoded copied.')).toBeTruthy();
    expect(copied).toEqual([token, `Authorization: Bearer ${token}`, token.replace(/=/g, '%3D')]);
  });

  it('says when the clipboard refuses', async () => {
    renderWith(<CopyButtons token="abc" />, { copy: () => Promise.reject(new Error('Document is not focused.')) });
    fireEvent.click(screen.getByRole('button', { name: 'Copy token' }));
    expect(await screen.findByText('Could not copy: Document is not focused.')).toBeTruthy();
  });
});
