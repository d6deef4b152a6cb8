import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../src/core';

describe('maskSecret', () => {
  it('shows the ends and the length of a long secret, never the middle', () => {
    const token = 'gho_16C7e42F292c6912E7710c838347Ae178B4a';
    const masked = maskSecret(token);
    expect(masked).toBe(`gho_…8B4a (${token.length} chars)`);
    expect(masked).not.toContain(token.slice(4, -4));
  });

  it('shows only the length of a short one', () => {
    expect(maskSecret('demo-secret')).toBe('•••• (11 chars)');
    expect(maskSecret('')).toBe('•••• (0 chars)');
  });
});
