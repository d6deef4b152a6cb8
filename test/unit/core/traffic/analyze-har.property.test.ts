import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeHar } from '../../../../src/core';
import { anyDataOrDeep, anyString, mutated } from '../../../fuzz/hostile';
import { harFile } from '../../../fuzz/shapes';

const FIXTURES = ['chrome-clean-flow', 'chrome-reused-code', 'firefox-redirect-uri-mismatch', 'chrome-rate-limited', 'firefox-api-401'];
const fixtures = FIXTURES.map((name) => JSON.parse(readFileSync(new URL(`har-fixtures/${name}.har`, import.meta.url), 'utf8')) as unknown);
// RFC 6749's example secrets the fixtures carry.
const SECRETS = ['SplxlOBeZQQYbYS6WxSbIA', '2YotnFZFEjr1zCsicMWpAA', 'tGzv3JOkF0XG5Qx2TlKWIA', 'czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3'];

/** Either an error in words or items, one per readable entry at most, each naming an entry of the file. */
function wellFormed(result: ReturnType<typeof analyzeHar>): boolean {
  if ('error' in result) return typeof result.error === 'string' && result.error.length > 0;
  return result.items.every((item) => Number.isInteger(item.entryIndex) && item.entryIndex >= 0 && typeof item.kind === 'string');
}

describe('analyzeHar never throws', () => {
  it('on any text, any value, and HAR-shaped values mutated at any depth', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, anyDataOrDeep, harFile, mutated(harFile), harFile.map((har) => JSON.stringify(har))), fc.option(fc.double(), { nil: undefined }), (har, now) =>
        wellFormed(analyzeHar(har as string | object, now === undefined ? {} : { now })),
      ),
      { numRuns: 400 },
    );
  });

  it('on the fixtures mutated, or their text cut anywhere, and never hands back their secrets', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...fixtures).chain((har) => mutated(fc.constant(har))),
          fc.tuple(fc.constantFrom(...fixtures), fc.nat()).map(([har, at]) => {
            const text = JSON.stringify(har);
            return text.slice(0, at % text.length);
          }),
        ),
        (har) => {
          const result = analyzeHar(har as string | object);
          const said = JSON.stringify(result);
          return wellFormed(result) && SECRETS.every((secret) => !said.includes(secret));
        },
      ),
      { numRuns: 300 },
    );
  });
});

// What Charles, Fiddler, Safari, Proxyman, Insomnia and mitmproxy wrote (har-tools/README.md).
const TOOL_FILES = ['charles-4.2-compact-login-form', 'charles-4.6-auth-headers-redirect', 'fiddler-4.6-bom-pages', 'fiddler-2.3-params-unordered', 'proxyman-6.5-api-base64', 'safari-16.3-page-memory-cache'];
const toolTexts = TOOL_FILES.map((name) => readFileSync(new URL(`har-tools/${name}.har`, import.meta.url), 'utf8'));

describe('analyzeHar never throws on real tools\' files', () => {
  it('cut anywhere (a truncated export), with anything after the cut, or mutated: items naming entries of the file, or an error in words', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.constantFrom(...toolTexts), fc.nat(), fc.oneof(fc.constant(''), anyString)).map(([text, at, tail]) => text.slice(0, at % text.length) + tail),
          fc.constantFrom(...toolTexts).chain((text) => mutated(fc.constant(JSON.parse(text.replace(/^\uFEFF/, '')) as unknown))),
        ),
        (har) => wellFormed(analyzeHar(har as string | object)),
      ),
      { numRuns: 300 },
    );
  });
});

it('the fixtures the mutations start from read whole', () => {
  for (const har of fixtures) expect('items' in analyzeHar(har as object)).toBe(true);
});
