import fc from 'fast-check';
import * as core from '../../src/core';
import type { CoreFunctionName, FuzzTarget } from './core-targets';

/** The slowest single call seen: a hint of input that costs more than its length, never a failure. */
export type Slowest = { ms: number; size: number; args?: unknown[] };

export type TargetOutcome = {
  name: CoreFunctionName;
  runs: number;
  ms: number;
  slowest: Slowest;
  /** fast-check's report, with the shrunk counterexample, the seed and the path to replay it. */
  failure?: string;
};

export type RunOptions = { runs: number; seed?: number; path?: string };

/** Roughly how big an input was: the total length of its strings, the count of its other values. */
function sizeOf(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null || depth > 8) return 1;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  let size = 1;
  for (const key of Object.keys(value)) size += sizeOf((value as Record<string, unknown>)[key], depth + 1);
  return size;
}

/**
 * The property every target must hold: the call does not throw (an async one does not reject),
 * and returns something unless the target allows
 * undefined. null is a result: several functions answer null for "nothing to say".
 */
export function fuzzProperty(name: CoreFunctionName, target: FuzzTarget, slowest: Slowest): fc.IRawProperty<unknown[], boolean> {
  const fn = core[name] as (...args: unknown[]) => unknown;
  const judge = (result: unknown) => {
    if (result === undefined && !target.mayReturnUndefined) throw new Error(`${name} returned undefined, which its type does not allow`);
  };
  const timed = (args: unknown[], start: number) => {
    const ms = performance.now() - start;
    if (ms > slowest.ms) Object.assign(slowest, { ms, size: sizeOf(args), args });
  };
  const args = target.args as fc.Arbitrary<unknown[]>;
  if (fn.constructor.name === 'AsyncFunction') {
    return fc.asyncProperty(args, async (input) => {
      const start = performance.now();
      try {
        judge(await fn(...input));
      } finally {
        timed(input, start);
      }
    }) as unknown as fc.IRawProperty<unknown[], boolean>;
  }
  return fc.property(args, (input) => {
    const start = performance.now();
    let result: unknown;
    try {
      result = fn(...input);
    } finally {
      timed(input, start);
    }
    if (result instanceof Promise) throw new Error(`${name} returned a promise from a function not declared async: fuzz it as async`);
    judge(result);
  }) as unknown as fc.IRawProperty<unknown[], boolean>;
}

/** Runs one target; never throws, the failure is in the outcome. */
export async function runTarget(name: CoreFunctionName, target: FuzzTarget, options: RunOptions): Promise<TargetOutcome> {
  const slowest: Slowest = { ms: 0, size: 0 };
  const start = performance.now();
  const parameters: fc.Parameters<unknown[]> = {
    numRuns: options.runs,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
    // The report names the error and where the core threw it.
    includeErrorInReport: true,
  };
  const property = fuzzProperty(name, target, slowest) as fc.IAsyncProperty<unknown[]>;
  let outcome: Pick<TargetOutcome, 'runs' | 'failure'>;
  try {
    const details = await fc.check(property, parameters);
    outcome = { runs: details.numRuns, ...(details.failed ? { failure: report(details) } : {}) };
  } catch (error) {
    // fast-check itself can overflow the stack while shrinking or printing a deeply nested input.
    outcome = { runs: 0, failure: `fast-check stopped (${String(error)}) while running, shrinking or printing a failure; replay with --seed ${parameters.seed ?? '(the printed seed)'} and --jobs 1 to see it.` };
  }
  return { name, ms: performance.now() - start, slowest, ...outcome };
}

/** fast-check's report, or the gist of it when the counterexample is too deep to print. */
function report(details: fc.RunDetails<unknown[]>): string {
  try {
    // fast-check's own stack frames say nothing about the core.
    return (fc.defaultReportMessage(details) ?? 'failed')
      .split('\n')
      .filter((line) => !/^\s+at .*node_modules[\\/]fast-check/.test(line))
      .join('\n');
  } catch {
    return `Property failed after ${details.numRuns} tests\n{ seed: ${details.seed}, path: "${details.counterexamplePath}" }\nCounterexample too deep to print.\nGot ${String(details.errorInstance)}`;
  }
}
