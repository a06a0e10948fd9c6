import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import type { RatioTest } from './amount-test.js';
import { EPSILON } from './decide.js';
import type { PairedTest } from './paired-test.js';

/**
 * One test of the PR's family: its raw one-sided p-value and `sizeAt(c)`, an upper bound on the
 * chance that the test FAILs at level c when nothing changed — FAIL meaning p ≤ c AND the gate's
 * threshold (a drop of at least the tolerance, a ratio past its limit). The bound is computed
 * given what the test conditions on anyway (the discordant pairs of McNemar, the sizes of the
 * differences a sign-flip test flips), so it is exact for discrete tests and never above c.
 */
export interface FamilyMember {
  p: number;
  sizeAt: (level: number) => number;
}

/** A continuous test with no usable threshold: it can reach any level (Holm's own assumption). */
export const anySize = (level: number) => level;

/** P(X ≥ r), X ~ Binomial(n, ½). */
function upperTail(r: number, n: number): number {
  if (r <= 0) return 1;
  if (r > n) return 0;
  return 1 - binomialCdf(r - 1, n, 0.5);
}

/**
 * McNemar on `shared` cases with `discordant` pairs: it FAILs at level c only if the regressed
 * count reaches both the level's critical count and the count the tolerance needs (a drop of
 * `tolerance`, and always more regressed than improved). With few discordant pairs neither may
 * be reachable: such a test spends nothing of the budget.
 */
export function mcnemarSize(discordant: number, shared: number, tolerance: number): (level: number) => number {
  const forTolerance = Math.max(Math.ceil((tolerance * shared + discordant) / 2 - EPSILON * shared), Math.floor(discordant / 2) + 1);
  // The step-down asks at every level of the family: the tails it needs, computed once each.
  const tails = new Map<number, number>();
  const tail = (r: number) => {
    let value = tails.get(r);
    if (value === undefined) tails.set(r, (value = upperTail(r, discordant)));
    return value;
  };
  return (level) => {
    let low = 0;
    let high = discordant + 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tail(middle) <= level) high = middle;
      else low = middle + 1;
    }
    return tail(Math.max(low, forTolerance));
  };
}

/**
 * A sign-flip test of values whose squares sum to `flipSquares` FAILs only if the flipped sum
 * reaches `threshold`: by Hoeffding's inequality that has probability ≤ exp(−t² / 2Σa²) under
 * "no change", whatever the level.
 */
export function signFlipSize(flipSquares: number, threshold: number): (level: number) => number {
  const reach = threshold > 0 && flipSquares > 0 ? Math.exp(-(threshold * threshold) / (2 * flipSquares)) : threshold > 0 ? 0 : 1;
  return (level) => Math.min(level, reach);
}

/** A paired test's size: McNemar's exact one, or the sign-flip test's (its sum must reach tolerance × cases). */
export function pairedSize(test: PairedTest, tolerance: number): (level: number) => number {
  if (test.combined) return anySize;
  if (test.test === 'mcnemar') return mcnemarSize(test.improved + test.regressed, test.shared, tolerance);
  return signFlipSize(test.flipSquares, Math.max(0, tolerance - EPSILON) * test.shared);
}

/**
 * A ratio test's size. For a total (cost), PR/baseline > 1 + t means the swapped sum of the
 * differences exceeds t·T/(2 + t), T = baseline + PR total. A quantile ratio has no such
 * relation to what the test flips: it is counted at full size.
 */
export function ratioSize(test: RatioTest, tolerance: number): (level: number) => number {
  if (test.statistic !== 'sum' || test.combined) return anySize;
  return signFlipSize(test.flipSquares, (tolerance * test.total) / (2 + tolerance));
}

/**
 * Holm's step-down procedure with each test's attainable size (Tarone 1990; the discrete Holm
 * of Hommel & Krummenauer 1998): the adjusted p of the test ranked l is
 * max over k ≤ l of Σ_{j : p_j ≥ p_(k)} sizeAt_j(p_(k)). With sizeAt(c) = c for every test this
 * is Holm's (m − k + 1)·p_(k) (and an adjusted p is never below its raw p); a test that cannot FAIL at a level (too few changed cases to reach
 * it, or to reach the tolerance) adds less or nothing, so the others get more of α. Controls the
 * chance that an unchanged PR FAILs anywhere at α (docs/gate.md: "One family per PR").
 */
export function discreteHolm(members: readonly FamilyMember[]): number[] {
  const order = members.map((member, index) => ({ p: member.p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(members.length);
  let running = 0;
  let first = 0;
  order.forEach(({ p, index }) => {
    while ((order[first] as { p: number }).p < p) first += 1;
    let spent = 0;
    for (let other = first; other < order.length; other += 1) spent += Math.min(p, (members[(order[other] as { index: number }).index] as FamilyMember).sizeAt(p));
    running = Math.max(running, Math.min(1, spent));
    // Never below the raw p: a test that cannot fail does not look significant.
    adjusted[index] = Math.max(p, running);
  });
  return adjusted;
}

/**
 * The level one more test would be judged at if it were the one that moved, the others as they
 * are: the largest c with c + Σ sizeAt_j(c) ≤ α (found by bisection). It is at least Holm's α/(m+1)
 * and at most α; the detectable-drop line uses it (compare/paired-test.ts).
 */
export function testLevel(members: readonly FamilyMember[], alpha: number): number {
  const spent = (level: number) => members.reduce((sum, member) => sum + Math.min(level, member.sizeAt(level)), level);
  let low = alpha / (members.length + 1);
  let high = alpha;
  if (spent(high) <= alpha) return alpha;
  for (let step = 0; step < 40; step += 1) {
    const middle = (low + high) / 2;
    if (spent(middle) <= alpha) low = middle;
    else high = middle;
  }
  return low;
}
