import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

// src/core/tsconfig.json ("types": [], no DOM lib) keeps browser and Node globals out of the
// core; this keeps out imports that would bring them in through the back door.
const CORE = new URL('../../../src/core/', import.meta.url);
const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));

describe('src/core is pure', () => {
  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s imports nothing but other core modules', (file) => {
    const source = readFileSync(new URL(file, CORE), 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]!);
    for (const specifier of specifiers) {
      const resolved = posix.normalize(posix.join(posix.dirname(file), specifier));
      expect(specifier.startsWith('.') && !resolved.startsWith('..'), `${file} imports ${specifier}`).toBe(true);
    }
  });

  it('exports every top-level module through index.ts (lib/ is internal)', () => {
    const index = readFileSync(new URL('index.ts', CORE), 'utf8');
    const exported = new Set([...index.matchAll(/from '\.\/([\w-]+)'/g)].map((m) => `${m[1]}.ts`));
    expect(files.filter((f) => !f.includes('/') && f !== 'index.ts' && !exported.has(f))).toEqual([]);
  });
});
