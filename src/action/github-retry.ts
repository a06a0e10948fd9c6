/**
 * Retries of GitHub REST calls: rate limits (primary and secondary, 403/429) wait for the
 * server's hint; 5xx and dropped connections back off exponentially — only for calls that are
 * safe to repeat (a comment POST is retried as a whole upsert instead, so it is never doubled).
 */
interface HttpError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | undefined> };
}

export function httpStatus(error: unknown): number | undefined {
  const status = (error as HttpError | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A 403/429 that is GitHub's rate limit (primary or secondary), not a missing permission. */
export function isRateLimit(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== 403 && status !== 429) return false;
  const headers = (error as HttpError).response?.headers ?? {};
  return status === 429 || headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined || /rate limit/i.test((error as Error).message ?? '');
}

/** 5xx, or no HTTP answer at all (connection reset or refused). */
export function isTransient(error: unknown): boolean {
  const status = httpStatus(error);
  return status === undefined ? error instanceof Error : status >= 500;
}

export interface GitHubRetryPolicy {
  attempts: number;
  baseDelayMs: number;
  /** Longest server hint we wait for. */
  maxWaitMs: number;
}

const GITHUB_RETRY: GitHubRetryPolicy = { attempts: 3, baseDelayMs: 1000, maxWaitMs: 60_000 };

function hintMs(error: unknown): number | undefined {
  const headers = (error as HttpError).response?.headers ?? {};
  const after = Number(headers['retry-after']);
  if (headers['retry-after'] && Number.isFinite(after)) return after * 1000;
  const reset = Number(headers['x-ratelimit-reset']);
  if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)) return Math.max(0, reset * 1000 - Date.now());
  return undefined;
}

export async function withGitHubRetry<T>(
  call: () => Promise<T>,
  options: { repeatable: boolean; sleep: (ms: number) => Promise<void>; policy?: GitHubRetryPolicy },
): Promise<T> {
  const policy = options.policy ?? GITHUB_RETRY;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const limited = isRateLimit(error);
      const retryable = limited || (options.repeatable && isTransient(error));
      if (!retryable || attempt >= policy.attempts) throw error;
      const waitMs = (limited ? hintMs(error) : undefined) ?? policy.baseDelayMs * 2 ** (attempt - 1);
      if (waitMs > policy.maxWaitMs) throw error;
      await options.sleep(waitMs);
    }
  }
}
