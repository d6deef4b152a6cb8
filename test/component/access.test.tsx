import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessEntry } from '../../src/core';
import { AccessView } from '../../src/popup/AccessView';
import { background } from './fake-background';
import { renderWith } from './render-with';

afterEach(cleanup);

const REQUIRED: AccessEntry[] = [
  { kind: 'api', permission: 'identity', uses: ['Run: the sign-in window and the redirect URI'], required: true },
  { kind: 'api', permission: 'storage', uses: ['Profiles, runs, the error list and the watch list'], required: true },
];

describe('Access view', () => {
  it('lists each host with what uses it, unused ones first, and gives one back', async () => {
    let entries: AccessEntry[] = [
      { kind: 'host', permission: 'http://127.0.0.1/*', uses: ['Watch: 127.0.0.1:3000'], required: false },
      { kind: 'host', permission: 'https://forgotten.example/*', uses: [], required: false },
      ...REQUIRED,
    ];
    const { ask, sent } = background({
      listAccess: async () => entries,
      giveBack: async ({ permission }) => (entries = entries.filter((e) => e.permission !== permission)),
    });
    renderWith(<AccessView active />, { ask });
    const rows = (await screen.findByTestId('access-list')).querySelectorAll<HTMLElement>(':scope > li');
    expect([...rows].map((row) => [row.dataset.permission, row.dataset.used])).toEqual([
      ['https://forgotten.example/*', 'false'],
      ['http://127.0.0.1/*', 'true'],
    ]);
    expect(rows[0]!.textContent).toContain('No feature uses it now.');
    expect(rows[1]!.textContent).toContain('Watch: 127.0.0.1:3000');
    expect(document.body.textContent).toContain('identity: Run: the sign-in window and the redirect URI');

    fireEvent.click(rows[0]!.querySelector('button')!);
    await screen.findByText('https://forgotten.example/* was given back.');
    expect(sent.at(-1)).toEqual({ type: 'giveBack', payload: { permission: 'https://forgotten.example/*' } });
    expect(screen.getByTestId('access-list').textContent).not.toContain('forgotten.example');
  });

  it('says so when nothing optional is held', async () => {
    const { ask } = background({ listAccess: async () => REQUIRED });
    renderWith(<AccessView active />, { ask });
    expect((await screen.findByTestId('no-access')).textContent).toBe('No host and no optional permission is held.');
  });
});
