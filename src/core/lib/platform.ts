// The core does no I/O and touches no global crypto: callers hand in these capabilities.
// The extension passes crypto.getRandomValues / crypto.subtle; tests pass Node's or fixed bytes.

/** Returns `length` cryptographically random bytes. */
export type Randomness = (length: number) => Uint8Array;

/** SHA-256 digest of `data`. */
export type Sha256 = (data: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>;
