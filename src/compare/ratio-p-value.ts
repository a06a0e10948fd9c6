import type { RatioStatistic } from '../metrics/types.js';
import { mulberry32, uint32 } from './rng.js';
import { EXACT_PERMUTATION_LIMIT, quantileInPlace } from './stats.js';

const PERMUTATIONS = 2_000;

function statistic(kind: RatioStatistic, values: Float64Array): number {
  if (kind === 'sum') return values.reduce((sum, value) => sum + value, 0);
  return quantileInPlace(values, kind === 'p50' ? 0.5 : 0.95);
}

const logRatio = (pr: number, base: number) => (base > 0 && pr > 0 ? Math.log(pr / base) : pr > base ? Number.POSITIVE_INFINITY : pr < base ? Number.NEGATIVE_INFINITY : 0);

/**
 * One-sided paired permutation p-value that the PR's statistic (sum, p50, p95) is larger than
 * the baseline's: under "no change" the two values of a case are exchangeable, so each
 * permutation swaps a random subset of cases between the sides and recomputes
 * log(stat(PR side) / stat(baseline side)). p = (1 + #{permuted ≥ observed}) / (B + 1). Exact
 * for any distribution of per-case amounts (heavy tails included). Past EXACT_PERMUTATION_LIMIT
 * cases quantiles are permuted on every ⌈n / limit⌉-th case (sums always use all cases).
 */
export function ratioPValue(kind: RatioStatistic, base: Float64Array, pr: Float64Array, seed: number, permutations = PERMUTATIONS): number {
  const stride = kind === 'sum' ? 1 : Math.ceil(base.length / EXACT_PERMUTATION_LIMIT);
  const b = stride === 1 ? base : base.filter((_, index) => index % stride === 0);
  const p = stride === 1 ? pr : pr.filter((_, index) => index % stride === 0);
  const n = b.length;
  if (n === 0) return 1;
  const observed = logRatio(statistic(kind, Float64Array.from(p)), statistic(kind, Float64Array.from(b)));
  const random = mulberry32(seed);
  const left = new Float64Array(n);
  const right = new Float64Array(n);
  const tolerance = 1e-12;
  let atOrAbove = 0;
  for (let round = 0; round < permutations; round += 1) {
    let bits = 0;
    for (let index = 0; index < n; index += 1) {
      if ((index & 31) === 0) bits = uint32(random);
      const swap = bits & 1;
      bits >>>= 1;
      left[index] = (swap ? p[index] : b[index]) as number;
      right[index] = (swap ? b[index] : p[index]) as number;
    }
    if (logRatio(statistic(kind, right), statistic(kind, left)) >= observed - tolerance) atOrAbove += 1;
  }
  return (1 + atOrAbove) / (permutations + 1);
}
