import type { HeaderReader } from './retry.js';
import { parseGoDuration } from './retry.js';
import type { ChatRequest } from './types.js';

/** What the provider last said about one budget (requests or tokens per window). */
interface Budget {
  limit: number;
  remaining: number;
  /** When the window refills (local clock, ms). */
  resetAt: number;
  /** How long the last window had left when the header came: the next window's length. */
  windowMs: number;
}

interface PaceClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_PACE_CLOCK: PaceClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms)) };

function readBudget(headers: HeaderReader, kind: 'requests' | 'tokens', now: number): Budget | undefined {
  const limit = Number(headers.get(`x-ratelimit-limit-${kind}`));
  const remaining = Number(headers.get(`x-ratelimit-remaining-${kind}`));
  const reset = parseGoDuration(headers.get(`x-ratelimit-reset-${kind}`) ?? '');
  if (!(limit > 0) || !Number.isFinite(remaining) || reset === undefined) return undefined;
  return { limit, remaining, resetAt: now + reset, windowMs: Math.max(reset, 1) };
}

/**
 * Requests/min and tokens/min learned from the provider's `x-ratelimit-*` headers, shared by
 * every call of the run: a call waits for the window to refill instead of earning a 429.
 * Nothing is paced until the provider has said something.
 */
export function rateLimiter(clock: PaceClock = REAL_PACE_CLOCK) {
  const budgets: Partial<Record<'requests' | 'tokens', Budget>> = {};
  let waits = 0;

  function refill(budget: Budget, now: number): void {
    if (now < budget.resetAt) return;
    budget.remaining = budget.limit;
    budget.resetAt = now + budget.windowMs;
  }

  return {
    /** Feed every response's headers (errors included) here. */
    observe(headers: HeaderReader): void {
      const now = clock.now();
      for (const kind of ['requests', 'tokens'] as const) {
        const budget = readBudget(headers, kind, now);
        if (budget) budgets[kind] = budget;
      }
    },
    /** Waits until a call of about `tokens` tokens fits in both budgets, then spends them. */
    async acquire(tokens: number): Promise<void> {
      for (;;) {
        const now = clock.now();
        const blocked = (['requests', 'tokens'] as const).flatMap((kind) => {
          const budget = budgets[kind];
          if (!budget) return [];
          refill(budget, now);
          const need = kind === 'requests' ? 1 : Math.min(tokens, budget.limit);
          return budget.remaining < need ? [budget.resetAt] : [];
        });
        if (blocked.length === 0) break;
        waits += 1;
        await clock.sleep(Math.max(1, Math.max(...blocked) - now));
      }
      if (budgets.requests) budgets.requests.remaining -= 1;
      if (budgets.tokens) budgets.tokens.remaining -= tokens;
    },
    get waits(): number {
      return waits;
    },
  };
}

export type RateLimiter = ReturnType<typeof rateLimiter>;

/** About 4 characters a token, plus the completion the request allows for. */
export function estimateTokens(request: ChatRequest): number {
  const characters = request.messages.reduce((sum, message) => sum + message.content.length, 0);
  const parameters = request.parameters ?? {};
  const completion = Number(parameters.max_completion_tokens ?? parameters.max_tokens ?? 0);
  return Math.ceil(characters / 4) + (Number.isFinite(completion) ? completion : 0);
}

/** About 4 characters a token (embedding and moderation inputs). */
export function textTokens(texts: readonly string[]): number {
  return Math.ceil(texts.reduce((sum, text) => sum + text.length, 0) / 4);
}
