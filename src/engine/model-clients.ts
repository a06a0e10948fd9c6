import { join } from 'node:path';
import { DEFAULTS } from '../core/defaults.js';
import type { CacheStats } from '../model/cache/with-cache.js';
import { cacheLayer, hasCachedChat, newCacheStats } from '../model/cache/with-cache.js';
import { fileCacheStore } from '../model/cache/store.js';
import type { CallStats, ChatRequest, ModelClient, ScopableModelClient } from '../model/types.js';
import { newCallStats } from '../model/types.js';
import { ConfigError } from '../core/errors.js';
import type { ModelCallCosts } from '../results/types.js';
import { resolveHeaders } from '../suites/request-headers.js';
import type { Suite } from '../suites/types.js';
import type { EvaluationOptions } from './options.js';
import type { ProgressCounters } from './progress.js';

/** What one suite adds to the run's client: its flow's and its judges' headers (resolved), where its calls are counted. */
export interface SuiteScope {
  flowHeaders?: Record<string, string>;
  judgeHeaders?: Record<string, string>;
  stats: CallStats;
}

/** One suite's model clients: views of the run's one client (its pool, limits and breaker). */
export interface SuiteClients {
  /** The suite's flow: cached only when the suite says `cache: true`. */
  flow: ModelClient | undefined;
  /** Judges, embeddings and moderation: cached unless caching is off. */
  judge: ModelClient | undefined;
}

/** The model clients of one run: judges and flows share one provider, pool and cache. */
export interface RunClients {
  forSuite(suite: Suite, scope: SuiteScope): SuiteClients;
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

/** `batch`: the Batch API client for batch-mode suites' flows (when any suite needs it; it sends the run's headers only). */
export function runClients(base: ScopableModelClient | undefined, options: EvaluationOptions, batch?: ModelClient): RunClients {
  const views = (suite: Suite, scope: SuiteScope) => ({
    flow: batch && usesBatch(suite, options) ? batch : base?.scoped({ headers: scope.flowHeaders ?? {}, stats: scope.stats }),
    judge: base?.scoped({ headers: scope.judgeHeaders ?? {}, stats: scope.stats }),
  });
  if (!base || !cachingEnabled(options)) {
    return { forSuite: views, cache: undefined, flowCached: async () => false, finish: async () => undefined };
  }
  const store = fileCacheStore(join(options.cwd, options.cacheDir ?? DEFAULTS.cacheDir), {
    maxBytes: DEFAULTS.cacheMaxMegabytes * 1024 * 1024,
    maxAgeMs: DEFAULTS.cacheMaxAgeDays * 24 * 3600 * 1000,
  });
  const cache = newCacheStats();
  const cached = cacheLayer(store, cache);
  return {
    forSuite: (suite, scope) => {
      const { flow, judge } = views(suite, scope);
      return { flow: flow && suite.cache ? cached(flow) : flow, judge: judge && cached(judge) };
    },
    cache,
    flowCached: async (suite, request) => suite.cache && hasCachedChat(store, request),
    finish: async () => {
      if (cache.misses > 0) await store.prune();
    },
  };
}

/**
 * Every suite's scope, by suite name, before anything runs: its `headers:` read from the
 * environment when the run calls a model (an unset variable stops the run at once, exit 2),
 * and its own call counters. A batch suite's flow requests go in a file: they carry the run's headers only.
 */
export function suiteScopes(suites: readonly Suite[], callsModel: boolean, options: Pick<EvaluationOptions, 'batch'>, env: Readonly<Record<string, string | undefined>> = process.env): Map<string, SuiteScope> {
  return new Map(
    suites.map((suite) => {
      const flow = suite.headers?.flow;
      if (flow && usesBatch(suite, options)) throw new ConfigError('flow.headers cannot go on Batch API requests (mode: batch or --batch)', { file: flow.file, ...(flow.line ? { line: flow.line } : {}) }, 'use the run-wide `headers` input / `--header`, or run the suite online');
      const flowHeaders = callsModel ? resolveHeaders(flow, env) : undefined;
      const judgeHeaders = callsModel ? resolveHeaders(suite.headers?.judge, env) : undefined;
      return [suite.name, { ...(flowHeaders ? { flowHeaders } : {}), ...(judgeHeaders ? { judgeHeaders } : {}), stats: newCallStats() }];
    }),
  );
}

/** A suite's call counters as the results store them: present only when a call was retried or hedged. */
export function callCosts(stats: CallStats): { calls?: ModelCallCosts } {
  if (stats.retries + stats.rateLimitWaits + stats.hedges === 0) return {};
  return { calls: { ...stats, retryWaitMs: Math.round(stats.retryWaitMs), rateLimitWaitMs: Math.round(stats.rateLimitWaitMs) } };
}

/** Classic Azure OpenAI API version, unless OPENAI_API_VERSION says otherwise. */
const AZURE_API_VERSION = '2024-10-21';

/** The openai SDK is most of the bundle: loaded only when a key says a model will be called. */
export async function buildClient(options: EvaluationOptions, counters: ProgressCounters): Promise<ScopableModelClient> {
  const { azureEndpoint, createModelClient } = await import('../model/client.js');
  const azure = azureEndpoint(options.baseUrl);
  return createModelClient({
    apiKey: options.apiKey ?? '',
    ...(azure ? { azure: { endpoint: azure, apiVersion: options.azureApiVersion ?? AZURE_API_VERSION } } : options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    timeoutMs: options.attemptTimeoutMs ?? Math.max(1000, Math.round((options.timeoutMs ?? DEFAULTS.timeoutSeconds * 1000) / 2)),
    concurrency: options.concurrency,
    onRetry: () => {
      counters.retries += 1;
    },
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
