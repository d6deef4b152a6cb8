import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type ViteManifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] }>;
type ExtensionManifest = { background?: { service_worker?: string; scripts?: string[] } };

export const ENTRIES = { popup: 'src/popup/index.html', background: 'src/background/index.ts' } as const;
export type Entry = keyof typeof ENTRIES;

export interface Size {
  raw: number;
  /** Sum of each file gzipped on its own (level 9): files are loaded, and packed, one by one. */
  gzip: number;
  files: string[];
}
/**
 * The module views load to verify a token (jose and the verifier, issue 17), reported apart from
 * the rest of what loads on demand: the popup's start must not carry it, and its size has a line.
 */
export const VERIFIER = 'src/popup/verify-token.ts';

/**
 * `onDemand`: chunks the entry imports dynamically (the popup's Errors view), loaded when first
 * used, not at start. `verifier` (the popup's): what the first verification loads beyond the
 * start, counted in `onDemand` too; some of it may be shared with other views' chunks.
 */
export type EntrySizes = { js: Size; css: Size; onDemand: Size; verifier?: Size };
export type BundleSizes = Record<Entry, EntrySizes>;

/** Sizes of each entry point in one build (dist/chrome or dist/firefox), attributed through the Vite manifest. */
export async function measureBundles(dist: string): Promise<BundleSizes> {
  const vite = await readJson<ViteManifest>(join(dist, '.vite/manifest.json'));
  const extension = await readJson<ExtensionManifest>(join(dist, 'manifest.json'));
  const result = {} as BundleSizes;
  for (const entry of Object.keys(ENTRIES) as Entry[]) {
    const { js, css } = staticClosure(vite, ENTRIES[entry]);
    if (entry === 'background') js.unshift(...(await backgroundLoaders(dist, extension, vite, js[0]!)));
    const lazy = dynamicClosure(vite, ENTRIES[entry], new Set(js));
    result[entry] = { js: await sizeOf(dist, js), css: await sizeOf(dist, css), onDemand: await sizeOf(dist, lazy) };
    if (entry === 'popup') result[entry].verifier = await sizeOf(dist, staticClosure(vite, VERIFIER).js.filter((file) => !js.includes(file)));
  }
  return result;
}

/** The entry's own file first, then every chunk it reaches through static imports, each once. */
function staticClosure(vite: ViteManifest, key: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (chunkKey: string) => {
    if (seen.has(chunkKey)) return;
    seen.add(chunkKey);
    const chunk = vite[chunkKey];
    if (!chunk) throw new Error(`Vite manifest has no chunk "${chunkKey}"`);
    js.add(chunk.file);
    chunk.css?.forEach((file) => css.add(file));
    chunk.imports?.forEach(visit);
  };
  visit(key);
  return { js: [...js], css: [...css] };
}

/** What the entry's dynamic imports load beyond what it already has at start. */
function dynamicClosure(vite: ViteManifest, key: string, loaded: Set<string>): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visitStatic = (chunkKey: string) => {
    if (seen.has(chunkKey)) return;
    seen.add(chunkKey);
    const chunk = vite[chunkKey];
    if (!chunk) return;
    if (!loaded.has(chunk.file)) files.add(chunk.file);
    chunk.imports?.forEach(visitStatic);
    chunk.dynamicImports?.forEach(visitStatic);
  };
  const root = vite[key];
  root?.dynamicImports?.forEach(visitStatic);
  return [...files];
}

/**
 * The scripts manifest.json starts as background that Vite does not know about: crxjs writes a
 * service-worker-loader.js that only imports the real entry. It is part of what the browser loads.
 */
async function backgroundLoaders(dist: string, extension: ExtensionManifest, vite: ViteManifest, entryFile: string) {
  const declared = [extension.background?.service_worker, ...(extension.background?.scripts ?? [])];
  const known = new Set(Object.values(vite).map((chunk) => chunk.file));
  const loaders = declared.filter((file): file is string => !!file && !known.has(file));
  const texts = await Promise.all(loaders.map((file) => readFile(join(dist, file), 'utf8')));
  if (!declared.includes(entryFile) && !texts.some((text) => text.includes(entryFile))) {
    throw new Error(`${dist}: no background script in manifest.json loads ${entryFile}`);
  }
  return loaders;
}

async function sizeOf(dist: string, files: string[]): Promise<Size> {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

async function readJson<T>(path: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`Cannot read ${path} (was the build run?): ${(error as Error).message}`);
  }
}
