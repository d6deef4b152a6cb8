import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { firefoxManifest } from '../../../scripts/firefox-manifest';
import { ICON_SIZES, ICON_SOURCE, iconPath } from '../../../scripts/icon-set';

const ROOT = new URL('../../../', import.meta.url);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's header: the IHDR chunk comes first, right after the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the icon set', () => {
  it('is drawn in one SVG', () => {
    expect(readFileSync(new URL(ICON_SOURCE, ROOT), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 128 128"/);
  });

  it.each(ICON_SIZES)('has a committed %i px PNG of that size, with transparency', (size) => {
    const bytes = readFileSync(new URL(iconPath(size), ROOT));
    expect(pngSize(bytes)).toEqual({ width: size, height: size });
    // Colour type 6 is RGBA: the tile's rounded corners stay see-through.
    expect(bytes[25]).toBe(6);
  });

  it('is what the manifest names, as the extension icons and the toolbar button', () => {
    expect(manifest.icons).toEqual(Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconPath(size)])));
    expect(manifest.action.default_icon).toEqual({ 16: iconPath(16), 32: iconPath(32) });
  });

  it('is kept as it is in the Firefox manifest', () => {
    const firefox = firefoxManifest(manifest);
    expect(firefox.icons).toEqual(manifest.icons);
    expect(firefox.action).toEqual(manifest.action);
  });
});
