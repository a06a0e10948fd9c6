import { semaphore } from '../core/semaphore.js';
import type { ModelClient } from './types.js';

/** At most `limit` model calls in flight across flows and judges; the rest queue in order. */
export function withConcurrencyLimit(inner: ModelClient, limit: number): ModelClient {
  const slot = semaphore(limit);
  return {
    chat: (request, signal) => slot(() => inner.chat(request, signal)),
    embed: (model, input, signal) => slot(() => inner.embed(model, input, signal)),
    moderate: (model, input, signal) => slot(() => inner.moderate(model, input, signal)),
  };
}
