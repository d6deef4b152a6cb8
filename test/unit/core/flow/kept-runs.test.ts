import { describe, expect, it } from 'vitest';
import { bundledDemoProfile, keptRuns, runFailed, runSucceeded, startRun, summarizeRun, tokensAccepted, type FlowRun } from '../../../../src/core';

const run = (id: string, status: 'succeeded' | 'failed'): FlowRun => {
  const started = startRun({ id, profile: bundledDemoProfile(), startedAt: '2026-12-01T10:00:00.000Z', redirectUri: 'https://client.example.com/cb' });
  return status === 'succeeded'
    ? runSucceeded(tokensAccepted(started, { access_token: '2YotnFZFEjr1zCsicMWpAA', token_type: 'Bearer' }))
    : runFailed(started, { stage: 'token', message: 'invalid_grant', reason: 'token_error' });
};

describe('keptRuns', () => {
  it('keeps the newest within the count', () => {
    const runs = Array.from({ length: 25 }, (_, i) => run(`r${i}`, 'succeeded'));
    expect(keptRuns(runs, 20, 1e9).map((r) => r.id)).toEqual(runs.slice(0, 20).map((r) => r.id));
  });

  it('keeps the newest run that succeeded, however many failed runs came after it', () => {
    const failed = Array.from({ length: 25 }, (_, i) => run(`f${i}`, 'failed'));
    const runs = [...failed, run('good', 'succeeded'), run('older', 'succeeded')];
    const kept = keptRuns(runs, 20, 1e9).map((r) => r.id);
    expect(kept).toHaveLength(20);
    expect(kept.slice(0, 19)).toEqual(failed.slice(0, 19).map((r) => r.id));
    expect(kept[19]).toBe('good');
    expect(kept).not.toContain('older');
  });

  it('keeps it within the byte budget too, failed runs giving way', () => {
    const failed = Array.from({ length: 5 }, (_, i) => run(`f${i}`, 'failed'));
    const size = JSON.stringify(failed[0]).length + 1;
    const kept = keptRuns([...failed, run('good', 'succeeded')], 20, size * 3).map((r) => r.id);
    expect(kept).toContain('good');
    expect(kept[0]).toBe('f0');
    expect(kept.length).toBeLessThanOrEqual(3);
  });

  it('a list of another shape keeps nothing', () => {
    expect(keptRuns('runs' as never, 20, 1e9)).toEqual([]);
  });
});

describe('summarizeRun', () => {
  it('names what the history shows and nothing secret', () => {
    const summary = summarizeRun(run('r1', 'succeeded'));
    expect(summary).toMatchObject({ id: 'r1', status: 'succeeded', hasTokens: true, requests: 0 });
    expect(JSON.stringify(summary)).not.toContain('2YotnFZFEjr1zCsicMWpAA');
    expect(summarizeRun(run('r2', 'failed'))).toMatchObject({ hasTokens: false, failure: { stage: 'token', reason: 'token_error' } });
  });
});
