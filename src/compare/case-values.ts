import type { Scale } from '../metrics/types.js';
import type { CaseResult, MetricInfo, SampleResult } from '../results/types.js';
import { median } from '../core/numbers.js';
import { errorKindOfText } from '../runner/error-kind.js';
import type { ErrorKind } from '../core/failure.js';
import { measureOf, policyOf } from './metric-policy.js';

/**
 * Per-case values of one metric, samples already collapsed (mean for scores and cost, median
 * for latency), in the order of the cases given. NaN = no value for this case: the metric does
 * not apply (n/a, skipped), it errored, or the flow failed for infrastructure reasons.
 */
export type CaseValues = Float64Array;

/** The cases that have a value on both sides, as two aligned arrays (and their positions). */
export function presentPairs(base: CaseValues, pr: CaseValues): { base: Float64Array; pr: Float64Array; indexes: number[] } {
  const indexes: number[] = [];
  for (let index = 0; index < base.length; index += 1) if (!Number.isNaN(base[index] as number) && !Number.isNaN(pr[index] as number)) indexes.push(index);
  return { base: Float64Array.from(indexes, (index) => base[index] as number), pr: Float64Array.from(indexes, (index) => pr[index] as number), indexes };
}

/** The values that are present (not NaN). */
export function presentValues(values: CaseValues): Float64Array {
  return values.filter((value) => !Number.isNaN(value));
}

/** A quality-like score on 0–1: binary/unit as is, likert (s − min)/(max − min). */
function toUnit(value: number, scale: Scale): number {
  return scale.kind === 'likert' ? (value - scale.min) / (scale.max - scale.min) : value;
}

/** Why a sample's flow failed; undefined when it ran. */
export function flowErrorKind(sample: SampleResult): ErrorKind | undefined {
  if (sample.output !== null) return undefined;
  return sample.errorKind ?? errorKindOfText(sample.error ?? '');
}

/**
 * One sample's value of a 0–1 metric. An application failure of the flow is the worst value
 * (0 when higher is better, a defect when lower is better); an infrastructure failure, a metric
 * error, n/a and skipped are absent — an error is never a score.
 */
function scoreSample(sample: SampleResult, metric: MetricInfo, errors: MetricErrorValue): number | null {
  const failure = flowErrorKind(sample);
  if (failure === 'application') return metric.direction === 'higher-is-better' ? 0 : 1;
  if (failure === 'infrastructure') return null;
  const score = sample.scores[metric.name];
  if (score?.status === 'error' && errors === 'best') return metric.direction === 'higher-is-better' ? 1 : 0;
  if (score?.status !== 'ok') return null;
  return toUnit(score.value ?? Number.NaN, metric.scale);
}

/** One sample's amount: a measured metric reads the sample's measurements; a failed flow measured nothing. */
function amountSample(sample: SampleResult, metric: MetricInfo, measure: ReturnType<typeof measureOf>): number | null {
  if (sample.output === null) return null;
  if (measure) return measure(sample).value;
  const score = sample.scores[metric.name];
  return score?.status === 'ok' ? (score.value ?? null) : null;
}

/** How a sample whose metric errored counts: absent (always, for the gate's own test), or at the metric's best value (the errors-explain-it check, compare/suite.ts). */
export type MetricErrorValue = 'absent' | 'best';

export function caseValues(cases: readonly CaseResult[], metric: MetricInfo, errors: MetricErrorValue = 'absent'): CaseValues {
  const policy = policyOf(metric);
  const measure = measureOf(metric);
  const valueOf = (sample: SampleResult) => (policy.test === 'ratio' ? amountSample(sample, metric, measure) : scoreSample(sample, metric, errors));
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

/** Whether every sample of the case failed to run: its first error and why. */
export function caseErrored(testCase: CaseResult): { error: string; kind: ErrorKind } | undefined {
  const failed = testCase.samples.filter((sample) => sample.output === null);
  if (failed.length !== testCase.samples.length || failed.length === 0) return undefined;
  const kinds = failed.map((sample) => flowErrorKind(sample));
  // A case counts as an application failure as soon as one sample failed on the application's side.
  const kind: ErrorKind = kinds.includes('application') ? 'application' : 'infrastructure';
  const first = failed.find((sample) => flowErrorKind(sample) === kind) ?? failed[0];
  return { error: first?.error ?? 'failed', kind };
}
