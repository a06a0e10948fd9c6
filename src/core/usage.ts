/** Tokens one call (or one case) consumed. Counts a provider did not report are 0. */
export interface TokenUsage {
  prompt: number;
  completion: number;
  cached: number;
  reasoning: number;
}

export const ZERO_USAGE: TokenUsage = Object.freeze({ prompt: 0, completion: 0, cached: 0, reasoning: 0 });

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { prompt: a.prompt + b.prompt, completion: a.completion + b.completion, cached: a.cached + b.cached, reasoning: a.reasoning + b.reasoning };
}

/** Reads an OpenAI-shaped usage object (as apps and providers report it) into TokenUsage. */
export function usageFromOpenAI(raw: unknown): TokenUsage {
  const usage = (raw ?? {}) as {
    prompt_tokens?: unknown;
    completion_tokens?: unknown;
    prompt_tokens_details?: { cached_tokens?: unknown } | null;
    completion_tokens_details?: { reasoning_tokens?: unknown } | null;
  };
  const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);
  return {
    prompt: count(usage.prompt_tokens),
    completion: count(usage.completion_tokens),
    cached: count(usage.prompt_tokens_details?.cached_tokens),
    reasoning: count(usage.completion_tokens_details?.reasoning_tokens),
  };
}
