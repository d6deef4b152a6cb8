import { medianTime } from './median-time';
import { explainExchange, inspectToken, parseHttpTranscript, parseTokenResponse } from '../src/core';

const MB = 1 << 20;
const RUNS = 15;
export const INSPECT_BUDGET_MS = 50;

// Shapes that exercise different paths: plain opaque, JWT-shaped, dirty (every cleaning step), a token response.
const HTML_PAGE = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(2)}</p>\n`.repeat(9000);
const INPUTS: Record<string, [() => string, (input: string) => unknown]> = {
  'opaque 1 MB': [() => 'a'.repeat(MB), (input) => inspectToken(input)],
  'JWT-shaped 1 MB': [() => `eyJ${'A'.repeat(MB / 2)}.${'B'.repeat(MB / 2 - 10)}.sig`, (input) => inspectToken(input)],
  'dirty 1 MB (spaces, %XX, = , U+200B)': [() => `"Bearer ${'ab=c%3D \u200B'.repeat(MB / 10)}"`, (input) => inspectToken(input)],
  'token response 1 MB': [() => JSON.stringify({ access_token: 'x'.repeat(MB), token_type: 'Bearer', expires_in: 3600 }), (input) => parseTokenResponse(input)],
  // "Explain a response" on a pasted error page: parse, then explain.
  'transcript 1 MB (curl -i, HTML body)': [
    () => `HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\n\r\n${HTML_PAGE}`,
    (input) => explainTranscript(input),
  ],
  'transcript 1 MB (half a million short lines)': [() => `< HTTP/1.1 401 Unauthorized\n<\n${'x\n'.repeat(MB / 2)}`, (input) => explainTranscript(input)],
};

export type InspectTiming = { input: string; medianMs: number; withinBudget: boolean };

/** Median time of the popup's synchronous work on 1 MB pastes (inspect, parse a response, explain a transcript), in Node. */
export function timeLargeInputs(): InspectTiming[] {
  return Object.entries(INPUTS).map(([name, [make, work]]) => {
    const input = make();
    const medianMs = Number(medianTime(() => work(input), RUNS).toFixed(1));
    return { input: name, medianMs, withinBudget: medianMs <= INSPECT_BUDGET_MS };
  });
}

function explainTranscript(input: string) {
  const read = parseHttpTranscript(input);
  return read.ok ? explainExchange(read.exchange) : read.problem;
}
