import { performance } from 'node:perf_hooks';
import { inspectToken, parseTokenResponse } from '../src/core';

const MB = 1 << 20;
const RUNS = 15;
export const INSPECT_BUDGET_MS = 50;

// Shapes that exercise different paths: plain opaque, JWT-shaped, dirty (every cleaning step), a token response.
const INPUTS: Record<string, () => string> = {
  'opaque 1 MB': () => 'a'.repeat(MB),
  'JWT-shaped 1 MB': () => `eyJ${'A'.repeat(MB / 2)}.${'B'.repeat(MB / 2 - 10)}.sig`,
  'dirty 1 MB (spaces, %XX, = , U+200B)': () => `"Bearer ${'ab=c%3D \u200B'.repeat(MB / 10)}"`,
  'token response 1 MB': () => JSON.stringify({ access_token: 'x'.repeat(MB), token_type: 'Bearer', expires_in: 3600 }),
};

export type InspectTiming = { input: string; medianMs: number; withinBudget: boolean };

/** Median time of inspectToken (or parseTokenResponse for the response) on 1 MB inputs, in Node. */
export function timeLargeInputs(): InspectTiming[] {
  return Object.entries(INPUTS).map(([name, make]) => {
    const input = make();
    const run = name.startsWith('token response') ? () => parseTokenResponse(input) : () => inspectToken(input);
    run(); // warm-up: JIT
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const medianMs = Number(times[Math.floor(RUNS / 2)]!.toFixed(1));
    return { input: name, medianMs, withinBudget: medianMs <= INSPECT_BUDGET_MS };
  });
}
