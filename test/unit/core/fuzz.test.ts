import { describe, expect, it } from 'vitest';
import * as core from '../../../src/core';
import { CORE_TARGETS, coreTargets } from '../../fuzz/core-targets';
import { runTarget } from '../../fuzz/run-target';

// `npm run fuzz` calls each function 10⁵ times; here each gets a few hundred hostile inputs (a
// new seed every run, printed on failure), and a new export without a target fails.
const RUNS = 200;

/**
 * The only functions allowed to throw, each for its documented reason and only on the input the
 * reason names (the target's `refuses` checks both). Anything else the core exports never throws.
 */
const DOCUMENTED_REFUSALS: Record<string, string> = {
  parseHttpTranscript: 'a paste with no HTTP status in it is refused with an Error that says what to paste instead; the popup shows its message',
  buildAuthorizationUrl: 'an authorization endpoint that is not an absolute URL gives no request to build: a TypeError that says so, and the run fails with its message',
};

describe('every function the core exports is fuzzed', () => {
  it('has a fuzz target, and only exports have one', () => {
    const functions = Object.entries(core)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(CORE_TARGETS).sort()).toEqual(functions);
  });

  it('lets only the documented refusals throw', () => {
    const refusing = coreTargets.filter(([, target]) => target.refuses).map(([name]) => name);
    expect(refusing.sort()).toEqual(Object.keys(DOCUMENTED_REFUSALS).sort());
  });

  for (const [name, target] of coreTargets) {
    it(`${name} does not throw`, async () => {
      const outcome = await runTarget(name, target, { runs: RUNS });
      expect(outcome.failure).toBeUndefined();
    });
  }
});
