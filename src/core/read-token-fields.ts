import { parseJsonObject } from './json-object';

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
    return json.ok ? { format: 'json', fields: json.value } : { format: 'unreadable', fields: {}, problem: json.reason };
  }
  if (looksForm) {
    const fields: Record<string, unknown> = {};
    new URLSearchParams(text).forEach((value, name) => (fields[name] = value));
    return { format: 'form', fields };
  }
  return { format: 'unreadable', fields: {}, problem: `The body is neither JSON nor form-encoded: ${JSON.stringify(text.slice(0, 80))}.` };
}
