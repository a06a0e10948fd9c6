import { ModelError } from './types.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap of one backoff delay (without a server hint). */
  maxDelayMs: number;
  /** Longest server hint (`retry-after`…) we wait for; longer hints give up at once. */
  maxHintMs: number;
  /** Total time we may spend waiting across retries. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxHintMs: 180_000,
  budgetMs: 300_000,
};

/** What a failed attempt tells the policy. */
export interface AttemptFailure {
  error: ModelError;
  retryable: boolean;
  /** The server's wait hint in ms, if it gave one. */
  hintMs?: number;
}

export interface RetryClock {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export const REAL_CLOCK: RetryClock = {
  random: Math.random,
  sleep: (ms, signal) =>
    new Promise((resolvePromise, reject) => {
      const timer = setTimeout(resolvePromise, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      }, { once: true });
    }),
};

/** What is read of a response's headers (a `Headers`, or the raw ones of a plain chat answer). */
export type HeaderReader = Pick<Headers, 'get'>;

/**
 * Reads `retry-after-ms`, `retry-after` (seconds or an HTTP date) and `x-ratelimit-reset-*`
 * (`1s`, `6m0s`, `20ms`) into ms. Hints above 60 s are honoured too (the SDK ignores them).
 */
export function retryHintMs(headers: HeaderReader | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms)) return Math.max(0, ms);
  const after = headers.get('retry-after');
  if (after) {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = headers.get('x-ratelimit-reset-requests') ?? headers.get('x-ratelimit-reset-tokens');
  return reset ? parseGoDuration(reset) : undefined;
}

export function parseGoDuration(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((total, [, value, name]) => total + Number(value) * unit[name as keyof typeof unit], 0);
}

/**
 * Exponential backoff with full jitter, unless the server said how long to wait; none after a
 * timed-out attempt, which already waited its whole timeout.
 */
export function delayFor(attempt: number, failure: AttemptFailure, policy: RetryPolicy, random: () => number): number {
  if (failure.hintMs !== undefined) return failure.hintMs;
  if (failure.error.kind === 'timeout') return 0;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

export async function withRetry<T>(
  attempt: () => Promise<T>,
  classify: (error: unknown) => AttemptFailure,
  policy: RetryPolicy,
  clock: RetryClock = REAL_CLOCK,
  signal?: AbortSignal,
  onRetry?: (failure: AttemptFailure, delayMs: number) => void,
): Promise<T> {
  let waited = 0;
  for (let number = 1; ; number += 1) {
    try {
      return await attempt();
    } catch (error) {
      const failure = classify(error);
      if (!failure.retryable || number >= policy.maxAttempts || signal?.aborted) throw failure.error;
      const delay = delayFor(number, failure, policy, clock.random);
      if (failure.hintMs !== undefined && failure.hintMs > policy.maxHintMs) {
        throw new ModelError(failure.error.kind, `${failure.error.message} (the server asks to wait ${Math.round(delay / 1000)} s, more than the ${policy.maxHintMs / 1000} s we allow)`, failure.error.status);
      }
      if (waited + delay > policy.budgetMs) {
        throw new ModelError(failure.error.kind, `${failure.error.message} (gave up after ${number} attempts: retry budget of ${policy.budgetMs / 1000} s spent)`, failure.error.status);
      }
      waited += delay;
      onRetry?.(failure, delay);
      await clock.sleep(delay, signal);
    }
  }
}
