import type browser from 'webextension-polyfill';

/**
 * A storage area that behaves as `storage.session` does where it matters here: values are
 * copied through JSON, every call yields to the event loop (so interleavings happen as in the
 * browser), and a write past the quota fails whole, storing nothing. Bytes are counted as Chrome
 * counts them, the key's and the JSON's UTF-8, and a full area fails with Chrome's message; or,
 * with `count: 'firefox'`, as Firefox counts strings read from the network, two bytes per UTF-16
 * code unit (its structured clone keeps them two bytes wide, whatever the characters), and a full
 * area throws Firefox's QuotaExceededError.
 */
export function memoryArea(quotaBytes = 10 * 1024 * 1024, count: 'utf8' | 'firefox' = 'utf8') {
  const weigh = (key: string, json: string) => (count === 'firefox' ? key.length + 2 * json.length : Buffer.byteLength(key) + Buffer.byteLength(json));
  const data = new Map<string, { json: string; bytes: number }>();
  const bytes = () => [...data.values()].reduce((sum, value) => sum + value.bytes, 0);
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 3));
  let quotaErrors = 0;
  const area = {
    async get(keys?: string | string[] | null) {
      await tick();
      const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((key) => data.has(key)).map((key) => [key, JSON.parse(data.get(key)!.json)]));
    },
    async set(items: Record<string, unknown>) {
      await tick();
      const next = new Map(data);
      for (const [key, value] of Object.entries(items)) {
        const json = JSON.stringify(value);
        next.set(key, { json, bytes: weigh(key, json) });
      }
      if ([...next.values()].reduce((sum, value) => sum + value.bytes, 0) > quotaBytes) {
        quotaErrors += 1;
        throw count === 'firefox'
          ? new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError')
          : new Error('Session storage quota bytes exceeded. Values were not stored.');
      }
      for (const [key, value] of next) data.set(key, value);
    },
    async remove(keys: string | string[]) {
      await tick();
      for (const key of Array.isArray(keys) ? keys : [keys]) data.delete(key);
    },
    async clear() {
      await tick();
      data.clear();
    },
  };
  return {
    area: area as unknown as browser.Storage.StorageArea,
    bytes,
    /** What is stored, as the next read would give it: to look at what a store wrote, without its help. */
    contents: () => Object.fromEntries([...data].map(([key, value]) => [key, JSON.parse(value.json) as unknown])),
    get quotaErrors() {
      return quotaErrors;
    },
  };
}
