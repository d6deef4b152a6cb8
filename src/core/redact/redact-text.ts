import type { SecretKind } from '../catalog/secret-names';
import { maskSecret } from './mask-secret';
import { maskValue } from './mask-value';
import { redactHeader } from './redact-header';
import { redactNamedValues } from './redact-named-values';
import { redactUserinfo } from './redact-url';
import { secretNameKind } from './secret-name-kind';
import { withoutTrailing } from '../lib/without-trailing';

/**
 * Free text with its secrets masked, by the names they come under: multipart/form-data parts,
 * XML and HTML elements and attributes, form_post inputs, header lines (`Authorization: Bearer …`,
 * `Cookie: …`), `name=value` and `name: value` anywhere, and tokens as a URL's userinfo. What an
 * error page, a log excerpt or a diagnosis's quote of them shows. Never throws; redacting twice
 * changes nothing more.
 */
export function redactText(text: string): string {
  if (typeof text !== 'string' || text === '') return text;
  return redactLines(redactUserinfos(redactInputs(redactElements(redactMultipart(text)))));
}

function maskFor(value: string, kind: SecretKind, name: string): string {
  // Inside markup, credentials are masked whole: "<redacted …>" would read as a tag.
  return maskValue(value, kind === 'credentials' ? 'token' : kind, name);
}

// ---- multipart/form-data (RFC 7578): each part names its field in Content-Disposition.

// Bounded: a part's header line and the few lines after it, so text that only looks like parts
// (no blank line, or one endless line) is scanned once, not once per "Content-Disposition".
const PART = /(Content-Disposition:[^\r\n]{0,200}?;[ \t]*name=(?:"([^"\r\n]{0,200})"|([^\s;"]{1,200}))[^\r\n]{0,300}\r?\n(?:[^\r\n]{1,300}\r?\n){0,8}?\r?\n)([\s\S]*?)(?=\r?\n--|$)/gi;

function redactMultipart(text: string): string {
  if (!/content-disposition/i.test(text)) return text;
  return text.replace(PART, (whole, head: string, quoted: string | undefined, bare: string | undefined, value: string) => {
    const name = quoted ?? bare ?? '';
    const kind = secretNameKind(name);
    if (!kind || value === '') return whole;
    return head + maskFor(value, kind, name);
  });
}

// ---- XML and HTML elements: <client_secret>…</client_secret>, <saml:Assertion>…</saml:Assertion>

const OPENING_TAG = /<((?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*))(?:\s[^<>]*)?>/g;

function redactElements(text: string): string {
  if (!text.includes('</')) return text;
  let out = '';
  let copied = 0;
  const unclosed = new Set<string>();
  OPENING_TAG.lastIndex = 0;
  for (let match = OPENING_TAG.exec(text); match; match = OPENING_TAG.exec(text)) {
    const [tag, qualified, local] = match;
    // HTML's <code> is a typeface, not a grant; an element closed by itself holds nothing.
    if (tag.endsWith('/>') || local!.toLowerCase() === 'code' || unclosed.has(qualified!)) continue;
    const kind = secretNameKind(local!);
    if (!kind) continue;
    const start = OPENING_TAG.lastIndex;
    const end = closingTag(text, qualified!, start);
    if (end < 0) {
      unclosed.add(qualified!);
      continue;
    }
    const content = text.slice(start, end);
    // The white space around the value stays; trimmed by a loop, as a regex is quadratic on a long run inside.
    const lead = /^\s*/.exec(content)![0];
    const core = withoutTrailing(content.slice(lead.length), /\s/);
    const trail = content.slice(lead.length + core.length);
    const masked = core === '' ? core : maskFor(core, kind, local!);
    if (masked !== core) {
      out += text.slice(copied, start) + lead + masked + trail;
      copied = end;
    }
    OPENING_TAG.lastIndex = end;
  }
  return out + text.slice(copied);
}

/** Where `</name>` starts after `from`, or -1. */
function closingTag(text: string, name: string, from: number): number {
  const closing = `</${name}`;
  for (let at = text.indexOf(closing, from); at >= 0; at = text.indexOf(closing, at + 1)) {
    if (/^\s*>/.test(text.slice(at + closing.length, at + closing.length + 40))) return at;
  }
  return -1;
}

// ---- response_mode=form_post and CSRF meta tags: <input name="code" value="…">, <meta name="csrf-token" content="…">

const FIELD_TAG = /<(?:input|meta|param|option)\b[^<>]*>/gi;
const NAME_ATTRIBUTE = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=/]+))/i;
const VALUE_ATTRIBUTE = /(\b(?:value|content)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))/i;

function redactInputs(text: string): string {
  if (!/<(?:input|meta|param|option)\b/i.test(text)) return text;
  return text.replace(FIELD_TAG, (tag) => {
    const named = NAME_ATTRIBUTE.exec(tag);
    const name = named ? (named[1] ?? named[2] ?? named[3] ?? '') : '';
    const kind = secretNameKind(name);
    if (!kind) return tag;
    return tag.replace(VALUE_ATTRIBUTE, (whole, prefix: string, double?: string, single?: string, bare?: string) => {
      const value = double ?? single ?? bare ?? '';
      const masked = maskFor(value, kind, name);
      if (masked === value) return whole;
      // An unquoted value gains quotes: the mask has spaces. A quote it shows would end it early.
      const quote = single !== undefined ? "'" : '"';
      return `${prefix}${quote}${masked.includes(quote) ? maskSecret(value, 'password') : masked}${quote}`;
    });
  });
}

// ---- https://TOKEN@host/ and https://user:password@host/ written in text

const URL_USERINFO = /\b([A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/)([^\s/?#@"'<>]+)@/g;

function redactUserinfos(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(URL_USERINFO, (_, scheme: string, userinfo: string) => `${scheme}${redactUserinfo(userinfo)}@`);
}

// ---- Header lines and name=value, line by line

// A lone \r inside a line is part of the value: only \n ends a line here.
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)([ \t]*:[ \t]*)([^\n]*?)(\r?)$/;
const URL_HEADERS = new Set(['cookie', 'set-cookie', 'location', 'content-location', 'referer', 'refresh', 'link']);

function redactLines(text: string): string {
  if (!/[=:]/.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const header = HEADER_LINE.exec(line);
      if (header) {
        const [, name, colon, value, cr] = header;
        const lower = name!.toLowerCase();
        if (URL_HEADERS.has(lower) || secretNameKind(lower)) return `${name}${colon}${redactHeader(name!, value!)}${cr}`;
      }
      return redactNamedValues(line);
    })
    .join('\n');
}
