import type { MetricInfo } from '../results/types.js';
import type { CaseValues } from './case-values.js';
import { presentPairs } from './case-values.js';
import type { Clusters } from './clusters.js';
import { clusteredSd, clusterResampler, clustersAt, clusterSums } from './clusters.js';
import { mulberry32, resampler, seedFrom } from './rng.js';
import { bootstrapInterval, EXACT_PERMUTATION_LIMIT, mcnemarOneSided, mean, signFlipPValue, standardDeviation, weightedMean, z } from './stats.js';

/** The paired comparison of one 0–1 metric on the shared cases. */
export interface PairedTest {
  metric: MetricInfo;
  shared: number;
  /** Means on the shared cases, in the metric's own orientation (a defect rate stays a rate). */
  baseline: number | null;
  pr: number | null;
  /** PR mean on all PR cases (what floors apply to). */
  prAll: number | null;
  delta: number | null;
  ci: [number, number] | null;
  /** Cases that got better / worse (direction-aware). */
  improved: number;
  regressed: number;
  /** One-sided p-value for "got worse". */
  pRaw: number | null;
  /** Standard deviation of the per-case differences (what the detectable drop is computed from). */
  sd: number;
  /** Σ of the squares of what the sign-flip test flips (per-case differences, or cluster sums): bounds how far it can reach. */
  flipSquares: number;
  test: 'mcnemar' | 'sign-flip' | 'none';
  /** The p-value combines the two stages of a sequential run (compare/sequential-stages.ts): its size is counted at the full level. */
  combined?: boolean;
  /**
   * When the PR's metric errored on some shared cases: the same test with every errored sample
   * counted at the metric's best value. A FAIL must survive it — errors that depend on the
   * answer (a judge failing on good answers) cannot make a drop.
   */
  bestCase?: { delta: number | null; pRaw: number | null; errored: number };
}

/**
 * The paired test of one metric on the shared cases. McNemar's exact test only when both runs
 * have k = 1 binary samples per case (each case is then a 0/1 pair); otherwise the per-case
 * means are compared with the sign-flip test, valid whatever k each side used. With `clusters`
 * (aligned with the values), whole clusters are flipped and resampled.
 */
export function pairedTest(metric: MetricInfo, base: CaseValues, pr: CaseValues, prAll: number | null, repeats: { base: number; pr: number }, clusters: Clusters | null = null): PairedTest {
  const pairs = presentPairs(base, pr);
  const n = pairs.base.length;
  const sign = metric.direction === 'lower-is-better' ? -1 : 1;
  const differences = pairs.pr.map((p, index) => p - (pairs.base[index] as number));
  const oriented = Float64Array.from(differences, (d) => d * sign);
  const improved = oriented.filter((d) => d > 0).length;
  const regressed = oriented.filter((d) => d < 0).length;
  const empty = { baseline: null, pr: null, delta: null, ci: null, pRaw: null, sd: 0, flipSquares: 0, test: 'none' as const };
  if (n === 0) return { metric, shared: 0, prAll, improved: 0, regressed: 0, ...empty };

  const grouped = clusters ? clustersAt(clusters, pairs.indexes) : null;
  const binary = metric.scale.kind === 'binary' && repeats.base === 1 && repeats.pr === 1 && grouped === null;
  const random = mulberry32(seedFrom(metric.name));
  const flipped = grouped ? clusterSums(oriented, grouped) : oriented;
  const pRaw = binary ? mcnemarOneSided(improved, regressed) : signFlipPValue(flipped, random);
  const ciResample = grouped ? clusterResampler(grouped, mulberry32(seedFrom(`${metric.name}:ci`))) : resampler(seedFrom(`${metric.name}:ci`));
  const ci = n > 1 ? (grouped ? bootstrapInterval(n, (counts) => weightedMean(differences, counts), ciResample) : meanInterval(differences, ciResample)) : null;
  return {
    metric,
    shared: n,
    baseline: mean(pairs.base),
    pr: mean(pairs.pr),
    prAll,
    delta: mean(differences),
    ci,
    improved,
    regressed,
    pRaw,
    sd: grouped ? clusteredSd(oriented, grouped) : standardDeviation(oriented),
    flipSquares: flipped.reduce((sum, value) => sum + value * value, 0),
    test: binary ? 'mcnemar' : 'sign-flip',
  };
}

/**
 * 90% interval of the mean paired difference: a seeded percentile bootstrap over cases; past
 * EXACT_PERMUTATION_LIMIT cases the bootstrap distribution is the normal one the CLT gives it,
 * mean ± z₀.₉₅·sd/√n, computed directly.
 */
function meanInterval(differences: Float64Array, resample: (counts: Uint32Array) => void): [number, number] {
  const n = differences.length;
  const centre = mean(differences);
  if (n > EXACT_PERMUTATION_LIMIT) {
    const half = z(0.95) * standardDeviation(differences) / Math.sqrt(n);
    return [centre - half, centre + half];
  }
  return bootstrapInterval(n, (counts) => weightedMean(differences, counts), resample);
}

/**
 * The smallest true drop that FAILs with 80 % power under the gate's rule: the observed drop
 * must reach the tolerance AND pass the test at `level`, the level the PR-wide family would
 * judge this test at if it were the one that moved (family.ts testLevel: the other tests charged
 * what they can reach). Assumptions: the mean difference is normal with the observed per-case
 * sd, and the sd stays the same under the drop. δ = max(tolerance, z₁₋level·se) + z₀.₈·se,
 * se = sd/√n; never below what the exact test can resolve (McNemar: ⌈log₂(1/level)⌉ regressed
 * cases with none improved).
 */
export function detectableDrop(sd: number, n: number, rule: { tolerance: number; level: number; binary: boolean }): number {
  const { level } = rule;
  const se = sd / Math.sqrt(n);
  const needed = Math.max(rule.tolerance, z(1 - level) * se) + z(0.8) * se;
  const resolution = rule.binary ? Math.ceil(Math.log2(1 / level)) / n : 1 / n;
  return Math.min(1, Math.max(needed, resolution));
}
