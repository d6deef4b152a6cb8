import { describe, expect, it, vi } from 'vitest';
import type { ErrorEntry } from '../../../src/core';
import { memoryArea } from './fakes/memory-area';
import { recordingBadge } from './fakes/recording-badge';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { createErrorLog } = await import('../../../src/background/error-log');
const { fromDevtools } = await import('../../../src/background/devtools-errors');

// RFC 6749 §5.2's answer to a token request, as the DevTools panel would send it, with an access
// token left in the body as though the panel had not redacted it.
const SENT: ErrorEntry = {
  id: '2026-12-01T10:00:05.000Z POST https://server.example.com/token',
  at: '2026-12-01T10:00:05.100Z',
  source: 'watcher',
  exchange: {
    request: { method: 'POST', url: 'https://server.example.com/token', headers: { authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW' } },
    response: { status: 400, headers: {}, body: '{"error":"invalid_grant","access_token":"2YotnFZFEjr1zCsicMWpAA"}' },
  },
  seen: true,
};

describe("the DevTools panel's failures in the Errors list", () => {
  it('are checked, redacted again, named as the panel’s and unseen', () => {
    const [entry] = fromDevtools([SENT, { id: 3 }, 'entry', null]);
    expect(fromDevtools([SENT, { id: 3 }, 'entry', null])).toHaveLength(1);
    expect(entry).toMatchObject({ source: 'devtools', seen: false, id: `devtools:${SENT.id}` });
    expect(JSON.stringify(entry)).not.toContain('2YotnFZFEjr1zCsicMWpAA');
    expect(JSON.stringify(entry)).not.toContain('czZCaGRSa3F0MzpnWDFmQmF0M2JW');
    expect(fromDevtools('entries')).toEqual([]);
  });

  it('are listed once, however often the panel sends them', async () => {
    const badge = recordingBadge();
    const log = createErrorLog(memoryArea().area, badge);
    expect(await log.recordNew(fromDevtools([SENT]))).toBe(1);
    await log.markSeen();
    expect(await log.recordNew(fromDevtools([SENT]))).toBe(0);
    const listed = await log.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]!.seen).toBe(true);
  });
});
