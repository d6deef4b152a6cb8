/**
 * A host the developer chose to watch, as typed: "api.freeagent.com", "localhost:3000",
 * "*.example.com". `origins` is what to ask the browser for: match patterns carry no port
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns), so a port
 * narrows the watch in `matchesHostPattern`, not in the permission.
 */
export type HostPattern = { pattern: string; host: string; wildcard: boolean; port?: string; origins: string[] };

export type HostPatternResult = { ok: true; value: HostPattern } | { ok: false; reason: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Reads a typed host pattern; never throws. A pasted URL is taken for its host (and port). */
export function parseHostPattern(input: string): HostPatternResult {
  // A stored pattern that is not text is read as nothing typed.
  let text = typeof input === 'string' ? input.trim().toLowerCase() : '';
  if (text === '') return { ok: false, reason: 'Type a host, such as api.freeagent.com, localhost:3000 or *.example.com.' };
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(text);
  if (scheme) text = text.slice(scheme[0].length);
  text = text.replace(/[/?#].*$/, '');
  const portMatch = /:(\d{1,5})$/.exec(text);
  const port = portMatch?.[1];
  if (port !== undefined) text = text.slice(0, -portMatch![0].length);
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return { ok: false, reason: `Port ${port} is out of range (1–65535).` };
  const wildcard = text.startsWith('*.');
  const host = wildcard ? text.slice(2) : text;
  const ipv6 = /^\[[0-9a-f:.]+\]$/.test(host);
  if (!ipv6 && (host === '' || !host.split('.').every((label) => LABEL.test(label)))) {
    return { ok: false, reason: `"${input.trim()}" is not a host name. Write it as api.example.com, localhost:3000 or *.example.com (a * only as the first label).` };
  }
  if (wildcard && !host.includes('.')) return { ok: false, reason: `"*.${host}" would watch a whole top-level domain; name the site, as in *.example.com.` };
  const matchHost = wildcard ? `*.${host}` : host;
  return {
    ok: true,
    value: {
      pattern: `${matchHost}${port !== undefined ? `:${port}` : ''}`,
      host,
      wildcard,
      ...(port !== undefined ? { port } : {}),
      origins: [`http://${matchHost}/*`, `https://${matchHost}/*`],
    },
  };
}

/** Whether a request URL falls under a watched host pattern (the port too, when one was given). */
export function matchesHostPattern(url: string, pattern: HostPattern): boolean {
  const match = /^(https?):\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)(?::(\d+))?/i.exec(url);
  if (!match) return false;
  const host = match[2]!.toLowerCase();
  const hostOk = pattern.wildcard ? host === pattern.host || host.endsWith(`.${pattern.host}`) : host === pattern.host;
  if (!hostOk) return false;
  if (pattern.port === undefined) return true;
  const port = match[3] ?? (match[1]!.toLowerCase() === 'https' ? '443' : '80');
  return port === pattern.port;
}

/** The patterns that parse: a stored one that no longer does is skipped rather than breaking the watcher. */
export function parseHostPatterns(patterns: readonly string[]): HostPattern[] {
  if (!Array.isArray(patterns)) return [];
  return patterns.flatMap((pattern) => {
    const parsed = parseHostPattern(pattern);
    return parsed.ok ? [parsed.value] : [];
  });
}

/** The origins these patterns need, each once: "localhost:3000" and "localhost:4000" share theirs. */
export function originsOf(patterns: readonly HostPattern[]): string[] {
  return [...new Set(patterns.flatMap((pattern) => pattern.origins))];
}
