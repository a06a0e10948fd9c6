import type { MetricInfo } from '../results/types.js';
import type { CaseValues } from './case-values.js';
import { presentPairs } from './case-values.js';
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
  /** Smallest drop (0–1 scale) this suite detects with 80 % power at α. */
  detectableDrop: number | null;
}

export function pairedTest(metric: MetricInfo, base: CaseValues, pr: CaseValues, prAll: number | null, alpha: number, repeat: number): PairedTest {
  const pairs = presentPairs(base, pr);
  const n = pairs.base.length;
  const sign = metric.direction === 'lower-is-better' ? -1 : 1;
  const differences = pairs.pr.map((p, index) => p - (pairs.base[index] as number));
  const oriented = Float64Array.from(differences, (d) => d * sign);
  const improved = oriented.filter((d) => d > 0).length;
  const regressed = oriented.filter((d) => d < 0).length;
  const empty = { baseline: null, pr: null, delta: null, ci: null, pRaw: null, detectableDrop: null };
  if (n === 0) return { metric, shared: 0, prAll, improved: 0, regressed: 0, ...empty };

  const binary = metric.scale.kind === 'binary' && repeat === 1;
  const random = mulberry32(seedFrom(metric.name));
  const pRaw = binary ? mcnemarOneSided(improved, regressed) : signFlipPValue(oriented, random);
  const ci = n > 1 ? meanInterval(differences, resampler(seedFrom(`${metric.name}:ci`))) : null;
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
    detectableDrop: detectableDrop(oriented, n, alpha, binary),
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
 * (z₁₋α + z₀.₈)·sd/√n from the observed paired differences; never below what the exact test
 * can resolve at all (for McNemar: ⌈log₂(1/α)⌉ regressed cases with none improved).
 */
export function detectableDrop(oriented: Float64Array, n: number, alpha: number, binary: boolean): number {
  const power = (z(1 - alpha) + z(0.8)) * standardDeviation(oriented) / Math.sqrt(n);
  const resolution = Math.ceil(Math.log2(1 / alpha)) / n;
  return Math.min(1, Math.max(power, binary ? resolution : 1 / n));
}
