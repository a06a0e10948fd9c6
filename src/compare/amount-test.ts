import type { MetricInfo } from '../results/types.js';
import type { CaseValues } from './case-values.js';
import { mulberry32, seedFrom } from './rng.js';
import { bootstrapInterval, quantileInPlace } from './stats.js';

/** A ratio comparison of an amount (USD, ms, tokens/s), PR over baseline, on shared cases. */
export interface RatioTest {
  metric: MetricInfo;
  /** `sum` for cost, `p50` / `p95` of per-case medians for latency. */
  statistic: 'sum' | 'p50' | 'p95';
  shared: number;
  baseline: number | null;
  pr: number | null;
  /** PR / baseline; > 1 means more cost or more latency (or more tokens/s). */
  ratio: number | null;
  ci: [number, number] | null;
}

/**
 * The statistic over `values`, or over the resample `indexes` of them; `buffer` is scratch space
 * (length n) so a bootstrap allocates nothing per resample.
 */
function statisticOf(kind: RatioTest['statistic'], values: Float64Array, buffer: Float64Array, indexes?: Uint32Array): number {
  const n = values.length;
  if (kind === 'sum') {
    let sum = 0;
    for (let index = 0; index < n; index += 1) sum += values[indexes ? (indexes[index] as number) : index] as number;
    return sum;
  }
  for (let index = 0; index < n; index += 1) buffer[index] = values[indexes ? (indexes[index] as number) : index] as number;
  return quantileInPlace(buffer, kind === 'p50' ? 0.5 : 0.95);
}

export function ratioTest(metric: MetricInfo, statistic: RatioTest['statistic'], base: CaseValues, pr: CaseValues, ids: readonly string[]): RatioTest {
  const pairs = ids.flatMap((id) => {
    const b = base.get(id);
    const p = pr.get(id);
    return b === null || b === undefined || p === null || p === undefined ? [] : [[b, p] as const];
  });
  const baseValues = Float64Array.from(pairs, ([b]) => b);
  const prValues = Float64Array.from(pairs, ([, p]) => p);
  const n = pairs.length;
  if (n === 0) {
    const all = Float64Array.from([...pr.values()].filter((value): value is number => value !== null));
    return { metric, statistic, shared: 0, baseline: null, pr: all.length ? statisticOf(statistic, all, new Float64Array(all.length)) : null, ratio: null, ci: null };
  }
  const buffer = new Float64Array(n);
  const baseline = statisticOf(statistic, baseValues, buffer);
  const prValue = statisticOf(statistic, prValues, buffer);
  const ratio = baseline > 0 ? prValue / baseline : prValue > 0 ? Number.POSITIVE_INFINITY : 1;
  const ci =
    n > 1 && baseline > 0
      ? bootstrapInterval(
          n,
          (indexes) => {
            const b = statisticOf(statistic, baseValues, buffer, indexes);
            return b > 0 ? statisticOf(statistic, prValues, buffer, indexes) / b : 1;
          },
          mulberry32(seedFrom(`${metric.name}:${statistic}`)),
        )
      : null;
  return { metric, statistic, shared: n, baseline, pr: prValue, ratio, ci };
}
