import { describe, expect, it } from 'vitest';
import { browserSendsOrigin } from '../../../../src/core';

// Probed in Chromium 156 and Firefox ESR 153 against a loopback server logging each request's
// Origin (../shared/docs/browser-testing.md): both browsers gave the same answers as below.
describe('browserSendsOrigin', () => {
  it('without a host permission every request is cross-origin in CORS mode and carries it', () => {
    for (const method of ['GET', 'POST']) expect(browserSendsOrigin({ method, hostAccess: false, originRemoved: false })).toBe(true);
    // A removal rule is not applied without the host permission.
    expect(browserSendsOrigin({ method: 'POST', hostAccess: false, originRemoved: true })).toBe(true);
  });

  it('with one, GET and HEAD carry none, POST still does unless a rule removes it', () => {
    expect(browserSendsOrigin({ method: 'GET', hostAccess: true, originRemoved: false })).toBe(false);
    expect(browserSendsOrigin({ method: 'head', hostAccess: true, originRemoved: false })).toBe(false);
    expect(browserSendsOrigin({ method: 'POST', hostAccess: true, originRemoved: false })).toBe(true);
    expect(browserSendsOrigin({ method: 'POST', hostAccess: true, originRemoved: true })).toBe(false);
  });
});
