import { parseJsonObject } from '../lib/json-object';

export type TokenFields = {
  format: 'json' | 'form' | 'unreadable';
  /** Every field as received, standard or not. */
  fields: Record<string, unknown>;
  /** Why the body could not be read, when it could not. */
  problem?: string;
};

/**
 * The fields of a token endpoint's body, JSON (RFC 6749 §5.1) or form-encoded (GitHub's
 * default), without judging them: what the background needs to take tokens, kept apart from
 * parseTokenResponse's inspection so the background does not carry the token catalogue.
 */
export function readTokenFields(body: string, contentType?: string): TokenFields {
  const text = body.trim();
  const type = contentType?.toLowerCase() ?? '';
  const looksJson = type.includes('json') || (!type.includes('form') && /^[[{]/.test(text));
  const looksForm = type.includes('x-www-form-urlencoded') || (!looksJson && /^[^\s{}<>=]+=[^\s]*$/.test(text));
  if (text === '') return { format: 'unreadable', fields: {}, problem: 'The body is empty.' };
  if (looksJson) {
    const json = parseJsonObject(text, 'The body');
    if (json.ok) return { format: 'json', fields: json.value };
    // Valid JSON of another type is named as such; anything else is described, not quoted.
    const parsed = json.reason.endsWith('is not a JSON object.');
    return { format: 'unreadable', fields: {}, problem: parsed ? json.reason : `The body is not JSON${looksLike(text)}.` };
  }
  if (looksForm) {
    const fields: Record<string, unknown> = {};
    new URLSearchParams(text).forEach((value, name) => (fields[name] = value));
    return { format: 'form', fields };
  }
  return { format: 'unreadable', fields: {}, problem: `The body is neither JSON nor form-encoded${looksLike(text)}.` };
}

// A body that cannot be read is described, never quoted: a token endpoint's body can hold
// tokens in any shape (a form labelled JSON, a log line), and the description reaches the run's
// failure message. The body itself is shown with the exchange, redacted.
function looksLike(text: string): string {
  if (/^<(?:!doctype\s+html|html)\b/i.test(text)) return ': it is an HTML page (an error page, a sign-in page or a proxy\'s)';
  if (/^<\?xml\b|^<[a-z]/i.test(text)) return ': it looks like XML or HTML';
  // Each pair is a name, then "=" and a value or nothing: one way to read it, so the test stays
  // linear (with "=?" between two runs that take the same characters, each pair could be split many
  // ways, and a body of a few pairs that fails at its end backtracked through every split: exponential).
  if (/^[^\s{}<>=&]+=[^&\s]*(?:&[^\s=&]+(?:=[^&\s]*)?)*$/.test(text)) return ': it is form-encoded (name=value&…), as GitHub answers unless asked for JSON with Accept: application/json';
  if (/^[[{]/.test(text)) return ': it starts as JSON and breaks off or goes wrong before its end';
  return '';
}
