import type { MetricDefinition } from '../types.js';
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
};
