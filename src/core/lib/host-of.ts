/**
 * The host of an absolute URL, lowercased, read by hand: URL would throw on the odd strings
 * developers paste. With `port`, a port other than the scheme's default too (`127.0.0.1:3000`),
 * as URL's `host` has it: it tells apart servers on one machine.
 */
export function hostOf(url: string, { port = false }: { port?: boolean } = {}): string | undefined {
  if (typeof url !== 'string') return undefined;
  const match = /^([a-z][a-z0-9+.-]*):\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)(?::(\d+))?/i.exec(url.trim());
  if (!match?.[2]) return undefined;
  const host = match[2].toLowerCase();
  const written = match[3]?.replace(/^0+(?=\d)/, '');
  if (!port || written === undefined || written === DEFAULT_PORTS.get(match[1]!.toLowerCase())) return host;
  return `${host}:${written}`;
}

const DEFAULT_PORTS = new Map([['http', '80'], ['https', '443'], ['ws', '80'], ['wss', '443']]);
