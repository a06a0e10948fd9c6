import type { Scale } from '../metrics/types.js';
import type { CaseResult, MetricInfo, SampleResult } from '../results/types.js';
import { quantile } from './stats.js';

/**
 * Per-case values of one metric, samples already collapsed (mean for scores and cost, median
 * for latency). `null` = the metric does not apply to this case (n/a or skipped).
 */
export type CaseValues = Map<string, number | null>;

/** A quality-like score on 0–1: binary/unit as is, likert (s − min)/(max − min). */
export function toUnit(value: number, scale: Scale): number {
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
  const values: CaseValues = new Map();
  for (const testCase of cases) {
    const samples: number[] = [];
    for (const sample of testCase.samples) {
      const value = amount ? amountSample(sample, metric) : scoreSample(sample, metric);
      if (value !== null) samples.push(value);
    }
    let collapsed: number | null = null;
    if (samples.length) {
      collapsed = metric.family === 'latency' ? quantile(samples, 0.5) : samples.reduce((a, b) => a + b, 0) / samples.length;
    }
    values.set(testCase.id, collapsed);
  }
  return values;
}

/** Whether every sample of the case failed to run. */
export function caseErrored(testCase: CaseResult): string | undefined {
  const failed = testCase.samples.filter((sample) => sample.output === null);
  return failed.length === testCase.samples.length && failed.length > 0 ? failed[0]?.error ?? 'failed' : undefined;
}
