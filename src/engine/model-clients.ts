import { join } from 'node:path';
import { DEFAULTS } from '../core/defaults.js';
import type { CacheStats } from '../model/cache/with-cache.js';
import { hasCachedChat, newCacheStats, withCache } from '../model/cache/with-cache.js';
import { fileCacheStore } from '../model/cache/store.js';
import type { ChatRequest, ModelClient } from '../model/types.js';
import type { RetryClock } from '../model/retry.js';
import type { ProgressCounters } from './progress.js';
import type { Suite } from '../suites/types.js';
import type { EvaluationOptions } from './options.js';

/** The model clients of one run: judges and flows share one provider, pool and cache. */
export interface RunClients {
  /** Judges, embeddings and moderation: cached unless caching is off. */
  judge: ModelClient | undefined;
  /** A suite's flow: cached only when the suite says `cache: true`. */
  flowFor(suite: Suite): ModelClient | undefined;
  /** undefined when caching is off for the run. */
  cache: CacheStats | undefined;
  /** Whether the suite's flow would be answered from the cache for this request (false when its flow is not cached). */
  flowCached(suite: Suite, request: ChatRequest): Promise<boolean>;
  /** Keeps the cache folder within its size and age limits. */
  finish(): Promise<void>;
}

/**
 * Caching is off with `--no-cache` / `cache: false`, and always on drift runs: they exist to
 * see the model change, so every answer there is a fresh one.
 */
function cachingEnabled(options: Pick<EvaluationOptions, 'cache' | 'purpose'>): boolean {
  return options.cache !== false && options.purpose !== 'drift';
}

/** `mode: batch` on the suite, or `--batch` for the whole run. */
export const usesBatch = (suite: Suite, options: Pick<EvaluationOptions, 'batch'>): boolean => suite.mode === 'batch' || options.batch === true;

/** `batch`: the Batch API client for batch-mode suites' flows (when any suite needs it). */
export function runClients(base: ModelClient | undefined, options: EvaluationOptions, batch?: ModelClient): RunClients {
  const flowBase = (suite: Suite) => (batch && usesBatch(suite, options) ? batch : base);
  if (!base || !cachingEnabled(options)) {
    return { judge: base, flowFor: flowBase, cache: undefined, flowCached: async () => false, finish: async () => undefined };
  }
  const store = fileCacheStore(join(options.cwd, options.cacheDir ?? DEFAULTS.cacheDir), {
    maxBytes: DEFAULTS.cacheMaxMegabytes * 1024 * 1024,
    maxAgeMs: DEFAULTS.cacheMaxAgeDays * 24 * 3600 * 1000,
  });
  const cache = newCacheStats();
  const cached = withCache(base, store, cache);
  const cachedBatch = batch ? withCache(batch, store, cache) : undefined;
  return {
    judge: cached,
    flowFor: (suite) => {
      if (!suite.cache) return flowBase(suite);
      return cachedBatch && usesBatch(suite, options) ? cachedBatch : cached;
    },
    cache,
    flowCached: async (suite, request) => suite.cache && hasCachedChat(store, request),
    finish: async () => {
      if (cache.misses > 0) await store.prune();
    },
  };
}

/** Classic Azure OpenAI API version, unless OPENAI_API_VERSION says otherwise. */
const AZURE_API_VERSION = '2024-10-21';

/** The openai SDK is most of the bundle: loaded only when a key says a model will be called. */
export async function buildClient(options: EvaluationOptions, counters: ProgressCounters): Promise<ModelClient> {
  const { azureEndpoint, createModelClient } = await import('../model/client.js');
  const { REAL_CLOCK } = await import('../model/retry.js');
  const countingClock: RetryClock = {
    random: REAL_CLOCK.random,
    sleep: (ms, signal) => {
      counters.retries += 1;
      return REAL_CLOCK.sleep(ms, signal);
    },
  };
  const azure = azureEndpoint(options.baseUrl);
  return createModelClient({
    apiKey: options.apiKey ?? '',
    ...(azure ? { azure: { endpoint: azure, apiVersion: options.azureApiVersion ?? AZURE_API_VERSION } } : options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    timeoutMs: options.attemptTimeoutMs ?? Math.max(1000, Math.round((options.timeoutMs ?? DEFAULTS.timeoutSeconds * 1000) / 2)),
    concurrency: options.concurrency,
    clock: countingClock,
    onHedge: () => {
      counters.hedges += 1;
    },
  });
}

/** Batch API client for `mode: batch` suites (its module loads only when one is asked for). */
export async function buildBatchClient(online: ModelClient, options: EvaluationOptions): Promise<ModelClient> {
  const { batchClient } = await import('../model/batch/batch-client.js');
  return batchClient(online, {
    apiKey: options.apiKey ?? '',
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    stateDir: join(options.cwd, DEFAULTS.batchStateDir),
    pollMs: options.batchPollMs ?? DEFAULTS.batchPollSeconds * 1000,
    maxWaitMs: DEFAULTS.batchMaxWaitHours * 3600 * 1000,
    ...(options.log ? { log: options.log } : {}),
  });
}
