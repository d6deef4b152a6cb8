import { describe, expect, it } from 'vitest';
import { shorten } from '../../../../src/core/lib/shorten';

describe('shorten', () => {
  it('keeps a text of up to max characters as it is', () => {
    expect(shorten('a'.repeat(60), 60)).toBe('a'.repeat(60));
    expect(shorten('', 60)).toBe('');
  });

  it('cuts a longer one to max characters, the ellipsis included', () => {
    const cut = shorten('a'.repeat(61), 60);
    expect(cut).toBe(`${'a'.repeat(59)}…`);
    expect(cut).toHaveLength(60);
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    // The key emoji is two UTF-16 code units; the cut would fall between them.
    const cut = shorten(`${'a'.repeat(8)}🔑🔑`, 10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
  });
});
