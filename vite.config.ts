import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './scripts/firefox-manifest.ts';

const BACKGROUND = '?background';

/**
 * The service worker's modules under ids of their own, so that it shares no chunk with the pages:
 * it loads as one file (with the bundler's runtime) instead of a dozen chunks cut for the popup's
 * lazy views, each gzipped apart (36.8 → 33.2 KB gzip when this came in). Each page and the worker
 * run in realms of their own, so a module bundled twice is never loaded twice in one.
 */
function backgroundApart(): Plugin {
  return {
    name: 'oauth-lens:background-apart',
    // Builds only: `npm start` builds too, and Vitest runs the sources as they are.
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !(importer.endsWith(BACKGROUND) || importer.includes('/src/background/'))) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.startsWith('/') || resolved.id.includes('?')) return resolved;
      return { ...resolved, id: `${resolved.id}${BACKGROUND}` };
    },
  };
}

// `vite build` builds dist/chrome; `vite build --mode firefox` builds dist/firefox from the
// same manifest.json, derived. Vitest runs in mode "test", without the extension plugin.
export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const extension =
    mode === 'test'
      ? []
      : [
          crx({
            manifest: (browser === 'firefox' ? firefoxManifest(manifest) : manifest) as ManifestV3Export,
            browser,
          }),
        ];
  return {
    plugins: [preact(), backgroundApart(), ...extension],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // Lets `npm run bench` attribute every chunk to its entry point.
      manifest: true,
      target: 'es2022',
    },
    test: {
      projects: [
        { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
        { extends: true, test: { name: 'component', include: ['test/component/**/*.test.tsx'], environment: 'happy-dom' } },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            testTimeout: 90_000,
            hookTimeout: 90_000,
            // Two cores and real browsers: one browser at a time keeps timings sane.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
