import type { MetricDefinition } from '../types.js';

export const ttft: MetricDefinition = {
  name: 'ttft',
  family: 'latency',
  scale: { kind: 'amount', unit: 'ms' },
  direction: 'lower-is-better',
  description: 'Time to first token (streaming prompt flows); not applicable otherwise.',
  requires: [],
  optionsSchema: {},
  score({ latency: timing }) {
    return { value: timing.firstTokenMs ?? null };
  },
};
