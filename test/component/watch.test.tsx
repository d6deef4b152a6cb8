import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchState } from '../../src/messages';
import { WatchView } from '../../src/popup/WatchView';
import { background } from './fake-background';

afterEach(cleanup);

/** Answers the watch messages the way the background does, keeping the list. */
function watchList(initial: WatchState) {
  let state = initial;
  return background({
    getWatch: async () => state,
    addWatch: async ({ pattern }) => (state = { ...state, patterns: [...state.patterns, pattern], active: true }),
    removeWatch: async ({ pattern }) => (state = { ...state, patterns: state.patterns.filter((p) => p !== pattern), active: state.patterns.length > 1 }),
    setWatchPaused: async ({ paused }) => (state = { ...state, paused, active: !paused }),
  });
}

describe('Watch view', () => {
  it('asks the browser for the host\'s origins, then tells the background to watch it', async () => {
    const { ask, sent } = watchList({ patterns: [], paused: false, active: false });
    const asked: string[][] = [];
    render(<WatchView ask={ask} active requestWatch={async (origins) => (asked.push(origins), true)} />);
    await screen.findByTestId('no-watch');
    fireEvent.input(screen.getByRole('textbox', { name: 'Host to watch' }), { target: { value: 'localhost:3000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    await screen.findByText('Watching localhost:3000. Its failed requests will appear in the Errors tab.');
    expect(asked).toEqual([['http://localhost/*', 'https://localhost/*']]);
    expect(sent.at(-1)).toEqual({ type: 'addWatch', payload: { pattern: 'localhost:3000' } });
    expect(screen.getByTestId('watch-list').textContent).toContain('localhost:3000');
  });

  it('adds nothing when the permission is refused, and says so', async () => {
    const { ask, sent } = watchList({ patterns: [], paused: false, active: false });
    render(<WatchView ask={ask} active requestWatch={async () => false} />);
    await screen.findByTestId('no-watch');
    fireEvent.input(screen.getByRole('textbox', { name: 'Host to watch' }), { target: { value: 'api.freeagent.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Access to api.freeagent.com was not granted, so it is not watched.');
    expect(sent.map((m) => m.type)).not.toContain('addWatch');
  });

  it('explains a pattern it cannot read without asking for anything', async () => {
    const { ask } = watchList({ patterns: [], paused: false, active: false });
    let asked = false;
    render(<WatchView ask={ask} active requestWatch={async () => (asked = true)} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Host to watch' }), { target: { value: '*.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    expect((await screen.findByRole('alert')).textContent).toContain('whole top-level domain');
    expect(asked).toBe(false);
  });

  it('removes a host and pauses with one switch', async () => {
    const { ask, sent } = watchList({ patterns: ['api.freeagent.com', 'localhost:3000'], paused: false, active: true });
    const asked: string[][] = [];
    render(<WatchView ask={ask} active requestWatch={async (origins) => (asked.push(origins), true)} />);
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

  it('resuming asks again, from the click, for what pausing gave back', async () => {
    const { ask, sent } = watchList({ patterns: ['api.freeagent.com', 'localhost:3000', 'localhost:4000'], paused: true, active: false });
    const asked: string[][] = [];
    render(<WatchView ask={ask} active requestWatch={async (origins) => (asked.push(origins), true)} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Pause watching/ }));
    await screen.findByText('Watching resumed.');
    expect(asked).toEqual([['http://api.freeagent.com/*', 'https://api.freeagent.com/*', 'http://localhost/*', 'https://localhost/*']]);
    expect(sent.at(-1)).toEqual({ type: 'setWatchPaused', payload: { paused: false } });
  });

  it('stays paused when the permission is refused, and says so', async () => {
    const { ask, sent } = watchList({ patterns: ['localhost:3000'], paused: true, active: false });
    render(<WatchView ask={ask} active requestWatch={async () => false} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Pause watching/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Watching was not resumed: the permission to watch was not granted.');
    expect((screen.getByRole('checkbox', { name: /Pause watching/ }) as HTMLInputElement).checked).toBe(true);
    expect(sent.map((m) => m.type)).toEqual(['getWatch']);
  });
});
