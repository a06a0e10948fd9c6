import type { RatioStatistic } from '../metrics/types.js';
import type { Clusters } from './clusters.js';
import { clusterSums } from './clusters.js';
import { mulberry32 } from './rng.js';
import { signFlipPValue } from './stats.js';

const logRatio = (pr: number, base: number) => (base > 0 && pr > 0 ? Math.log(pr / base) : pr > base ? 1 : pr < base ? -1 : 0);

/**
 * One-sided paired p-value that the PR's amounts are larger than the baseline's. Under "no
 * change" a case's two values are exchangeable, so swapping them is a valid permutation:
 * - `sum` (cost): swapping cases between the sides moves log(ΣPR / Σbase) monotonically with the
 *   signed sum of the differences, so the swap test of the total ratio IS the sign-flip test of
 *   PR − base per case — exact for any distribution of per-case costs (heavy tails included);
 * - `p50` / `p95` (latency): the sign-flip test of the per-case log ratios log(PR / base), i.e.
 *   whether cases got slower; exact under exchangeability too. (A change confined to the slowest
 *   5 % shows in the p95 ratio but weakly here; p95 warns only.)
 * With `clusters`, whole clusters are swapped (their differences summed). Seeded, and
 * independent of the case order (the sign-flip test sorts its input).
 */
export function ratioPValue(kind: RatioStatistic, base: Float64Array, pr: Float64Array, seed: number, clusters: Clusters | null = null): number {
  const differences = kind === 'sum' ? pr.map((value, index) => value - (base[index] as number)) : pr.map((value, index) => logRatio(value, base[index] as number));
  // signFlipPValue tests "below 0"; a rise is "above 0", so flip the signs.
  const rises = differences.map((d) => -d);
  return signFlipPValue(clusters ? clusterSums(rises, clusters) : rises, mulberry32(seed));
}
