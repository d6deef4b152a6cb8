import { splitTimes } from '../core';
import { Time } from './Time';

/**
 * A core text that names instants in UTC ("at 14:02:11 UTC"), each shown as `<Time>`: local, like
 * every other time in the views. The text itself stays as the core wrote it for copied reports.
 */
export function TextWithTimes({ text, times }: { text: string; times?: readonly string[] | undefined }) {
  if (!times || times.length === 0) return <>{text}</>;
  return <>{splitTimes(text, times).map((part, i) => (typeof part === 'string' ? part : <Time key={i} at={part.time} />))}</>;
}
