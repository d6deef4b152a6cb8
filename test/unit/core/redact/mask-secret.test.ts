import { describe, expect, it } from 'vitest';
import { maskSecret, SHOW_ENDS_FROM } from '../../../../src/core';

describe('maskSecret', () => {
  it('shows the ends and the length of a long token, never the middle', () => {
    // GitHub's documented token response (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps)
    const token = 'gho_16C7e42F292c6912E7710c838347Ae178B4a';
    const masked = maskSecret(token);
    expect(masked).toBe(`gho_…8B4a (${token.length} chars)`);
    expect(masked).not.toContain(token.slice(4, -4));
  });

  it('shows ends only from 32 characters on, where they are at most a quarter of the token', () => {
    expect(SHOW_ENDS_FROM).toBe(32);
    expect(maskSecret('a'.repeat(31))).toBe('•••• (31 chars)');
    expect(maskSecret(`abcd${'x'.repeat(24)}wxyz`)).toBe('abcd…wxyz (32 chars)');
    // RFC 6749 §5.1's access token: 22 characters, so only its length.
    expect(maskSecret('2YotnFZFEjr1zCsicMWpAA')).toBe('•••• (22 chars)');
  });

  it('shows only the length of a short one', () => {
    expect(maskSecret('demo-secret')).toBe('•••• (11 chars)');
    expect(maskSecret('')).toBe('•••• (0 chars)');
  });

  it('shows only the length of a password or client secret, however long', () => {
    // The case: 8 of the 17 characters of a password were shown.
    expect(maskSecret('correct-horse-bat', 'password')).toBe('•••• (17 chars)');
    expect(maskSecret('x'.repeat(200), 'password')).toBe('•••• (200 chars)');
  });
});
