export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Parses text that should hold a JSON object, as OAuth bodies do. Never throws: `what` names the
 * document in the reason, which quotes the start of a body that is not JSON (often an HTML error page).
 */
export function parseJsonObject(text: string, what: string): JsonObjectResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${what} is not JSON: ${text.slice(0, 120)}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: `${what} is not a JSON object.` };
  }
  return { ok: true, value: json as Record<string, unknown> };
}
