/** Runs a task when one of `limit` slots is free; waiting tasks start in arrival order. */
export type Schedule = <T>(task: () => Promise<T>) => Promise<T>;

export function semaphore(limit: number): Schedule {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolvePromise) => waiting.push(resolvePromise));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
