import { describe, expect, it } from 'vitest';
import * as core from '../../../src/core';
import { CORE_TARGETS, coreTargets } from '../../fuzz/core-targets';
import { runTarget } from '../../fuzz/run-target';

// `npm run fuzz` calls each function 10⁵ times; here each gets a few hundred hostile inputs (a
// new seed every run, printed on failure), and a new export without a target fails.
const RUNS = 200;
// Bounded by the runs, not by time: a few hundred inputs, some of a megabyte, take seconds on a
// busy two-core machine (classifyPaste once went past Vitest's 5 s default).
const TARGET_TIMEOUT_MS = 60_000;

describe('every function the core exports is fuzzed', () => {
  it('has a fuzz target, and only exports have one', () => {
    const functions = Object.entries(core)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(CORE_TARGETS).sort()).toEqual(functions);
  });

  for (const [name, target] of coreTargets) {
    it(`${name} does not throw`, async () => {
      const outcome = await runTarget(name, target, { runs: RUNS });
      expect(outcome.failure).toBeUndefined();
    }, TARGET_TIMEOUT_MS);
  }
});
