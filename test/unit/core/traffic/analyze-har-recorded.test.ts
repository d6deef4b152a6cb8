import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeHar } from '../../../../src/core';

// HAR files Chromium itself wrote while the test app ran its flows against the bundled server
// (npm run record-hars; har-recorded/README.md says how).
const recorded = (name: string) => readFileSync(new URL(`./har-recorded/${name}.har`, import.meta.url), 'utf8');

function judged(name: string) {
  const text = recorded(name);
  const entries = (JSON.parse(text) as { log: { entries: Array<{ request: { method: string; url: string }; response: { status: number } }> } }).log.entries;
  const analysis = analyzeHar(text);
  if ('error' in analysis) throw new Error(analysis.error);
  return analysis.items.map((item) => ({ ...item, entry: entries[item.entryIndex]! }));
}

describe('analyzeHar on HAR files a real browser recorded', () => {
  it('a clean flow: every step named, nothing diagnosed', () => {
    const items = judged('clean-flow');
    expect(items.filter((i) => i.diagnosis)).toEqual([]);
    const kinds = items.map((i) => i.kind);
    for (const kind of ['authorization_request', 'authorization_response', 'discovery', 'token_request', 'api_call']) expect(kinds).toContain(kind);
    expect(items.find((i) => i.kind === 'token_request')?.entry.response.status).toBe(200);
  });

  it('a code redeemed twice: the second redemption is the reused code, with when it was first sent', () => {
    const tokens = judged('reused-code').filter((i) => i.kind === 'token_request');
    expect(tokens.map((i) => [i.entry.response.status, i.diagnosis?.category])).toEqual([
      [200, undefined],
      [400, 'code_reused'],
    ]);
  });

  it("a token request whose redirect_uri is not the authorization request's: the mismatch", () => {
    const failed = judged('redirect-uri-mismatch').filter((i) => i.diagnosis);
    expect(failed.map((i) => [i.kind, i.diagnosis?.category])).toEqual([['token_request', 'redirect_uri_mismatch']]);
  });

  it('a 429 with Retry-After: rate limited, with when to retry', () => {
    const limited = judged('rate-limited').find((i) => i.entry.response.status === 429);
    expect(limited?.diagnosis?.category).toBe('rate_limited');
    expect(JSON.stringify(limited?.diagnosis)).toMatch(/Retry-After|retry/i);
  });

  it('an API 401 with a Bearer challenge: the token is the cause', () => {
    const failed = judged('api-401').filter((i) => i.diagnosis);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ kind: 'api_call', diagnosis: { category: 'invalid_token' } });
  });

  it('nothing returned quotes a secret of the files', () => {
    for (const name of ['clean-flow', 'reused-code', 'redirect-uri-mismatch']) {
      const text = recorded(name);
      const codes = [...text.matchAll(/[?&]code=([A-Za-z0-9_-]{20,})/g)].map((m) => m[1]!);
      expect(codes.length).toBeGreaterThan(0);
      const out = JSON.stringify(analyzeHar(text));
      for (const code of codes) expect(out).not.toContain(code);
    }
  });
});
