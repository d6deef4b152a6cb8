import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './scripts/firefox-manifest.ts';

/** Entries kept apart from the popup's chunks: the directory of their own code, and the id suffix their modules get. */
const APART = [
  { directory: '/src/background/', suffix: '?background' },
  { directory: '/src/devtools/', suffix: '?devtools' },
] as const;

/**
 * The service worker's modules, and the DevTools pages', under ids of their own, so that they
 * share no chunk with the popup: the worker loads as one file (with the bundler's runtime) instead
 * of a dozen chunks cut for the popup's lazy views, each gzipped apart (36.8 → 33.2 KB gzip when
 * this came in); and the panel, seldom opened, does not cut the popup's start into more files
 * (26.9 → 29.1 KB gzip when the panel came in without this). Each page and the worker run in
 * realms of their own, so a module bundled twice is never loaded twice in one.
 */
function entriesApart(): Plugin {
  return {
    name: 'oauth-lens:entries-apart',
    // Builds only: `npm start` builds too, and Vitest runs the sources as they are.
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const apart = importer && APART.find(({ directory, suffix }) => importer.endsWith(suffix) || importer.includes(directory));
      if (!apart) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.startsWith('/') || resolved.id.includes('?')) return resolved;
      return { ...resolved, id: `${resolved.id}${apart.suffix}` };
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
    plugins: [preact(), entriesApart(), ...extension],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // Lets `npm run bench` attribute every chunk to its entry point.
      manifest: true,
      // The DevTools panel's page is named by the DevTools page's script, not by the manifest.
      rollupOptions: { input: { panel: 'src/devtools/panel.html' } },
      target: 'es2022',
      // Every browser the extension runs in knows <link rel=modulepreload>: no polyfill in the pages.
      modulePreload: { polyfill: false },
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
