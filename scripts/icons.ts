// `npm run icons`: renders assets/icon.svg into the PNGs the manifest names, with ImageMagick
// (Debian's `imagemagick`, which .ci/run installs for the prompt tests anyway). Run it after
// editing the SVG and commit the PNGs: builds and CI read the committed files, no tool needed.
import { execFileSync } from 'node:child_process';
import { ICON_SIZES, ICON_SOURCE, iconPath } from './icon-set.ts';

// ImageMagick 7 is `magick`; Debian's 6 is `convert`. Both take these arguments.
const tool = ['magick', 'convert'].find((name) => {
  try {
    execFileSync(name, ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!tool) {
  console.error('npm run icons needs ImageMagick (`magick` or `convert`): apt-get install imagemagick.');
  process.exit(1);
}

for (const size of ICON_SIZES) {
  execFileSync(tool, [
    // Transparent around the tile's rounded corners.
    '-background', 'none',
    // Drawn at 768 dpi (6144 px for 128 px) and scaled down: ImageMagick's own SVG renderer
    // smooths edges poorly at the target size, and a 16 px icon is mostly edge.
    '-density', '768',
    ICON_SOURCE,
    '-filter', 'Lanczos',
    '-resize', `${size}x${size}!`,
    '-depth', '8',
    // No timestamps or other metadata: the same SVG gives the same bytes, so an unchanged icon shows no diff.
    '-strip',
    '-define', 'png:exclude-chunks=date,time',
    `PNG32:${iconPath(size)}`,
  ]);
  console.log(`${iconPath(size)} (${size}×${size})`);
}
