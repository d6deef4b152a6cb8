import { performance } from 'node:perf_hooks';

/** The median of `runs` timed calls of `work`, in ms, after one call untimed (the JIT's warm-up). */
export function medianTime(work: () => unknown, runs: number): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}
