import { LATENCY_RATIO } from '../policy.js';
import type { MetricDefinition } from '../types.js';

export const ttft: MetricDefinition = {
  name: 'ttft',
  family: 'latency',
  scale: { kind: 'amount', unit: 'ms' },
  direction: 'lower-is-better',
  policy: LATENCY_RATIO,
  description: 'Time to first token (streaming prompt flows); not applicable otherwise.',
  requires: [],
  optionsSchema: {},
  measure: (sample) => ({ value: sample.firstTokenMs ?? null }),
};
