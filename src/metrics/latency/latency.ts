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
