import type { ModelClient } from './types.js';

/** At most `limit` model calls in flight across flows and judges; the rest queue in order. */
export function withConcurrencyLimit(inner: ModelClient, limit: number): ModelClient {
  let active = 0;
  const waiting: (() => void)[] = [];
  async function slot<T>(call: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolvePromise) => waiting.push(resolvePromise));
    active += 1;
    try {
      return await call();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  }
  return {
    chat: (request, signal) => slot(() => inner.chat(request, signal)),
    embed: (model, input, signal) => slot(() => inner.embed(model, input, signal)),
    moderate: (model, input, signal) => slot(() => inner.moderate(model, input, signal)),
  };
}
