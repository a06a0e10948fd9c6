import type { MetricDefinition } from '../types.js';

export const tokensPerSecond: MetricDefinition = {
  name: 'tokens-per-second',
  family: 'latency',
  scale: { kind: 'amount', unit: 'tokens/s' },
  direction: 'higher-is-better',
  description: 'Output tokens per second after the first token (streaming flows).',
  requires: [],
  optionsSchema: {},
  score({ latency: timing, usage }) {
    if (timing.firstTokenMs === undefined || usage.completion === 0) return { value: null };
    const generatingMs = Math.max(1, timing.totalMs - timing.firstTokenMs);
    return { value: (usage.completion * 1000) / generatingMs };
  },
};
