import type { MetricDefinition, SampleMeasures } from '../types.js';
import { PRICES_CHECKED } from './prices.js';
import { COST_RATIO } from '../policy.js';

const PRICES_SCHEMA = {
  type: 'object',
  description: 'USD per 1M tokens by model, added to / overriding the built-in table.',
  additionalProperties: {
    type: 'object',
    required: ['input', 'output'],
    additionalProperties: false,
    properties: { input: { type: 'number', minimum: 0 }, output: { type: 'number', minimum: 0 }, cached: { type: 'number', minimum: 0 } },
  },
} as const;

export const cost: MetricDefinition = {
  name: 'cost',
  family: 'cost',
  scale: { kind: 'amount', unit: 'usd' },
  direction: 'lower-is-better',
  policy: COST_RATIO,
  description: `The flow's own cost per case in USD: prompt, cached, completion and reasoning tokens × the price table (OpenAI list prices checked ${PRICES_CHECKED}); a model with no price gates its tokens (prompt + completion) instead.`,
  requires: [],
  optionsSchema: { prices: PRICES_SCHEMA },
  measure({ costUsd, usage }, scale) {
    if (scale.kind === 'amount' && scale.unit === 'tokens') return { value: usage.prompt + usage.completion };
    // Only a results file of an older version holds a USD cost metric with unpriced samples: no value, never an error.
    return { value: costUsd ?? null };
  },
  prices: (options) => options.prices,
  settle(samples, configured) {
    const unpriced = unpricedModels(samples, configured);
    if (unpriced.length === 0) return undefined;
    const shown = unpriced.slice(0, 3).map((model) => `"${model}"`).join(', ');
    return { scale: TOKENS, note: `no price for model ${shown}: gating tokens (prompt + completion) instead of USD — add the model under the cost evaluator's \`prices:\` to gate dollars` };
  },
};

const TOKENS = { kind: 'amount', unit: 'tokens' } as const;

/**
 * Models whose samples got no price (the configured model when the provider reported none). Any
 * one makes the whole suite's cost tokens (prompt + completion): a model with no price (Ollama,
 * vLLM, LiteLLM names, a proxy) still has a cost the gate compares, with the same ratio rule.
 */
function unpricedModels(samples: readonly SampleMeasures[], configured: string | undefined): string[] {
  return [...new Set(samples.filter((sample) => sample.costUsd === undefined).map((sample) => configured ?? sample.model ?? 'unnamed'))];
}
