import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchState } from '../../src/messages';
import { WatchView } from '../../src/popup/WatchView';
import { background } from './fake-background';
import { renderWith } from './render-with';

afterEach(cleanup);

const SEEN = { requests: 0, since: '2026-11-30T10:00:00.000Z' };

/**
 * Answers the watch messages the way the background does, keeping the list: an addition or a
 * resume sent with `asking` waits for the person's answer to the browser's prompt, which the
 * test gives through the `requestWatch` it hands the view (`answer`), and a decline ends it.
 */
function watchList(initial: Omit<WatchState, 'seen'>, grants = true) {
  let state: WatchState = { ...initial, seen: SEEN };
  let settle: ((granted: boolean) => void) | undefined;
  const waitForAnswer = () => new Promise<boolean>((resolve) => (settle = resolve));
  const fake = background({
    getWatch: async () => state,
    async addWatch({ pattern, asking }) {
      if (asking && !(await waitForAnswer())) throw new Error(`Access to ${pattern} was not granted, so it is not watched.`);
      return (state = { ...state, patterns: [...state.patterns, pattern], active: true });
    },
    declineWatch: async () => (settle?.(false), null),
    removeWatch: async ({ pattern }) => (state = { ...state, patterns: state.patterns.filter((p) => p !== pattern), active: state.patterns.length > 1 }),
    async setWatchPaused({ paused, asking }) {
      if (asking && !(await waitForAnswer())) throw new Error('Watching was not resumed: the permission to watch was not granted.');
      return (state = { ...state, paused, active: !paused });
    },
  });
  const asked: string[][] = [];
  /** The browser's prompt, answered: a grant reaches the waiting background (permissions.onAdded). */
  const requestWatch = async (origins: string[]) => {
    asked.push(origins);
    if (grants) settle?.(true);
    return grants;
  };
  return { ...fake, asked, requestWatch };
}

describe('Watch view', () => {
  it('tells the background what the click means, then asks the browser from the same click; the background adds the host once granted', async () => {
    const { ask, sent, asked, requestWatch } = watchList({ patterns: [], paused: false, active: false });
    renderWith(<WatchView active />, { ask, requestWatch });
    await screen.findByTestId('no-watch');
    fireEvent.input(screen.getByRole('textbox', { name: 'Host to watch' }), { target: { value: 'localhost:3000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    // In this order, within the click: a popup closed under the prompt has already said what it meant.
    expect(sent.at(-1)).toEqual({ type: 'addWatch', payload: { pattern: 'localhost:3000', asking: true } });
    expect(asked).toEqual([['http://localhost/*', 'https://localhost/*']]);
    await screen.findByText('Watching localhost:3000. Its failed requests will appear in the Errors tab.');
    expect(screen.getByTestId('watch-list').textContent).toContain('localhost:3000');
  });

  it('adds nothing when the permission is refused: the background hears the no, and the view says so', async () => {
    const { ask, sent, requestWatch } = watchList({ patterns: [], paused: false, active: false }, false);
    renderWith(<WatchView active />, { ask, requestWatch });
    await screen.findByTestId('no-watch');
    fireEvent.input(screen.getByRole('textbox', { name: 'Host to watch' }), { target: { value: 'api.freeagent.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Access to api.freeagent.com was not granted, so it is not watched.');
    expect(sent.map((m) => m.type)).toContain('declineWatch');
    expect(screen.getByTestId('no-watch')).toBeTruthy();
  });

  it('explains a pattern it cannot read without asking for anything', async () => {
    const { ask, asked, requestWatch } = watchList({ patterns: [], paused: false, active: false });
    renderWith(<WatchView active />, { ask, requestWatch });
    fireEvent.input(screen.getByRole('textbox', { name: 'Host to watch' }), { target: { value: '*.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    expect((await screen.findByRole('alert')).textContent).toContain('whole top-level domain');
    expect(asked).toEqual([]);
  });

  it('removes a host and pauses with one switch', async () => {
    const { ask, sent, asked, requestWatch } = watchList({ patterns: ['api.freeagent.com', 'localhost:3000'], paused: false, active: true });
    renderWith(<WatchView active />, { ask, requestWatch });
    await screen.findByTestId('watch-list');
    fireEvent.click(screen.getByRole('checkbox', { name: /Pause watching/ }));
    await screen.findByText('Watching paused; the permission to watch was given back.');
    // Pausing asks for nothing.
    expect(asked).toEqual([]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[0]!);
    await screen.findByText('api.freeagent.com is no longer watched; its permission was given back.');
    expect(sent.map((m) => m.type)).toEqual(['getWatch', 'setWatchPaused', 'removeWatch']);
    expect(screen.getByTestId('watch-list').textContent).not.toContain('api.freeagent.com');
  });

  it('resuming asks again, from the click, for what pausing gave back; the background resumes once granted', async () => {
    const { ask, sent, asked, requestWatch } = watchList({ patterns: ['api.freeagent.com', 'localhost:3000', 'localhost:4000'], paused: true, active: false });
    renderWith(<WatchView active />, { ask, requestWatch });
    fireEvent.click(await screen.findByRole('checkbox', { name: /Pause watching/ }));
    expect(sent.at(-1)).toEqual({ type: 'setWatchPaused', payload: { paused: false, asking: true } });
    expect(asked).toEqual([['http://api.freeagent.com/*', 'https://api.freeagent.com/*', 'http://localhost/*', 'https://localhost/*']]);
    await screen.findByText('Watching resumed.');
  });

  it('stays paused when the permission is refused, and says so', async () => {
    const { ask, sent, requestWatch } = watchList({ patterns: ['localhost:3000'], paused: true, active: false }, false);
    renderWith(<WatchView active />, { ask, requestWatch });
    fireEvent.click(await screen.findByRole('checkbox', { name: /Pause watching/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Watching was not resumed: the permission to watch was not granted.');
    expect((screen.getByRole('checkbox', { name: /Pause watching/ }) as HTMLInputElement).checked).toBe(true);
    expect(sent.map((m) => m.type)).toEqual(['getWatch', 'setWatchPaused', 'declineWatch']);
  });

  it('reopened while the prompt is unanswered: names the host, Allow asks again, Cancel tells the background', async () => {
    const pending = { pattern: 'localhost:3000', until: '2026-11-30T10:05:00.000Z' };
    const { ask, sent, asked, requestWatch } = watchList({ patterns: [], paused: false, active: false, pending });
    renderWith(<WatchView active />, { ask, requestWatch });
    expect((await screen.findByTestId('watch-pending')).textContent).toContain('Waiting for permission to watch localhost:3000');
    fireEvent.click(screen.getByRole('button', { name: 'Allow' }));
    expect(asked).toEqual([['http://localhost/*', 'https://localhost/*']]);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(sent.map((m) => m.type)).toContain('declineWatch'));
  });

  it('says how many requests of watched hosts it has seen, so "watching" is never a claim without evidence', async () => {
    const { ask, requestWatch } = watchList({ patterns: ['localhost:3000'], paused: false, active: true });
    renderWith(<WatchView active />, { ask, requestWatch });
    expect((await screen.findByTestId('watch-seen')).textContent).toBe('No request to a watched host seen yet: load a page of your app.');
  });
});
