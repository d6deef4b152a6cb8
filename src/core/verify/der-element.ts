/** One DER element (X.690 §8.1): its tag, and where its contents lie in the octets it was read from. */
export type DerElement = { tag: number; start: number; end: number };

// ASN.1 tags the key formats use (X.690 §8.1.2): universal, and one context-specific constructed.
export const DER = { integer: 0x02, bitString: 0x03, oid: 0x06, sequence: 0x30, explicit0: 0xa0 } as const;

/**
 * The element at `at`, or undefined when the octets there are not DER: a high tag number, an
 * indefinite length (BER only), a length of more than four octets or past `limit`. Lengths are
 * checked before use, so hostile octets cannot make a reader run past its buffer.
 */
export function derElement(bytes: Uint8Array, at: number, limit = bytes.length): DerElement | undefined {
  if (at + 2 > limit) return undefined;
  const tag = bytes[at]!;
  if ((tag & 0x1f) === 0x1f) return undefined;
  let length = bytes[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4 || start + octets > limit) return undefined;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + bytes[start + i]!;
    start += octets;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The elements inside a constructed one, in order; undefined if any of them is not DER or they do not fill it exactly. */
export function derChildren(bytes: Uint8Array, parent: DerElement): DerElement[] | undefined {
  const children: DerElement[] = [];
  for (let at = parent.start; at < parent.end; ) {
    const child = derElement(bytes, at, parent.end);
    if (!child) return undefined;
    children.push(child);
    at = child.end;
  }
  return children;
}
