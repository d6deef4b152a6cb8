// The extension's icons: one SVG drawn by hand, and the PNGs `npm run icons` renders from it.
// The PNGs are committed, so a build needs no image tool; the manifest names them.

/** The sizes browsers ask for: 16 and 32 in the toolbar (1× and 2×), 48 on the extensions page, 128 in stores. */
export const ICON_SIZES = [16, 32, 48, 128] as const;

export type IconSize = (typeof ICON_SIZES)[number];

/** The drawing every PNG is rendered from, relative to the repository root. */
export const ICON_SOURCE = 'assets/icon.svg';

/** Where the PNG of `size` is kept, relative to the repository root: crxjs copies it into dist/ at the same path. */
export function iconPath(size: IconSize): string {
  return `assets/icons/icon-${size}.png`;
}
