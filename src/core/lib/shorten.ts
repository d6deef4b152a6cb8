/**
 * `text` as it is, or cut to `max` characters with the ellipsis counted, so a quoted value keeps a
 * sentence readable. A cut never splits a surrogate pair: half a character is no character.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max - 1;
  const code = text.charCodeAt(end - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end)}…`;
}
