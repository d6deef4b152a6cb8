import type { TokenInspection } from '../core';

// Rendering a megabyte character by character would freeze the popup; the rest is summarised.
const SHOWN = 4000;
const PART_CLASSES = ['part-header', 'part-payload', 'part-signature', 'part-iv', 'part-tag'];

/**
 * The token as it will be sent: JOSE segments in distinct colours, and every character that is
 * unsafe somewhere (URL, header or cookie) highlighted.
 */
export function TokenText({ inspection }: { inspection: TokenInspection }) {
  const { token, safety } = inspection;
  const offending = new Set([...safety.url.offending, ...safety.header.offending, ...safety.cookie.offending]);
  const shown = token.length > SHOWN ? token.slice(0, SHOWN) : token;
  const parts = inspection.kind === 'jwt' || inspection.kind === 'jwe' ? shown.split('.') : [shown];
  return (
    <p class="token-text" data-testid="token-text">
      <code>
        {parts.map((part, i) => (
          <>
            {i > 0 && <span class="dot">.</span>}
            <span class={parts.length > 1 ? (PART_CLASSES[i] ?? '') : ''}>{highlight(part, offending)}</span>
          </>
        ))}
      </code>
      {token.length > SHOWN && <small> …and {token.length - SHOWN} more characters</small>}
    </p>
  );
}

function highlight(text: string, offending: Set<string>) {
  if (offending.size === 0) return text;
  const out: (string | preact.JSX.Element)[] = [];
  let plain = '';
  for (const char of text) {
    if (!offending.has(char)) {
      plain += char;
      continue;
    }
    if (plain) out.push(plain);
    plain = '';
    out.push(
      <mark class="offending" title={`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`}>
        {char === ' ' ? '␠' : char}
      </mark>,
    );
  }
  if (plain) out.push(plain);
  return out;
}
