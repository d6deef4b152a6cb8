import type { HttpExchange } from '../../../src/core';
import { parseHttpTranscript } from '../../../src/core/traffic/parse-http-transcript';

/**
 * The exchange read from a paste, or an Error carrying the reader's problem, so a test can say
 * `toThrow(problem)`; parseHttpTranscript itself never throws.
 */
export function readTranscript(text: string): HttpExchange {
  const read = parseHttpTranscript(text);
  if (!read.ok) throw new Error(read.problem);
  return read.exchange;
}
