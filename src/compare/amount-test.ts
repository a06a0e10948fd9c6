import type { MetricInfo } from '../results/types.js';
import type { CaseValues } from './case-values.js';
import { presentPairs, presentValues } from './case-values.js';
import type { Clusters } from './clusters.js';
import { clustersAt, clusterSums } from './clusters.js';
import { ratioPValue } from './ratio-p-value.js';
import { resampler, seedFrom } from './rng.js';
import { bootstrapInterval, quantileInPlace, weightedQuantile } from './stats.js';

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
  /** One-sided permutation p-value for "worse" (more cost or latency, fewer tokens/s). */
  pRaw: number | null;
  /** `sum` only: Σ of the squared per-case (or per-cluster) differences the swap test flips, and baseline + PR totals (0 otherwise). */
  flipSquares: number;
  total: number;
  /** The p-value combines the two stages of a sequential run (compare/sequential-stages.ts): its size is counted at the full level. */
  combined?: boolean;
}

/** The statistic over all `values` (reorders a copy). */
function statisticOf(kind: RatioTest['statistic'], values: Float64Array): number {
  if (kind === 'sum') return values.reduce((sum, value) => sum + value, 0);
  return quantileInPlace(Float64Array.from(values), kind === 'p50' ? 0.5 : 0.95);
}

/** The statistic over a resample given as counts; `order` ascends `values` (quantiles only). */
function resampledStatistic(kind: RatioTest['statistic'], values: Float64Array, order: Uint32Array, counts: Uint32Array): number {
  if (kind === 'sum') {
    let sum = 0;
    for (let index = 0; index < counts.length; index += 1) sum += (counts[index] as number) * (values[index] as number);
    return sum;
  }
  return weightedQuantile(values, order, counts, kind === 'p50' ? 0.5 : 0.95);
}

const ascending = (values: Float64Array) => Uint32Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number));

/** `prAll`: the PR's values on all its cases, for the PR figure when nothing is shared. */
export function ratioTest(metric: MetricInfo, statistic: RatioTest['statistic'], base: CaseValues, pr: CaseValues, prAll: CaseValues, clusters: Clusters | null = null): RatioTest {
  const { base: baseValues, pr: prValues, indexes } = presentPairs(base, pr);
  const grouped = clusters ? clustersAt(clusters, indexes) : null;
  const n = baseValues.length;
  if (n === 0) {
    const all = presentValues(prAll);
    return { metric, statistic, shared: 0, baseline: null, pr: all.length ? statisticOf(statistic, all) : null, ratio: null, ci: null, pRaw: null, flipSquares: 0, total: 0 };
  }
  const baseline = statisticOf(statistic, baseValues);
  const prValue = statisticOf(statistic, prValues);
  const sum = statistic === 'sum';
  const baseOrder = sum ? new Uint32Array(0) : ascending(baseValues);
  const prOrder = sum ? new Uint32Array(0) : ascending(prValues);
  const ratio = baseline > 0 ? prValue / baseline : prValue > 0 ? Number.POSITIVE_INFINITY : 1;
  const ci =
    n > 1 && baseline > 0
      ? bootstrapInterval(
          n,
          (counts) => {
            const b = resampledStatistic(statistic, baseValues, baseOrder, counts);
            return b > 0 ? resampledStatistic(statistic, prValues, prOrder, counts) / b : 1;
          },
          resampler(seedFrom(`${metric.name}:${statistic}`)),
        )
      : null;
  const seed = seedFrom(`${metric.name}:${statistic}:p`);
  const pRaw = metric.direction === 'lower-is-better' ? ratioPValue(statistic, baseValues, prValues, seed, grouped) : ratioPValue(statistic, prValues, baseValues, seed, grouped);
  const differences = prValues.map((value, index) => value - (baseValues[index] as number));
  const flipSquares = sum ? (grouped ? clusterSums(differences, grouped) : differences).reduce((total, value) => total + value * value, 0) : 0;
  return { metric, statistic, shared: n, baseline, pr: prValue, ratio, ci, pRaw, flipSquares, total: sum ? baseline + prValue : 0 };
}
