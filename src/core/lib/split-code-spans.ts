/** A piece of a note: plain text, or a Markdown code span's content (`code`). */
export type NotePart = { text: string; code?: true };

// One line, no backtick inside: the only Markdown the catalogue's notes use.
const CODE_SPAN = /`([^`\n]+)`/g;

/**
 * A catalogue note cut into text and code spans, so that a view shows `npm start` as code and no
 * backtick is left on screen. An unpaired backtick stays text. Nothing here is HTML: a view
 * renders each part as text. Never throws.
 */
export function splitCodeSpans(text: unknown): NotePart[] {
  if (typeof text !== 'string') return [];
  const parts: NotePart[] = [];
  let from = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ text: match[1]!, code: true });
    from = match.index + match[0].length;
  }
  if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from) });
  return parts;
}
