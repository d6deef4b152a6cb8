import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

// src/core/tsconfig.json ("types": [], no DOM lib) keeps browser and Node globals out of the
// core; this keeps out imports that would bring them in through the back door.
const CORE = new URL('../../../src/core/', import.meta.url);
// Packages the core may import: pure code that touches no browser or Node API, named with why.
const PURE_PACKAGES: Record<string, string> = {
  '@noble/hashes/sha2.js': 'SHA-256 for hashCode, synchronous so that the judgement of traffic stays a pure function; SHA-256/384/512 for at_hash and c_hash',
};
// The one exception: jose verifies signatures with globalThis.crypto.subtle and cannot be handed
// another. It may be imported by these modules only, which views load on demand (docs/verification.md).
const WEBCRYPTO_PACKAGES: Record<string, { why: string; only: string[] }> = {
  jose: { why: 'JWS signature verification (verifyJws)', only: ['verify/verify-jws.ts'] },
};
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
      if (Object.hasOwn(PURE_PACKAGES, specifier)) continue;
      if (Object.hasOwn(WEBCRYPTO_PACKAGES, specifier)) {
        expect(WEBCRYPTO_PACKAGES[specifier]!.only, `${file} imports ${specifier}, allowed only in ${WEBCRYPTO_PACKAGES[specifier]!.only.join(', ')}`).toContain(file);
        continue;
      }
      expect(specifier.startsWith('.') && !resolved.startsWith('..'), `${file} imports ${specifier}`).toBe(true);
    }
  });

  // An area's module is public (exported by index.ts) or a helper of its own area; lib/ holds
  // what any area may use. A module neither exported nor imported by its area is dead or misfiled.
  it.each(files.filter((f) => f.includes('/') && !f.startsWith('lib/')))('%s is exported through index.ts or used by its own area', (file) => {
    const exported = new Set([...readFileSync(new URL('index.ts', CORE), 'utf8').matchAll(/from '\.\/([\w/-]+)'/g)].map((m) => `${m[1]}.ts`));
    const area = file.split('/')[0]!;
    const usedByArea = files.some((other) => {
      if (other === file || !other.startsWith(`${area}/`)) return false;
      const source = readFileSync(new URL(other, CORE), 'utf8');
      return [...source.matchAll(/\bfrom\s+'([^']+)'/g)].some((m) => `${posix.normalize(posix.join(posix.dirname(other), m[1]!))}.ts` === file);
    });
    expect(exported.has(file) || usedByArea, `${file} is neither exported nor used in ${area}/`).toBe(true);
  });

  it('has no module outside an area folder but index.ts', () => {
    expect(files.filter((f) => !f.includes('/') && f !== 'index.ts')).toEqual([]);
  });
});

// The views and the background see the core as one surface.
const SRC = new URL('../../../src/', import.meta.url);
const outside = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('core'));
describe('the rest of src/ imports the core only through index.ts', () => {
  it.each(outside)('%s', (file) => {
    const source = readFileSync(new URL(file, SRC), 'utf8');
    const deep = [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]!).filter((s) => /(^|\/)core\/./.test(s));
    expect(deep).toEqual([]);
  });
});
