import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectToken, parseTokenResponse } from '../../../../src/core';

// Any UTF-16 code unit, lone surrogates included: what a clipboard can really hold.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyString = fc.string({ unit: codeUnit, maxLength: 300 });
// Strings made of the characters the cleaning and decoding steps react to, so their branches meet odd input.
const tokenish = fc.string({
  unit: fc.constantFrom(...'eyJ.=%"“”‘’ \n\r\t\u200B\u00A0:;&{}[]Bearer Basic token+/-_~aZ09…Set-Cookie:'.split('')),
  maxLength: 120,
});

describe('never throws, whatever is pasted', () => {
  it('inspectToken on any string', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, tokenish, fc.string({ unit: "binary", maxLength: 300 })), (input) => {
        const inspection = inspectToken(input, { now: 0 });
        expect(inspection.input).toBe(input);
        expect(inspection.length).toBe(inspection.token.length);
        expect(inspection.kind === 'empty').toBe(inspection.token === '');
        for (const warning of inspection.warnings) expect(warning.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('inspectToken on JWT-shaped strings with arbitrary segments', () => {
    const segment = fc.oneof(fc.base64String(), anyString, fc.json().map((j) => Buffer.from(j).toString('base64url')));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const inspection = inspectToken(`eyJ${segments.join('.')}`, { now: 0 });
        expect(['jwt', 'jwe', 'opaque']).toContain(inspection.kind);
      }),
      { numRuns: 1000 },
    );
  });

  it('parseTokenResponse on any body and content type', () => {
    const jsonBody = fc.dictionary(fc.constantFrom('access_token', 'expires_in', 'id_token', 'error', 'x_token', 'scope'), fc.jsonValue()).map((o) => JSON.stringify(o));
    fc.assert(
      fc.property(fc.oneof(anyString, tokenish, jsonBody), fc.option(fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/html')), (body, type) => {
        const response = parseTokenResponse(body, type ?? undefined, { now: 0 });
        expect(['json', 'form', 'unreadable']).toContain(response.format);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles 1 MB inputs', () => {
    const big = 'a'.repeat(1 << 20);
    expect(inspectToken(big).length).toBe(1 << 20);
    expect(inspectToken(`eyJ${big}.${big}.x`).kind).toBe('jwt');
    expect(inspectToken(`\u200B${'ab=c%3D '.repeat(1 << 17)}`).warnings.length).toBeGreaterThan(0);
    expect(parseTokenResponse(JSON.stringify({ access_token: big, token_type: 'Bearer' })).access_token?.inspection.length).toBe(1 << 20);
  });

  // A run that stops one character short of the end made /=+$/ and /\s+$/ start again at each of
  // its characters: a megabyte of them took minutes (found by npm run fuzz). Now a loop trims them.
  it('handles 1 MB of "=" or white space before a last character', () => {
    expect(inspectToken(`${'='.repeat(1 << 20)}x`).safety.header.safe).toBe(false);
    expect(inspectToken(`a${' '.repeat(1 << 20)}x`).token).toBe('ax');
    const trimmed = inspectToken(`a${'\n'.repeat(1 << 20)}x\n `).warnings.find((w) => w.code === 'whitespace_trimmed');
    expect(trimmed?.message).toBe('Whitespace was removed from the end, line breaks included. Code that stores the value as pasted sends it too.');
  });
});
