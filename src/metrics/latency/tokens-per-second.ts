import { LATENCY_RATIO } from '../policy.js';
import type { MetricDefinition } from '../types.js';

export const tokensPerSecond: MetricDefinition = {
  name: 'tokens-per-second',
  family: 'latency',
  scale: { kind: 'amount', unit: 'tokens/s' },
  direction: 'higher-is-better',
  policy: LATENCY_RATIO,
  description: 'Output tokens per second after the first token (streaming flows).',
  requires: [],
  optionsSchema: {},
  measure({ firstTokenMs, latencyMs, usage }) {
    if (firstTokenMs === undefined || usage.completion === 0) return { value: null };
    return { value: (usage.completion * 1000) / Math.max(1, latencyMs - firstTokenMs) };
  },
};
