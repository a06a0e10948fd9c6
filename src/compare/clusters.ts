import type { CaseResult } from '../results/types.js';

/**
 * Clustered cases (Miller 2024, "Adding Error Bars to Evals"): several questions about one
 * document are not independent. A case's `cluster` (or `group`) field names its cluster; the
 * sign-flip tests flip whole clusters and the paired bootstrap draws whole clusters.
 */
export type Clusters = Int32Array;

/** Cluster number per case (first-seen order), or null when no case names a cluster or no cluster has two cases. */
export function clustersOf(cases: readonly CaseResult[]): Clusters | null {
  const numbers = new Map<string, number>();
  let named = false;
  const clusters = Int32Array.from(cases, (testCase, index) => {
    const label = testCase.inputs.cluster ?? testCase.inputs.group;
    if (label === undefined || label === null) return -1 - index;
    named = true;
    const key = typeof label === 'string' ? label : JSON.stringify(label);
    if (!numbers.has(key)) numbers.set(key, numbers.size);
    return numbers.get(key) as number;
  });
  if (!named || numbers.size === clusters.filter((cluster) => cluster >= 0).length) return null;
  // Cases without a cluster are clusters of their own, numbered after the named ones.
  let next = numbers.size;
  return clusters.map((cluster) => (cluster >= 0 ? cluster : next++));
}

/** The clusters of the present pairs (`indexes` from presentPairs), renumbered 0..k−1. */
export function clustersAt(clusters: Clusters, indexes: readonly number[]): Clusters {
  const renumber = new Map<number, number>();
  return Int32Array.from(indexes, (index) => {
    const cluster = clusters[index] as number;
    if (!renumber.has(cluster)) renumber.set(cluster, renumber.size);
    return renumber.get(cluster) as number;
  });
}

const countOf = (clusters: Clusters) => clusters.reduce((max, cluster) => Math.max(max, cluster + 1), 0);

/** Σ values per cluster: what the sign-flip test flips as one unit. */
export function clusterSums(values: ArrayLike<number>, clusters: Clusters): Float64Array {
  const sums = new Float64Array(countOf(clusters));
  for (let index = 0; index < clusters.length; index += 1) sums[clusters[index] as number] = (sums[clusters[index] as number] as number) + (values[index] as number);
  return sums;
}

/** Cluster-robust sd of the mean, as an sd per case: √n · √(Σ_c (S_c − n_c·d̄)²) / n. */
export function clusteredSd(values: ArrayLike<number>, clusters: Clusters): number {
  const n = clusters.length;
  if (n < 2) return 0;
  let total = 0;
  for (let index = 0; index < n; index += 1) total += values[index] as number;
  const centre = total / n;
  const centred = clusterSums(Array.from({ length: n }, (_, index) => (values[index] as number) - centre), clusters);
  const variance = centred.reduce((sum, value) => sum + value * value, 0) / (n * n);
  return Math.sqrt(variance * n);
}

/** A seeded bootstrap resampler over clusters: each case gets its cluster's draw count. */
export function clusterResampler(clusters: Clusters, random: () => number): (counts: Uint32Array) => void {
  const k = countOf(clusters);
  const draws = new Uint32Array(k);
  return (counts) => {
    draws.fill(0);
    for (let draw = 0; draw < k; draw += 1) {
      const cluster = Math.floor(random() * k);
      draws[cluster] = (draws[cluster] as number) + 1;
    }
    for (let index = 0; index < clusters.length; index += 1) counts[index] = draws[clusters[index] as number] as number;
  };
}
