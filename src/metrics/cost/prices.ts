import type { TokenUsage } from '../../core/usage.js';

/** USD per 1M tokens. `cached` is the price of cached prompt tokens (defaults to `input`). */
export interface Price {
  input: number;
  output: number;
  cached?: number;
}
export type PriceTable = Readonly<Record<string, Price>>;

/**
 * OpenAI list prices (USD per 1M tokens, standard tier, short context) as published on OpenAI's
 * pricing page, last checked 2026-06 (the GPT-5.x rows) and 2025-08 (the older rows, still
 * served); Azure OpenAI global deployments list the same prices. Override or extend them per
 * suite with the cost evaluator's `prices:` option. Pro models have no cached rate.
 */
export const PRICES_CHECKED = '2026-06';
const DEFAULT_PRICES: PriceTable = {
  'gpt-5.5': { input: 5, output: 30, cached: 0.5 },
  'gpt-5.5-pro': { input: 30, output: 180 },
  'gpt-5.4': { input: 2.5, output: 15, cached: 0.25 },
  'gpt-5.4-mini': { input: 0.75, output: 4.5, cached: 0.075 },
  'gpt-5.4-nano': { input: 0.2, output: 1.25, cached: 0.02 },
  'gpt-5.4-pro': { input: 30, output: 180 },
  'gpt-5.2': { input: 1.75, output: 14, cached: 0.175 },
  'gpt-5.1': { input: 1.25, output: 10, cached: 0.125 },
  'gpt-5': { input: 1.25, output: 10, cached: 0.125 },
  'gpt-5-mini': { input: 0.25, output: 2, cached: 0.025 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cached: 0.005 },
  'gpt-4.1': { input: 2, output: 8, cached: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cached: 0.1 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cached: 0.025 },
  'gpt-4o': { input: 2.5, output: 10, cached: 1.25 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cached: 0.075 },
  o3: { input: 2, output: 8, cached: 0.5 },
  'o3-mini': { input: 1.1, output: 4.4, cached: 0.55 },
  'o4-mini': { input: 1.1, output: 4.4, cached: 0.275 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
  'omni-moderation-latest': { input: 0, output: 0 },
};

/** The name a model is listed under: a fine-tune `ft:gpt-4o-mini:org::id` is its base model, a routed `openai/gpt-4o` the part after the provider. */
function listedName(model: string): string {
  if (model.startsWith('ft:')) return model.split(':')[1] ?? model;
  return model.slice(model.lastIndexOf('/') + 1);
}

/**
 * The exact name first (a `prices:` entry for a local or fine-tuned model wins), else the name it
 * is listed under, else its longest known prefix (a dated `gpt-4o-2024-08-06` → `gpt-4o`).
 */
export function findPrice(model: string, table: PriceTable): Price | undefined {
  const exact = table[model] ?? table[listedName(model)];
  if (exact) return exact;
  const base = listedName(model);
  const prefix = Object.keys(table)
    .filter((name) => base.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? table[prefix] : undefined;
}

/** The price of the model the suite configured, else of the one the provider reported (a proxy's upstream name). */
export function priceOf(models: readonly (string | undefined)[], table: PriceTable): Price | undefined {
  for (const model of models) {
    const price = model ? findPrice(model, table) : undefined;
    if (price) return price;
  }
  return undefined;
}

/**
 * Reasoning tokens are billed as output and already counted in `completion`; cached tokens
 * are the cheaper part of `prompt`.
 */
export function costUsd(usage: TokenUsage, price: Price): number {
  const cached = Math.min(usage.cached, usage.prompt);
  const fresh = usage.prompt - cached;
  return (fresh * price.input + cached * (price.cached ?? price.input) + usage.completion * price.output) / 1_000_000;
}

export function mergePrices(overrides: unknown): PriceTable {
  return overrides && typeof overrides === 'object' ? { ...DEFAULT_PRICES, ...(overrides as PriceTable) } : DEFAULT_PRICES;
}
