import { join } from 'node:path';
import { DEFAULTS } from '../core/defaults.js';
import type { CacheStats } from '../model/cache/with-cache.js';
import { cacheLayer, newCacheStats } from '../model/cache/with-cache.js';
import { fileCacheStore } from '../model/cache/store.js';
import type { CallStats, ModelClient, ScopableModelClient } from '../model/types.js';
import { newCallStats } from '../model/types.js';
import { ConfigError } from '../core/errors.js';
import type { ModelCallCosts } from '../results/types.js';
import { resolveHeaders } from '../suites/request-headers.js';
import type { Suite } from '../suites/types.js';
import type { EvaluationOptions } from './options.js';

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
    return { forSuite: views, cache: undefined, finish: async () => undefined };
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
