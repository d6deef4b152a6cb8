/** The host of an absolute URL, lowercased, read by hand: URL would throw on the odd strings developers paste. */
export function hostOf(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/i.exec(url.trim());
  return match?.[1] ? match[1].toLowerCase() : undefined;
}
