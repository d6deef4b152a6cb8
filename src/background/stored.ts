import type browser from 'webextension-polyfill';

type Area = browser.Storage.StorageArea;

/** The value stored under `key`, or `fallback` when there is none. */
export async function readStored<T>(area: Area, key: string, fallback: T): Promise<T> {
  return ((await area.get(key))[key] as T | undefined) ?? fallback;
}

/** Chrome: "Session storage quota bytes exceeded…"; Firefox: a QuotaExceededError. */
export function isQuotaError(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return /quota/i.test(`${String(name)} ${String(message)}`);
}

/**
 * Writes the items `value` makes; when the area is full, makes `value` smaller and writes again,
 * until it fits or nothing smaller is left (then the quota error is thrown). Each store says
 * what goes first (its oldest entries), so a full area costs the oldest, never the newest.
 * `smaller` may free room itself (remove what it cut) before the next write is tried.
 */
export async function writeWithRoom<T>(
  area: Area,
  value: T,
  items: (value: T) => Record<string, unknown>,
  smaller: (value: T) => T | undefined | Promise<T | undefined>,
): Promise<T> {
  let current = value;
  for (;;) {
    try {
      await area.set(items(current));
      return current;
    } catch (error) {
      const next = isQuotaError(error) ? await smaller(current) : undefined;
      if (next === undefined) throw error;
      current = next;
    }
  }
}

/** Half of a newest-first list, the newest kept; undefined once only one is left. */
export function olderHalfDropped<T>(list: readonly T[]): T[] | undefined {
  return list.length <= 1 ? undefined : list.slice(0, Math.ceil(list.length / 2));
}
