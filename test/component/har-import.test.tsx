import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HarImport } from '../../src/popup/HarImport';
import { renderWith } from './render-with';

afterEach(cleanup);

// Written by Chromium while the test app redeemed one code twice (npm run record-hars).
// (happy-dom gives import.meta.url an http: URL: the path is taken from the repository's root.)
const REUSED = readFileSync(join(process.cwd(), 'test/unit/core/traffic/har-recorded/reused-code.har'), 'utf8');

describe('HAR import', () => {
  it('a pasted HAR: its OAuth requests in order, the reused code diagnosed, opened to its detail, no code shown', async () => {
    renderWith(<HarImport />, {});
    fireEvent.input(screen.getByRole('textbox', { name: 'HAR file, pasted' }), { target: { value: REUSED } });
    // The judgement arrives in a chunk of its own, loaded on first use.
    await screen.findByTestId('har-timeline', {}, { timeout: 10_000 });
    const items = screen.getAllByTestId('har-item');
    const kinds = items.map((item) => item.dataset.kind);
    expect(kinds).toContain('authorization_request');
    expect(kinds.filter((kind) => kind === 'token_request')).toHaveLength(2);
    const reused = items.find((item) => item.dataset.category === 'code_reused')!;
    fireEvent.click(reused.querySelector('button')!);
    await waitFor(() => expect(reused.querySelector('[data-testid=error-detail]')).not.toBeNull());
    const codes = [...REUSED.matchAll(/[?&]code=([A-Za-z0-9_-]{20,})/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(document.body.textContent).not.toContain(code);
  });

  it('a file cut short: the entries before the cut are listed as the whole file lists them, with a note that the rest is lost', async () => {
    renderWith(<HarImport />, {});
    fireEvent.input(screen.getByRole('textbox', { name: 'HAR file, pasted' }), { target: { value: REUSED.slice(0, Math.floor(REUSED.length * 0.8)) } });
    await screen.findByTestId('har-timeline', {}, { timeout: 10_000 });
    expect(screen.getByTestId('har-timeline').textContent).toMatch(/the file is cut short \(.*\): the \d+ entries before the cut were read, the rest is lost/);
    const items = screen.getAllByTestId('har-item');
    expect(items.length).toBeGreaterThan(0);
    // Each with its request, read from the entries the judgement read (the text is no JSON).
    for (const item of items) expect(item.querySelector('code.url')?.textContent).toMatch(/^(GET|POST) https?:\/\//);
  });

  it('a file that is no HAR says what is wrong', async () => {
    renderWith(<HarImport />, {});
    fireEvent.input(screen.getByRole('textbox', { name: 'HAR file, pasted' }), { target: { value: '{"log": {"version": "1.2"}}' } });
    expect((await screen.findByTestId('har-error', {}, { timeout: 10_000 })).textContent).toContain('its "log" has no "entries" array');
    fireEvent.input(screen.getByRole('textbox', { name: 'HAR file, pasted' }), { target: { value: '{"log": ' } });
    await waitFor(() => expect(screen.getByTestId('har-error').textContent).toMatch(/the file is cut short/));
  });
});
