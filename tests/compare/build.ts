import type { MetricInfo, ResultsFile, SampleResult, SuiteResult } from '../../src/results/types.js';

/** Test builder: a results file from per-case metric values (one array entry per sample). */
export type CaseSpec = { id: string; values: Record<string, number | null | (number | null)[]>; error?: string; inputs?: Record<string, unknown> };

export const binary = (name: string, extra: Partial<MetricInfo> = {}): MetricInfo => ({ name, metric: name, family: 'quality', scale: { kind: 'binary' }, direction: 'higher-is-better', gate: {}, configHash: 'h', threshold: 1, ...extra });
export const unit = (name: string, extra: Partial<MetricInfo> = {}): MetricInfo => ({ ...binary(name), scale: { kind: 'unit' }, threshold: 0.5, ...extra });
export const likert = (name: string, extra: Partial<MetricInfo> = {}): MetricInfo => ({ ...binary(name), scale: { kind: 'likert', min: 1, max: 5 }, threshold: 3, ...extra });
export const costMetric: MetricInfo = { name: 'cost', metric: 'cost', family: 'cost', scale: { kind: 'amount', unit: 'usd' }, direction: 'lower-is-better', gate: {}, configHash: 'c' };
export const latencyMetric: MetricInfo = { name: 'latency', metric: 'latency', family: 'latency', scale: { kind: 'amount', unit: 'ms' }, direction: 'lower-is-better', gate: {}, configHash: 'l' };

function samples(spec: CaseSpec, metrics: MetricInfo[]): SampleResult[] {
  const count = Math.max(1, ...metrics.map((metric) => {
    const value = spec.values[metric.name];
    return Array.isArray(value) ? value.length : 1;
  }));
  return Array.from({ length: count }, (_, index) => {
    if (spec.error) return { output: null, error: spec.error, usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latencyMs: 0, scores: {} };
    const sample: SampleResult = { output: `output of ${spec.id}`, usage: { prompt: 1, completion: 1, cached: 0, reasoning: 0 }, latencyMs: 1, scores: {} };
    for (const metric of metrics) {
      const raw = spec.values[metric.name];
      const value = Array.isArray(raw) ? raw[index] ?? null : raw ?? null;
      // Cost and latency are the sample's own measurements; other metrics are scores.
      if (metric.metric === 'cost') {
        if (value !== null) sample.costUsd = value;
      } else if (metric.metric === 'latency') sample.latencyMs = value ?? 0;
      else sample.scores[metric.name] = value === null ? { status: 'not-applicable' } : { status: 'ok', value };
    }
    return sample;
  });
}

export function suite(cases: CaseSpec[], metrics: MetricInfo[], extra: Partial<SuiteResult> = {}): SuiteResult {
  return {
    name: 'suite', file: 'evals/suite.eval.yaml', hash: 'x', flow: { kind: 'command' }, repeat: 1, status: 'ran', alpha: 0.05, tolerance: 0.05,
    metrics,
    cases: cases.map((spec) => ({ id: spec.id, hash: `h-${spec.id}`, inputs: spec.inputs ?? { q: spec.id }, samples: samples(spec, metrics) })),
    ...extra,
  };
}

export function results(...suites: SuiteResult[]): ResultsFile {
  return { format: 'evalgate-results', version: 2, tool: { name: 'evalgate', version: '0.1.0' }, run: { date: '2026-11-24T00:00:00Z', models: [], durationMs: 1 }, suites };
}

/** `n` binary cases: passes on the listed indexes. */
export function binaryCases(n: number, passing: (index: number) => boolean, metric = 'exact'): CaseSpec[] {
  return Array.from({ length: n }, (_, index) => ({ id: `case-${String(index).padStart(4, '0')}`, values: { [metric]: passing(index) ? 1 : 0 } }));
}
