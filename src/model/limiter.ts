import type { Schedule } from '../core/semaphore.js';
import type { ModelClient } from './types.js';

/** At most the schedule's limit of model calls in flight across flows and judges (one schedule shared by every scoped view); the rest queue in order. */
export function withConcurrencyLimit(inner: ModelClient, slot: Schedule): ModelClient {
  return {
    chat: (request, signal) => slot(() => inner.chat(request, signal)),
    embed: (model, input, signal) => slot(() => inner.embed(model, input, signal)),
    moderate: (model, input, signal) => slot(() => inner.moderate(model, input, signal)),
  };
}
