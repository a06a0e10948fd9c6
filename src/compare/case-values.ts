import type { Scale } from '../metrics/types.js';
import type { CaseResult, MetricInfo, SampleResult } from '../results/types.js';
import { median } from '../core/numbers.js';
import { measureOf, policyOf } from './metric-policy.js';

/**
 * Per-case values of one metric, samples already collapsed (mean for scores and cost, median
 * for latency), in the order of the cases given. NaN = the metric does not apply to this case
 * (n/a or skipped).
 */
export type CaseValues = Float64Array;

/** The cases that have a value on both sides, as two aligned arrays. */
export function presentPairs(base: CaseValues, pr: CaseValues): { base: Float64Array; pr: Float64Array } {
  const keep: number[] = [];
  for (let index = 0; index < base.length; index += 1) if (!Number.isNaN(base[index] as number) && !Number.isNaN(pr[index] as number)) keep.push(index);
  return { base: Float64Array.from(keep, (index) => base[index] as number), pr: Float64Array.from(keep, (index) => pr[index] as number) };
}

/** The values that are present (not NaN). */
export function presentValues(values: CaseValues): Float64Array {
  return values.filter((value) => !Number.isNaN(value));
}

/** A quality-like score on 0–1: binary/unit as is, likert (s − min)/(max − min). */
function toUnit(value: number, scale: Scale): number {
  return scale.kind === 'likert' ? (value - scale.min) / (scale.max - scale.min) : value;
}

/** One sample's value of a 0–1 metric. A failed flow or a metric error counts as 0; n/a and skipped count as absent. */
function scoreSample(sample: SampleResult, metric: MetricInfo): number | null {
  if (sample.error !== undefined && sample.output === null) return 0;
  const score = sample.scores[metric.name];
  if (!score) return null;
  switch (score.status) {
    case 'ok':
      return toUnit(score.value ?? Number.NaN, metric.scale);
    case 'error':
      return 0;
    case 'not-applicable':
    case 'skipped':
      return null;
  }
}

/** One sample's amount: a measured metric reads the sample's measurements; a failed flow measured nothing. */
function amountSample(sample: SampleResult, metric: MetricInfo, measure: ReturnType<typeof measureOf>): number | null {
  if (sample.output === null) return null;
  if (measure) return measure(sample).value;
  const score = sample.scores[metric.name];
  return score?.status === 'ok' ? (score.value ?? null) : null;
}

export function caseValues(cases: readonly CaseResult[], metric: MetricInfo): CaseValues {
  const policy = policyOf(metric);
  const measure = measureOf(metric);
  const valueOf = (sample: SampleResult) => (policy.test === 'ratio' ? amountSample(sample, metric, measure) : scoreSample(sample, metric));
  const combine = policy.test === 'ratio' && policy.aggregate === 'median' ? median : (samples: number[]) => samples.reduce((a, b) => a + b, 0) / samples.length;
  const values = new Float64Array(cases.length);
  cases.forEach((testCase, index) => {
    const [only] = testCase.samples;
    if (testCase.samples.length === 1 && only) {
      values[index] = valueOf(only) ?? Number.NaN;
      return;
    }
    const samples = testCase.samples.map(valueOf).filter((value): value is number => value !== null);
    values[index] = samples.length === 0 ? Number.NaN : combine(samples);
  });
  return values;
}

/** Whether every sample of the case failed to run. */
export function caseErrored(testCase: CaseResult): string | undefined {
  const failed = testCase.samples.filter((sample) => sample.output === null);
  return failed.length === testCase.samples.length && failed.length > 0 ? failed[0]?.error ?? 'failed' : undefined;
}
