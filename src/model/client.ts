import type { BreakerPolicy } from './breaker.js';
import { circuitBreaker } from './breaker.js';
import { classifyError } from './classify.js';
import type { AttemptState } from './hedge.js';
import { hedgedAttempt } from './hedge.js';
import type { AttemptPolicy } from './latency.js';
import { DEFAULT_ATTEMPTS, latencyTracker } from './latency.js';
import { semaphore } from '../core/semaphore.js';
import { withConcurrencyLimit } from './limiter.js';
import type { ProviderOptions } from './openai-adapter.js';
import { openAIProvider } from './openai-adapter.js';
import type { AttemptFailure, RetryClock, RetryPolicy } from './retry.js';
import { DEFAULT_RETRY, REAL_CLOCK, withRetry } from './retry.js';
import type { RateLimiter } from './rate-limit.js';
import { estimateTokens, rateLimiter, textTokens } from './rate-limit.js';
import type { CallScope, CallStats, ModelClient, ScopableModelClient } from './types.js';

interface ModelClientOptions extends ProviderOptions {
  retry?: RetryPolicy;
  breaker?: BreakerPolicy;
  /** Model calls in flight at once. */
  concurrency?: number;
  clock?: RetryClock;
  /** Requests/tokens per minute learned from `x-ratelimit-*` headers (one per run). */
  rateLimiter?: RateLimiter;
  /** How the attempt timeout and hedging are learned (the longest attempt timeout is `timeoutMs`). */
  attempts?: Partial<Omit<AttemptPolicy, 'maxTimeoutMs'>>;
  /** Sees every hedge sent (a second request for a slow one), over all scopes. */
  onHedge?: () => void;
  /** Sees every retry (the failure and the wait before it), over all scopes. */
  onRetry?: (failure: AttemptFailure, delayMs: number) => void;
}

/** A retry counted where its scope keeps its stats: after a rate limit, or after any other failure. */
function countRetry(stats: CallStats, failure: AttemptFailure, delayMs: number): void {
  if (failure.error.kind === 'rate-limit') {
    stats.rateLimitWaits += 1;
    stats.rateLimitWaitMs += delayMs;
  } else {
    stats.retries += 1;
    stats.retryWaitMs += delayMs;
  }
}

/**
 * An Azure OpenAI resource URL without the `/openai/v1` path (the classic, api-version'd API)
 * goes through the SDK's AzureOpenAI client; `…/openai/v1` and every other endpoint are
 * OpenAI-compatible as they are.
 */
export function azureEndpoint(baseUrl: string | undefined): string | undefined {
  if (!baseUrl) return undefined;
  const url = new URL(baseUrl);
  const azureHost = /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/.test(url.hostname);
  return azureHost && !url.pathname.includes('/openai/v1') ? url.origin : undefined;
}

/**
 * The model client seam: concurrency limit → retries → circuit breaker (shared by the run; it
 * sees every attempt) → one attempt: the request, hedged once it is well past the latency the
 * provider shows, under an attempt timeout learned from that latency (src/model/latency.ts;
 * not for streams, which the provider's stall watch bounds) →
 * rate limit (learned from the provider's headers; every request waits its turn, hedges too) →
 * provider (official openai SDK; `timeoutMs` bounds one request). A response cache is one more
 * `ModelClient → ModelClient` wrapper. `scoped` gives a suite its own view: its headers on each
 * request, its retries and hedges counted apart, everything else (pool, limits, breaker) shared.
 */
export function createModelClient(options: ModelClientOptions): ScopableModelClient {
  const limiter = options.rateLimiter ?? rateLimiter();
  const provider = openAIProvider({ ...options, onResponseHeaders: limiter.observe });
  const guard = circuitBreaker((error) => classifyError(error, options.apiKey).error, options.breaker);
  const tracker = latencyTracker({ ...DEFAULT_ATTEMPTS, ...options.attempts, maxTimeoutMs: options.timeoutMs });
  const policy = options.retry ?? DEFAULT_RETRY;
  const clock = options.clock ?? REAL_CLOCK;
  const slot = semaphore(options.concurrency ?? 4);

  /** A view of the one client: its requests carry the scope's headers and are counted in its stats. */
  function view(scope: CallScope): ModelClient {
    const sender = scope.headers && Object.keys(scope.headers).length > 0 ? provider.withHeaders(scope.headers) : provider;
    const { stats } = scope;
    const onHedge = () => {
      if (stats) stats.hedges += 1;
      options.onHedge?.();
    };
    const onRetry = (failure: AttemptFailure, delayMs: number) => {
      if (stats) countRetry(stats, failure, delayMs);
      options.onRetry?.(failure, delayMs);
    };

    function call<T>(key: string | undefined, tokens: number, send: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      const acquire = () => limiter.acquire(tokens);
      const state: AttemptState | undefined = key === undefined ? undefined : { key, stalls: 0 };
      const attempt = () => guard((guarded) => (state ? hedgedAttempt(tracker, state, { acquire, send }, guarded, onHedge) : acquire().then(() => send(guarded))), signal);
      return withRetry(attempt, (error) => classifyError(error, options.apiKey), policy, clock, signal, onRetry);
    }

    return withConcurrencyLimit(
      {
        // A stream is bounded by its stall watch, not by a total: a long answer that keeps coming is never cut or sent twice.
        chat: (request, signal) => call(request.stream ? undefined : `chat:${request.model}`, estimateTokens(request), (sent) => sender.chat(request, sent), signal),
        embed: (model, input, signal) => call(`embed:${model}`, textTokens(input), (sent) => sender.embed(model, input, sent), signal),
        moderate: (model, input, signal) => call(`moderate:${model}`, textTokens([input]), (sent) => sender.moderate(model, input, sent), signal),
      },
      slot,
    );
  }
  return { ...view({}), scoped: view };
}
