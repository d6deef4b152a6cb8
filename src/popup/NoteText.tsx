import { splitCodeSpans } from '../core';

/** A catalogue note as text, its Markdown code spans as <code>: no backtick shows, no HTML is read. */
export function NoteText({ text }: { text: string }) {
  return <>{splitCodeSpans(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : part.text))}</>;
}
