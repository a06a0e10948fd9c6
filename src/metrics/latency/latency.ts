import type { MetricDefinition } from '../types.js';

export const latency: MetricDefinition = {
  name: 'latency',
  family: 'latency',
  scale: { kind: 'amount', unit: 'ms' },
  direction: 'lower-is-better',
  description: 'Wall-clock ms per case; the gate compares p50 and p95 of per-case medians.',
  requires: [],
  optionsSchema: {},
  score({ latency: timing }) {
    return { value: timing.totalMs, ...(timing.firstTokenMs === undefined ? {} : { details: { firstTokenMs: timing.firstTokenMs } }) };
  },
};
