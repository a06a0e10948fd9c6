import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { uint32 } from './rng.js';

const PERMUTATIONS = 10_000;
/** Above this many non-zero differences the sign-flip distribution is replaced by its normal limit. */
export const EXACT_PERMUTATION_LIMIT = 5_000;

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) sum += values[index] as number;
  return values.length ? sum / values.length : 0;
}

export function standardDeviation(values: ArrayLike<number>): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (let index = 0; index < values.length; index += 1) squares += ((values[index] as number) - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Linear-interpolated quantile of sorted values (type 7, as R and numpy). */
function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (position - low);
}

export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileInPlace(Float64Array.from(values), q);
}

/**
 * The type-7 quantile of `buffer` by quickselect, O(n) on average; reorders `buffer`.
 * Used where a bootstrap would otherwise sort every resample.
 */
export function quantileInPlace(buffer: Float64Array, q: number): number {
  const n = buffer.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const k = Math.floor(position);
  select(buffer, k);
  const low = buffer[k] as number;
  if (position === k) return low;
  let next = Number.POSITIVE_INFINITY;
  for (let index = k + 1; index < n; index += 1) next = Math.min(next, buffer[index] as number);
  return low + (next - low) * (position - k);
}

/** Hoare-partition quickselect: afterwards buffer[k] holds the k-th smallest value. */
function select(buffer: Float64Array, k: number): void {
  let left = 0;
  let right = buffer.length - 1;
  while (left < right) {
    const pivot = buffer[(left + right) >> 1] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((buffer[i] as number) < pivot) i += 1;
      while ((buffer[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const swap = buffer[i] as number;
        buffer[i] = buffer[j] as number;
        buffer[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * Exact one-sided McNemar test for a drop: of the n = improved + regressed discordant pairs,
 * P(X ≥ regressed) with X ~ Binomial(n, ½).
 */
export function mcnemarOneSided(improved: number, regressed: number): number {
  const discordant = improved + regressed;
  if (discordant === 0 || regressed === 0) return 1;
  return 1 - binomialCdf(regressed - 1, discordant, 0.5);
}

/** Exceedances after which a sign-flip test stops early (Besag & Clifford 1991 sequential Monte Carlo). */
const SEQUENTIAL_STOP = 100;

/**
 * One-sided sign-flip permutation test that the mean paired difference is below 0. Sequential
 * (Besag–Clifford): permutations stop once SEQUENTIAL_STOP flipped sums reached the observed one,
 * p = h / L after L permutations — a valid p-value, and a large p (most tests of an unchanged PR)
 * costs a few hundred permutations instead of B; otherwise p = (1 + #{flipped sums ≤ observed}) /
 * (B + 1) as usual. Zero differences carry no sign and are dropped; beyond EXACT_PERMUTATION_LIMIT
 * the normal limit N(0, Σd²) is used.
 */
export function signFlipPValue(differences: ArrayLike<number>, random: () => number, permutations = PERMUTATIONS): number {
  // Sorted, so the sign each difference draws does not depend on the order of the cases.
  const nonZero = Float64Array.from(differences).filter((d) => d !== 0).sort();
  if (nonZero.length === 0) return 1;
  let observed = 0;
  let squares = 0;
  for (const d of nonZero) {
    observed += d;
    squares += d * d;
  }
  if (nonZero.length > EXACT_PERMUTATION_LIMIT) return normalCdf(observed / Math.sqrt(squares));
  const tolerance = 1e-12 * Math.sqrt(squares);
  let atOrBelow = 0;
  for (let b = 0; b < permutations; b += 1) {
    let sum = 0;
    let bits = 0;
    for (let index = 0; index < nonZero.length; index += 1) {
      if ((index & 31) === 0) bits = uint32(random);
      sum += bits & 1 ? nonZero[index] as number : -(nonZero[index] as number);
      bits >>>= 1;
    }
    if (sum <= observed + tolerance) {
      atOrBelow += 1;
      if (atOrBelow === SEQUENTIAL_STOP) return SEQUENTIAL_STOP / (b + 1);
    }
  }
  return (1 + atOrBelow) / (permutations + 1);
}

export function normalCdf(z: number): number {
  // Abramowitz–Stegun 7.1.26 via erf; |error| < 1.5e-7, plenty for a p-value.
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Bootstrap resamples that keep O(n·B) bounded for very large suites. */
function bootstrapCount(n: number): number {
  return Math.min(1000, Math.max(200, Math.floor(10_000_000 / Math.max(1, n))));
}

/**
 * Percentile bootstrap interval of a statistic over whole cases (paired: one draw picks the same
 * case on both sides). A resample is passed as `counts`: how often each case was drawn, so a
 * statistic can weigh values instead of copying them.
 */
export function bootstrapInterval(
  n: number,
  statistic: (counts: Uint32Array) => number,
  resample: (counts: Uint32Array) => void,
  level = 0.9,
): [number, number] {
  const resamples = bootstrapCount(n);
  const values = new Float64Array(resamples);
  const counts = new Uint32Array(n);
  for (let b = 0; b < resamples; b += 1) {
    resample(counts);
    values[b] = statistic(counts);
  }
  values.sort();
  const tail = (1 - level) / 2;
  return [quantileSorted(values, tail), quantileSorted(values, 1 - tail)];
}

/** Σ counts·values / Σ counts: the mean of a resample given as counts. */
export function weightedMean(values: ArrayLike<number>, counts: Uint32Array): number {
  let sum = 0;
  let total = 0;
  for (let index = 0; index < counts.length; index += 1) {
    const count = counts[index] as number;
    if (count) {
      sum += count * (values[index] as number);
      total += count;
    }
  }
  return total ? sum / total : 0;
}

/**
 * Type-7 quantile of a bootstrap resample given as counts over `values` (n draws of n cases);
 * `order` lists the indexes of `values` in ascending value order (sorted once, reused by every
 * resample). Stops as soon as the quantile's rank is reached.
 */
export function weightedQuantile(values: Float64Array, order: Uint32Array, counts: Uint32Array, q: number): number {
  const position = (order.length - 1) * q;
  const k = Math.floor(position);
  let seen = 0;
  let low: number | undefined;
  for (let rank = 0; rank < order.length; rank += 1) {
    const index = order[rank] as number;
    const count = counts[index] as number;
    if (count === 0) continue;
    const value = values[index] as number;
    if (low !== undefined) return low + (value - low) * (position - k);
    if (seen + count > k) {
      if (position === k || seen + count > k + 1) return value;
      low = value;
    }
    seen += count;
  }
  return low ?? Number.NaN;
}

/** z such that P(Z ≤ z) = p. */
export function z(p: number): number {
  return normalQuantile(p, 0, 1);
}
