/** Decodes as servers do (`+` is a space) and never throws on a stray "%"; most values have nothing to decode. */
export function formDecode(text: string): string {
  if (!/[%+]/.test(text)) return text;
  return new URLSearchParams(`x=${text.replaceAll('&', '%26')}`).get('x') ?? text;
}

/**
 * Only ASCII that would change how the value splits or decodes is escaped: the mask's ellipsis
 * and bullets stay readable, and URL and form parsers take them as they are.
 */
export function encodeValue(text: string, space: '+' | '%20'): string {
  return text.replace(/[^A-Za-z0-9\-._~!*'()\u0080-\uFFFF]/g, (char) =>
    char === ' ' ? space : `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
