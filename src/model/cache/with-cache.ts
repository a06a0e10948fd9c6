import { canonicalJson, sha256 } from '../../core/hash.js';
import type { ChatRequest, ChatResponse, EmbeddingResponse, ModelClient, ModerationResponse } from '../types.js';
import type { CacheStore } from './store.js';

/** What the run reports: calls answered from the cache and calls that went to the model. */
export interface CacheStats {
  hits: number;
  misses: number;
}

export const newCacheStats = (): CacheStats => ({ hits: 0, misses: 0 });

/** Bump when the meaning of a key changes: old entries then simply stop matching. */
const KEY_VERSION = 1;

/**
 * The k-th identical request of a run gets the k-th recorded answer: `repeat: 5` at temperature
 * 0.7 replays five independent samples, not one answer five times.
 */
function occurrenceKeys() {
  const seen = new Map<string, number>();
  return (request: unknown): string => {
    const base = sha256(canonicalJson({ v: KEY_VERSION, request }));
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return occurrence === 0 ? base : sha256(`${base}#${occurrence}`);
  };
}

/** What a chat call is keyed by (the model, its parameters and messages). */
const chatKeyOf = (request: ChatRequest) => ({ op: 'chat', model: request.model, messages: request.messages, parameters: request.parameters ?? {}, stream: Boolean(request.stream) });

const isChat = (value: any): value is ChatResponse => typeof value?.text === 'string' && typeof value?.latencyMs === 'number' && typeof value?.usage === 'object';
const isEmbedding = (value: any): value is EmbeddingResponse => Array.isArray(value?.vectors) && typeof value?.usage === 'object';
const isModeration = (value: any): value is ModerationResponse => typeof value?.flagged === 'boolean' && typeof value?.scores === 'object';

/**
 * A content-addressed response cache in front of a model client: the key is the sha256 of
 * the operation, model, parameters and messages (a judge's messages hold the judged output),
 * or of the inputs for embeddings and moderation. Hits are marked `cached: true`; errors are
 * never cached; a cache that cannot be written costs a model call, never the run.
 */
export function withCache(inner: ModelClient, store: CacheStore, stats: CacheStats): ModelClient {
  return cacheLayer(store, stats)(inner);
}

/**
 * The cache as a wrapper for several clients (a run's scoped views): they share the store, the
 * stats and the occurrence count, so the k-th identical request of the run is the k-th, whichever view sent it.
 */
export function cacheLayer(store: CacheStore, stats: CacheStats): (inner: ModelClient) => ModelClient {
  const keyOf = occurrenceKeys();
  return (inner) => cached(inner, store, stats, keyOf);
}

function cached(inner: ModelClient, store: CacheStore, stats: CacheStats, keyOf: (request: unknown) => string): ModelClient {
  async function through<T extends object>(request: unknown, valid: (value: unknown) => value is T, call: () => Promise<T>): Promise<T> {
    const key = keyOf(request);
    const hit = await store.get(key);
    if (valid(hit)) {
      stats.hits += 1;
      return { ...hit, cached: true };
    }
    stats.misses += 1;
    const answer = await call();
    await store.put(key, answer).catch(() => undefined);
    return answer;
  }
  return {
    chat: (request, signal) =>
      through(chatKeyOf(request), isChat, () => inner.chat(request, signal)),
    embed: (model, input, signal) => through({ op: 'embed', model, input }, isEmbedding, () => inner.embed(model, input, signal)),
    moderate: (model, input, signal) => through({ op: 'moderate', model, input }, isModeration, () => inner.moderate(model, input, signal)),
  };
}

/** Whether the first answer to this chat request is in the store (a run's first such call would be free). */
export async function hasCachedChat(store: CacheStore, request: ChatRequest): Promise<boolean> {
  return isChat(await store.get(occurrenceKeys()(chatKeyOf(request))));
}
