import type { MetricInfo } from '../results/types.js';
import type { CaseValues } from './case-values.js';
import { mulberry32, seedFrom } from './rng.js';
import { bootstrapInterval, quantile } from './stats.js';

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

function statisticOf(kind: RatioTest['statistic'], values: Float64Array, indexes?: Uint32Array): number {
  const picked = indexes ? Float64Array.from(indexes, (index) => values[index] as number) : values;
  if (kind === 'sum') return picked.reduce((a, b) => a + b, 0);
  return quantile(picked, kind === 'p50' ? 0.5 : 0.95);
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
    return { metric, statistic, shared: 0, baseline: null, pr: all.length ? statisticOf(statistic, all) : null, ratio: null, ci: null };
  }
  const baseline = statisticOf(statistic, baseValues);
  const prValue = statisticOf(statistic, prValues);
  const ratio = baseline > 0 ? prValue / baseline : prValue > 0 ? Number.POSITIVE_INFINITY : 1;
  const ci =
    n > 1 && baseline > 0
      ? bootstrapInterval(
          n,
          (indexes) => {
            const b = statisticOf(statistic, baseValues, indexes);
            return b > 0 ? statisticOf(statistic, prValues, indexes) / b : 1;
          },
          mulberry32(seedFrom(`${metric.name}:${statistic}`)),
        )
      : null;
  return { metric, statistic, shared: n, baseline, pr: prValue, ratio, ci };
}
