import { LATENCY_RATIO } from '../policy.js';
import type { MetricDefinition } from '../types.js';

export const latency: MetricDefinition = {
  name: 'latency',
  family: 'latency',
  scale: { kind: 'amount', unit: 'ms' },
  direction: 'lower-is-better',
  policy: LATENCY_RATIO,
  description: 'Wall-clock ms per case; the gate compares p50 and p95 of per-case medians.',
  requires: [],
  optionsSchema: {},
  measure: (sample) => ({ value: sample.latencyMs }),
};
