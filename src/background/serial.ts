/**
 * A queue: each task starts once the one before it has settled. A read-modify-write of one
 * storage key must not interleave with another, or the later write loses the earlier one's change.
 */
export function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  const byKey = serialByKey();
  return (task) => byKey('', task);
}

/** One queue per key (a run's id): tasks on one key wait for each other, tasks on others do not. */
export function serialByKey(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const next = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = next.catch(() => {});
    tails.set(key, tail);
    // The map holds only keys with work under way.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return next;
  };
}
