import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeRun, type ErrorEntry, type FlowRun } from '../../src/core';
import { App } from '../../src/popup/App';
import type { ViewMemory, ViewState } from '../../src/shell/view-memory';
import { background } from './fake-background';
import { renderWith } from './render-with';

const REDIRECT = 'https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/';

/** One storage for every view rendered: what the background writes, each view hears of. */
function sharedStorage() {
  const listeners = new Set<(keys: string[]) => void>();
  let runs: FlowRun[] = [];
  let errors: ErrorEntry[] = [];
  let state: ViewState = {};
  const changed = (key: string) => listeners.forEach((listener) => listener([key]));
  const { ask } = background({
    ping: async () => ({ version: '0.1.0', redirectUri: REDIRECT }),
    lastFlow: async () => runs[0] ?? null,
    listRuns: async () => runs.map(summarizeRun),
    getRun: async ({ id }) => runs.find((run) => run.id === id)!,
    listProfiles: async () => [],
    listErrors: async () => errors,
    markErrorsSeen: async () => null,
  });
  const viewMemory: ViewMemory = { load: async () => state, update: async (change) => void (state = { ...state, ...change }) };
  return {
    capabilities: { ask, viewMemory, onStored: (listener: (keys: string[]) => void) => (listeners.add(listener), () => void listeners.delete(listener)) },
    saveRun: (run: FlowRun) => ((runs = [run, ...runs]), changed('flowRuns')),
    recordError: (entry: ErrorEntry) => ((errors = [entry, ...errors]), changed('errorIndex')),
    state: () => state,
    listeners,
  };
}

const RUN: FlowRun = {
  id: 'r1',
  profileName: 'Bundled demo',
  startedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: '2026-12-01T10:00:02.000Z',
  status: 'succeeded',
  redirectUri: REDIRECT,
  clientAuth: 'client_secret_basic',
  exchanges: [],
  tokens: { access_token: '2YotnFZFEjr1zCsicMWpAA', token_type: 'Bearer' },
};
const { tokens: _none, ...UNUSED_RUN } = RUN;
const FAILED: FlowRun = {
  ...UNUSED_RUN,
  id: 'r2',
  startedAt: '2026-12-01T10:05:00.000Z',
  finishedAt: '2026-12-01T10:05:01.000Z',
  status: 'failed',
  failure: { stage: 'token', message: 'invalid_grant', reason: 'token_error' },
};
const ERROR: ErrorEntry = {
  id: 'e1',
  at: '2026-12-01T10:00:03.000Z',
  source: 'watcher',
  exchange: { request: { method: 'POST', url: 'https://server.example.com/token' }, response: { status: 400, headers: {}, body: '{"error":"invalid_grant"}' } },
  seen: false,
};

afterEach(cleanup);

describe('the workspace', () => {
  it('a new user lands on Flow; the tab chosen is where the next view opens', async () => {
    const storage = sharedStorage();
    renderWith(<App />, storage.capabilities);
    await screen.findByText('background v0.1.0');
    expect(screen.getByRole('tab', { selected: true }).dataset.tab).toBe('flow');
    expect(screen.getByRole('button', { name: 'Run' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Inspect' }));
    await waitFor(() => expect(storage.state().tab).toBe('inspect'));
    cleanup();

    renderWith(<App />, storage.capabilities);
    await waitFor(() => expect(screen.getByRole('tab', { selected: true }).dataset.tab).toBe('inspect'));
  });

  it('tabs follow the WAI-ARIA pattern: arrows, Home and End move and select; one tab stop', async () => {
    renderWith(<App />, sharedStorage().capabilities);
    const flow = await screen.findByRole('tab', { name: 'Flow' });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.filter((tab) => tab.tabIndex === 0)).toEqual([flow]);
    expect(flow.getAttribute('aria-controls')).toBe('panel-flow');
    expect(document.getElementById('panel-flow')?.getAttribute('aria-labelledby')).toBe(flow.id);
    fireEvent.keyDown(flow, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { selected: true }).dataset.tab).toBe('errors');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Errors' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(screen.getByRole('tab', { selected: true }).dataset.tab).toBe('inspect');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { selected: true }).dataset.tab).toBe(tabs.at(-1)!.dataset.tab);
  });

  it('two views on one storage: a run and an error recorded elsewhere show in both at once', async () => {
    const storage = sharedStorage();
    const one = renderWith(<App />, storage.capabilities);
    const other = renderWith(<App />, storage.capabilities);
    const [first, second] = [one.container as HTMLElement, other.container as HTMLElement];
    await waitFor(() => expect(within(second).getByText('background v0.1.0')).toBeTruthy());
    storage.saveRun(RUN);
    for (const view of [first, second]) await waitFor(() => expect(view.querySelector('[data-testid=flow-result][data-status=succeeded]')).not.toBeNull());
    storage.recordError(ERROR);
    for (const view of [first, second]) await waitFor(() => expect(view.querySelector('[data-testid=unseen-errors]')?.textContent).toBe('1'));
    // Closed views stop listening.
    expect(storage.listeners.size).toBeGreaterThan(0);
    one.unmount();
    other.unmount();
    await waitFor(() => expect(storage.listeners.size).toBe(0));
  });

  it('a failed run never hides an earlier good one: both are listed, and the good one is one click away', async () => {
    const storage = sharedStorage();
    renderWith(<App />, storage.capabilities);
    await screen.findByText('background v0.1.0');
    storage.saveRun(RUN);
    await waitFor(() => expect(document.querySelector('[data-testid=flow-result][data-status=succeeded]')).not.toBeNull());
    storage.saveRun(FAILED);
    await waitFor(() => expect(document.querySelector('[data-testid=flow-result][data-status=failed]')).not.toBeNull());
    const listed = await screen.findAllByTestId('history-run');
    expect(listed.map((row) => [row.dataset.runId, row.dataset.status])).toEqual([
      ['r2', 'failed'],
      ['r1', 'succeeded'],
    ]);
    fireEvent.click(within(screen.getByTestId('earlier-good-run')).getByRole('button', { name: 'Show it' }));
    await waitFor(() => expect(document.querySelector('[data-testid=flow-result][data-status=succeeded]')).not.toBeNull());
    expect(screen.queryByTestId('earlier-good-run')).toBeNull();
    // Picked, it is where the next view opens, though a newer run exists.
    await waitFor(() => expect(storage.state().runId).toBe('r1'));
    cleanup();
    renderWith(<App />, storage.capabilities);
    await waitFor(() => expect(document.querySelector('[data-testid=flow-result]')?.getAttribute('data-status')).toBe('succeeded'));
    await waitFor(() => expect(document.querySelector<HTMLElement>('[aria-current=true]')?.closest('li')?.dataset.runId).toBe('r1'));
    // Another run in the history, picked there.
    fireEvent.click(within(screen.getAllByTestId('history-run')[0]!).getByRole('button'));
    await waitFor(() => expect(document.querySelector('[data-testid=flow-result]')?.getAttribute('data-status')).toBe('failed'));
    expect(storage.state().runId).toBe('r2');
  });

  it('Errors opens the entry last opened: beside the list when wide, in it when narrow', async () => {
    const storage = sharedStorage();
    storage.recordError(ERROR);
    const viewport = (width: number) => (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 800 });
    try {
      viewport(1280);
      renderWith(<App />, storage.capabilities);
      fireEvent.click(await screen.findByRole('tab', { name: /Errors/ }));
      fireEvent.click(within(await screen.findByTestId('error-entry')).getByRole('button'));
      await screen.findByTestId('error-detail');
      expect(screen.getByTestId('error-detail').closest('.pane')).not.toBeNull();
      await waitFor(() => expect(storage.state()).toMatchObject({ tab: 'errors', entryId: 'e1' }));
      cleanup();

      viewport(400);
      renderWith(<App />, storage.capabilities);
      const detail = await screen.findByTestId('error-detail');
      expect(detail.closest('[data-testid=error-entry]')).not.toBeNull();
      expect(document.querySelector('.pane')).toBeNull();
    } finally {
      viewport(1024);
    }
  });

  it('the popup offers the panel and the tab, the panel only the tab, the tab neither', async () => {
    const opened: string[] = [];
    for (const place of ['popup', 'panel', 'tab'] as const) {
      renderWith(<App />, {
        ...sharedStorage().capabilities,
        place: async () => place,
        openPanel: async () => void opened.push('panel'),
        openInTab: async () => void opened.push('tab'),
      });
      await screen.findByText('background v0.1.0');
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Open in tab' }) !== null).toBe(place !== 'tab'));
      expect(screen.queryByRole('button', { name: 'Open panel' }) !== null).toBe(place === 'popup');
      if (place === 'panel') {
        fireEvent.click(screen.getByRole('button', { name: 'Open in tab' }));
        await waitFor(() => expect(opened).toEqual(['tab']));
      }
      cleanup();
    }
  });
});
