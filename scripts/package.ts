// `npm run package`: store-ready archives of the builds in dist/, written to artifacts/.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';

const artifactsDir = resolve('artifacts');
const { version } = JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string };

// The Chrome Web Store refuses a manifest with a `key` and assigns the item its own; the key
// exists only so that unpacked development builds keep one id. (web-ext leaves out dotfiles,
// so Vite's .vite/manifest.json stays out of both archives.)
const staging = mkdtempSync(join(tmpdir(), 'oauth-lens-chrome-'));
cpSync('dist/chrome', staging, { recursive: true });
const manifestPath = join(staging, 'manifest.json');
const { key: _key, ...storeManifest } = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
writeFileSync(manifestPath, JSON.stringify(storeManifest, null, 2));

const archives = [
  await webExt.cmd.build(
    { sourceDir: staging, artifactsDir, filename: `oauth-lens-chrome-${version}.zip`, overwriteDest: true },
    { shouldExitProgram: false },
  ),
  await webExt.cmd.build(
    { sourceDir: resolve('dist/firefox'), artifactsDir, filename: `oauth-lens-firefox-${version}.zip`, overwriteDest: true },
    { shouldExitProgram: false },
  ),
];
rmSync(staging, { recursive: true, force: true });
for (const { extensionPath } of archives) console.log(`Packaged ${extensionPath}`);
