import type { BreakerPolicy } from './breaker.js';
import { withCircuitBreaker } from './breaker.js';
import { classifyError } from './classify.js';
import { withConcurrencyLimit } from './limiter.js';
import type { ProviderOptions } from './openai-adapter.js';
import { openAIProvider } from './openai-adapter.js';
import type { RetryClock, RetryPolicy } from './retry.js';
import { DEFAULT_RETRY, REAL_CLOCK, withRetry } from './retry.js';
import type { RateLimiter } from './rate-limit.js';
import { rateLimiter, withRateLimit } from './rate-limit.js';
import type { ModelClient } from './types.js';

export interface ModelClientOptions extends ProviderOptions {
  retry?: RetryPolicy;
  breaker?: BreakerPolicy;
  /** Model calls in flight at once. */
  concurrency?: number;
  clock?: RetryClock;
  /** Requests/tokens per minute learned from `x-ratelimit-*` headers (one per run). */
  rateLimiter?: RateLimiter;
}

/** Every call retried by our policy (the SDK's own retries are off). */
function withRetries(inner: ModelClient, apiKey: string, policy: RetryPolicy, clock: RetryClock): ModelClient {
  const retry = <T>(call: () => Promise<T>, signal?: AbortSignal) =>
    withRetry(call, (error) => classifyError(error, apiKey), policy, clock, signal);
  return {
    chat: (request, signal) => retry(() => inner.chat(request, signal), signal),
    embed: (model, input, signal) => retry(() => inner.embed(model, input, signal), signal),
    moderate: (model, input, signal) => retry(() => inner.moderate(model, input, signal), signal),
  };
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
 * The model client seam: provider (official openai SDK; `timeoutMs` bounds one attempt) →
 * rate limit (learned from the provider's headers; every attempt waits its turn) → circuit
 * breaker (shared by the run) → retries → concurrency limit. A response cache is one more
 * `ModelClient → ModelClient` wrapper.
 */
export function createModelClient(options: ModelClientOptions): ModelClient {
  const limiter = options.rateLimiter ?? rateLimiter();
  const limited = withRateLimit(openAIProvider({ ...options, onResponseHeaders: limiter.observe }), limiter);
  const provider = withCircuitBreaker(limited, (error) => classifyError(error, options.apiKey).error, options.breaker);
  const retried = withRetries(provider, options.apiKey, options.retry ?? DEFAULT_RETRY, options.clock ?? REAL_CLOCK);
  return withConcurrencyLimit(retried, options.concurrency ?? 4);
}
