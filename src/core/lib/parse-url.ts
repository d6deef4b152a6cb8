/** `new URL(text, base)`, or undefined where that would throw: pasted and received text is often no URL. */
export function parseUrl(text: string | undefined, base?: string): URL | undefined {
  if (text === undefined) return undefined;
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}
