import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_PRESETS } from '../../src/core';
import { NoteText } from '../../src/popup/NoteText';
import { ProfilePicker } from '../../src/popup/ProfilePicker';

afterEach(cleanup);

describe('preset notes', () => {
  it('show code spans as code, without the backticks', () => {
    const { container } = render(<ProfilePicker saved={[]} onPick={() => {}} />);
    const notes = container.querySelector('ul.notes')!;
    expect(notes.textContent).not.toContain('`');
    expect([...notes.querySelectorAll('code')].map((code) => code.textContent)).toEqual(['npm start', 'npm run server']);
    expect(notes.textContent).toContain('runs on 127.0.0.1 after npm start or npm run server; sign in as demo / demo.');
  });

  it('show no backtick for any preset', () => {
    const { container } = render(<ProfilePicker saved={[]} onPick={() => {}} />);
    const select = screen.getByRole('combobox');
    for (const preset of PROVIDER_PRESETS) {
      fireEvent.change(select, { target: { value: `preset:${preset.id}` } });
      expect(container.querySelector('ul.notes')?.textContent ?? '').not.toContain('`');
    }
  });

  it('render markup in a note as text, never as HTML', () => {
    const { container } = render(<NoteText text={'see `<img src=x onerror=alert(1)>` and <b>this</b>'} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.querySelector('code')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.textContent).toBe('see <img src=x onerror=alert(1)> and <b>this</b>');
  });
});
