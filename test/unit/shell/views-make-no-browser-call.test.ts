import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The views reach the browser only through the capabilities the entry hands them (src/shell/),
// so they render in a test as they do in the extension.
const POPUP = new URL('../../../src/popup/', import.meta.url);
const views = readdirSync(POPUP, { encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
const BROWSER_CALL = /\bbrowser\.|\bchrome\.|webextension-polyfill|navigator\.clipboard/;

describe('src/popup/ makes no browser call', () => {
  it('has views to check', () => {
    expect(views.length).toBeGreaterThan(10);
  });

  it.each(views)('%s', (file) => {
    const lines = readFileSync(new URL(file, POPUP), 'utf8').split('\n');
    expect(lines.filter((line) => BROWSER_CALL.test(line))).toEqual([]);
  });
});
