import type { Scale } from '../metrics/types.js';
import type { CaseResult, MetricInfo, SampleResult } from '../results/types.js';
import { quantile } from './stats.js';

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

const isSkip = (error: string | undefined) => error?.startsWith('skipped') ?? false;

/** One sample's value of a 0–1 metric. A failed flow or a metric error counts as 0. */
function scoreSample(sample: SampleResult, metric: MetricInfo): number | null {
  if (sample.error !== undefined && sample.output === null) return 0;
  const score = sample.scores[metric.name];
  if (!score || isSkip(score.error)) return null;
  if (score.value === null) return score.error ? 0 : null;
  return toUnit(score.value, metric.scale);
}

function amountSample(sample: SampleResult, metric: MetricInfo): number | null {
  if (sample.output === null) return null;
  return sample.scores[metric.name]?.value ?? null;
}

export function caseValues(cases: readonly CaseResult[], metric: MetricInfo): CaseValues {
  const amount = metric.scale.kind === 'amount';
  const valueOf = (sample: SampleResult) => (amount ? amountSample(sample, metric) : scoreSample(sample, metric));
  const values = new Float64Array(cases.length);
  cases.forEach((testCase, index) => {
    const [only] = testCase.samples;
    if (testCase.samples.length === 1 && only) {
      values[index] = valueOf(only) ?? Number.NaN;
      return;
    }
    const samples = testCase.samples.map(valueOf).filter((value): value is number => value !== null);
    if (samples.length === 0) values[index] = Number.NaN;
    else values[index] = metric.family === 'latency' ? quantile(samples, 0.5) : samples.reduce((a, b) => a + b, 0) / samples.length;
  });
  return values;
}

/** Whether every sample of the case failed to run. */
export function caseErrored(testCase: CaseResult): string | undefined {
  const failed = testCase.samples.filter((sample) => sample.output === null);
  return failed.length === testCase.samples.length && failed.length > 0 ? failed[0]?.error ?? 'failed' : undefined;
}
