// `npm run fuzz`: every function the core exports (test/fuzz/core-targets.ts) called with 10⁵
// hostile inputs; none may throw. Targets are shared among child processes, one per core by
// default. A failure prints fast-check's shrunk counterexample and the command that replays it.
//
//   npm run fuzz -- --runs 1000 --seed 42 --only explainExchange,readError --jobs 1
//   FUZZ_RUNS=1000 FUZZ_SEED=42 npm run fuzz
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { coreTargets, type CoreFunctionName } from '../test/fuzz/core-targets';
import { runTarget, type TargetOutcome } from '../test/fuzz/run-target';

type Options = { runs: number; seed: number; path?: string; only?: string[]; jobs: number };
type Outcome = Omit<TargetOutcome, 'slowest'> & { slowest: { ms: number; size: number } };

function readOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const integer = (text: string | undefined, what: string, fallback: number) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new Error(`${what} must be an integer, not "${text}"`);
    return n;
  };
  const only = value('--only')?.split(',').map((name) => name.trim()).filter(Boolean);
  const known = new Set(coreTargets.map(([name]) => name));
  const unknown = only?.filter((name) => !known.has(name as CoreFunctionName)) ?? [];
  if (unknown.length > 0) throw new Error(`No fuzz target named ${unknown.join(', ')}`);
  const path = value('--path');
  return {
    runs: integer(value('--runs') ?? process.env.FUZZ_RUNS, '--runs', 100_000),
    // A seed of its own each time unless given: printed, so any run can be replayed.
    seed: integer(value('--seed') ?? process.env.FUZZ_SEED, '--seed', (Date.now() ^ (Math.random() * 0x7fffffff)) | 0),
    ...(path !== undefined ? { path } : {}),
    ...(only ? { only } : {}),
    jobs: Math.max(1, integer(value('--jobs'), '--jobs', Math.min(2, availableParallelism()))),
  };
}

/** In a child: run each target the parent sends, answer with its outcome (the slowest input itself stays here). */
function serve(options: Options): void {
  process.on('message', async (name: CoreFunctionName | '') => {
    if (name === '') return void process.disconnect();
    const target = coreTargets.find(([n]) => n === name)![1];
    const { slowest, ...outcome } = await runTarget(name, target, options);
    process.send!({ ...outcome, slowest: { ms: slowest.ms, size: slowest.size } } satisfies Outcome);
  });
  process.send!('ready');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function report(outcome: Outcome): void {
  const slow = `slowest call ${outcome.slowest.ms.toFixed(1)} ms (input size ${outcome.slowest.size})`;
  console.log(`${outcome.failure ? 'FAIL' : 'ok  '} ${outcome.name.padEnd(30)} ${String(outcome.runs).padStart(7)} runs ${seconds(outcome.ms).padStart(8)}   ${slow}`);
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (process.argv.includes('--child')) return serve(options);

  const names = coreTargets.map(([name]) => name).filter((name) => !options.only || options.only.includes(name));
  console.log(`Fuzzing ${names.length} core functions, ${options.runs} runs each, seed ${options.seed}, ${options.jobs} processes.`);
  const started = performance.now();
  const outcomes: Outcome[] = [];
  const queue = [...names];
  const script = fileURLToPath(import.meta.url);
  await Promise.all(
    Array.from({ length: Math.min(options.jobs, names.length) }, () =>
      new Promise<void>((resolve, reject) => {
        // The child gets tsx's loader through execArgv, and the same options.
        const child = fork(script, [...process.argv.slice(2), '--child', '--seed', String(options.seed), '--runs', String(options.runs)], { execArgv: process.execArgv });
        // An empty name: nothing left, the child disconnects and exits.
        const next = () => child.send(queue.shift() ?? '');
        child.on('message', (message: 'ready' | Outcome) => {
          if (message !== 'ready') {
            outcomes.push(message);
            report(message);
          }
          next();
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`A fuzz process exited with ${code}`))));
      }),
    ),
  );

  const wall = performance.now() - started;
  const failures = outcomes.filter((outcome) => outcome.failure);
  const slowestTargets = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`\n${outcomes.length} targets, ${outcomes.reduce((sum, o) => sum + o.runs, 0)} calls in ${seconds(wall)} (seed ${options.seed}).`);
  console.log(`Slowest targets: ${slowestTargets.map((o) => `${o.name} ${seconds(o.ms)}`).join(', ')}.`);
  for (const failure of failures) {
    console.log(`\n---- ${failure.name} threw\n${failure.failure}`);
    // fast-check's path replays the shrunk counterexample at once; the seed alone runs the search again.
    const path = /path: "([^"]+)"/.exec(failure.failure ?? '')?.[1];
    console.log(`Replay: npm run fuzz -- --only ${failure.name} --seed ${options.seed} --runs ${options.runs}${path ? ` --path ${path}` : ''}`);
  }
  if (failures.length > 0) {
    console.log(`\n${failures.length} of ${outcomes.length} targets failed: ${failures.map((f) => f.name).join(', ')}.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
