import type { MetricInfo, SuiteResult } from '../results/types.js';
import { EPSILON, toleranceOf } from './decide.js';
import { gatedMetric } from './gate-changes.js';
import { isGating, policyOf } from './metric-policy.js';
import { mcnemarOneSided, normalCdf, z } from './stats.js';
import { comparable } from './suite-align.js';
import { PRIMARY_SHARE } from './weights.js';

/**
 * The statistics of stopping a PR run when its verdict is known (docs/gate.md "Stopping when the
 * verdict is known"), shared by the monitor (compare/sequential.ts, during the run) and compare
 * (which re-checks every stop on the stored data). Pure functions of running sums.
 */

/** Share of α the interim efficacy looks spend (Bonferroni over tests × looks); the final look keeps the rest. */
export const EFFICACY_SHARE = 0.1;
/**
 * Interim looks per suite, j = 1…9: futility once j tenths of its cases are scored, efficacy once
 * the first j tenths of its order are. Looking at every case would stop a suite that really
 * dropped on a lucky start far more often.
 */
export const INTERIM_LOOKS = 9;
/** Futility by conditional power: a test whose true drop were exactly the tolerance would still FAIL with a chance below ε from here. */
export const FUTILITY_EPSILON = 0.05;
/** The same for a test of a primary metric: it holds most of the budget, so it is given up on more reluctantly. */
export const PRIMARY_FUTILITY_EPSILON = 0.01;

/** ε of a test: PRIMARY_FUTILITY_EPSILON for a primary metric's, else FUTILITY_EPSILON. */
export const futilityEpsilon = (test: TrackedTest) => (test.primary ? PRIMARY_FUTILITY_EPSILON : FUTILITY_EPSILON);
/** No conditional-power stop before this many shared cases (deterministic curtailment applies from the first). */
export const MIN_LOOK = 20;
/** Stage one of the adaptive design: the first ⌈STAGE_ONE·cases⌉ cases of the order run at the suite's repeat; later cases may run with more samples. */
export const STAGE_ONE = 0.25;
/** The variance of a paired 0–1 test is read with this prior (two discordant cases' worth), so a flow that has not moved yet still has noise to move. */
const PRIOR = { cases: 4, squares: 2 };

/** One gating test of a suite as the sequential monitor follows it. */
export interface TrackedTest {
  /** With the base's gate settings (the gate comes from the base). */
  metric: MetricInfo;
  /** `mean`: a paired 0–1 score (per-case drops in [−1, 1]); `sum`: a total ratio (cost). */
  statistic: 'mean' | 'sum';
  /** `mean`: the drop that FAILs (0–1 points); `sum`: the allowed ratio increase. */
  tolerance: number;
  primary: boolean;
  /** Whether futility may settle it: not with a floor or ceiling (`min`/`max` apply to every case). */
  settleable: boolean;
}

/**
 * The suite's tests that can FAIL and spend the PR's error budget, with the base's gate. `null`
 * when one of them is a test the monitor cannot follow (a gated latency quantile): that suite
 * runs every case.
 */
export function trackedTests(metrics: readonly MetricInfo[], base: SuiteResult): TrackedTest[] | null {
  const tests: TrackedTest[] = [];
  for (const own of metrics) {
    const metric = gatedMetric(own, base);
    const policy = policyOf(metric);
    if (!isGating(metric) || !policy.multipleTesting || !comparable(metric, base)) continue;
    const settleable = metric.gate.min === undefined && metric.gate.max === undefined;
    const primary = metric.gate.primary === true;
    if (policy.test === 'paired') {
      tests.push({ metric, statistic: 'mean', tolerance: toleranceOf(metric, base.tolerance), primary, settleable });
      continue;
    }
    for (const rule of policy.statistics.filter((entry) => entry.canFail)) {
      if (rule.statistic !== 'sum') return null;
      tests.push({ metric, statistic: 'sum', tolerance: metric.gate.tolerance ?? rule.tolerance, primary, settleable });
    }
  }
  return tests;
}

/** The levels of a sequential PR run: α split between the interim efficacy looks and the final look, and each test's Holm share. */
export interface SequentialLevels {
  alpha: number;
  /** The family's α at the final look (compare runs the usual Holm at this level). */
  final: number;
  /** Raw level of one interim efficacy look of one test: EFFICACY_SHARE·α / (tests × looks). */
  efficacy: number;
  /** The level a test is judged at if it alone moved and every other test can reach every level (Holm's first step, with the primary split). */
  share: { primary: number; other: number };
}

export function sequentialLevels(tests: readonly TrackedTest[], alpha: number): SequentialLevels {
  const final = alpha * (1 - EFFICACY_SHARE);
  const primary = tests.filter((test) => test.primary).length;
  const other = tests.length - primary;
  const split = primary > 0 && other > 0;
  const share = split ? { primary: (PRIMARY_SHARE * final) / primary, other: ((1 - PRIMARY_SHARE) * final) / other } : { primary: final / Math.max(1, tests.length), other: final / Math.max(1, tests.length) };
  return { alpha, final, efficacy: (alpha * EFFICACY_SHARE) / (Math.max(1, tests.length) * INTERIM_LOOKS), share };
}

/** Running sums of one test over the shared cases that have a value on both sides; `d` is the per-case worsening (positive = worse). */
export interface Sums {
  n: number;
  sum: number;
  squares: number;
  /** Totals of the two sides (`sum` tests: the ratio's terms). */
  base: number;
  pr: number;
  worse: number;
  better: number;
  /** Pairs where either side had more than one sample, or a non-binary value (exact McNemar needs none). */
  graded: number;
}

export const emptySums = (): Sums => ({ n: 0, sum: 0, squares: 0, base: 0, pr: 0, worse: 0, better: 0, graded: 0 });

/** The worsening of one case: base − PR for higher-is-better, PR − base otherwise. */
export function worsening(test: TrackedTest, base: number, pr: number): number {
  return test.metric.direction === 'higher-is-better' ? base - pr : pr - base;
}

/** Adds (sign = 1) or removes (sign = −1) one case's pair to the sums. */
export function addPair(sums: Sums, test: TrackedTest, pair: { base: number; pr: number; graded: boolean }, sign: 1 | -1 = 1): void {
  const d = worsening(test, pair.base, pair.pr);
  sums.n += sign;
  sums.sum += sign * d;
  sums.squares += sign * d * d;
  sums.base += sign * pair.base;
  sums.pr += sign * pair.pr;
  if (d > EPSILON) sums.worse += sign;
  if (d < -EPSILON) sums.better += sign;
  if (pair.graded) sums.graded += sign;
}

/** The sum of worsenings a FAIL needs at `cases` shared cases to reach the tolerance. */
function toleranceSum(test: TrackedTest, sums: Sums, cases: number): number {
  if (test.statistic === 'mean') return Math.max(test.tolerance - EPSILON, EPSILON) * cases;
  // PR/base > 1 + t  ⇔  Σ(PR − base) > t·Σbase (the base total at `cases`, read from the cases so far).
  return sums.n > 0 ? (test.tolerance * sums.base * cases) / sums.n : 0;
}

/**
 * Deterministic curtailment: even if every one of the `remaining` shared cases got as much worse
 * as a 0–1 score can (1), the drop could not reach the tolerance — so no outcome can FAIL the
 * test. (The final drop is linear in how many cases get a value, so its best is at none or all.)
 */
export function curtailed(test: TrackedTest, sums: Sums, remaining: number): boolean {
  if (test.statistic !== 'mean' || !test.settleable) return false;
  // compare's rule: a drop of more than 0 that reaches the tolerance (decide.ts reachesTolerance).
  const reach = (cases: number, extra: number) => cases > 0 && sums.sum + extra >= toleranceSum(test, sums, cases) - EPSILON * 1e-3 && sums.sum + extra > EPSILON * cases;
  return !reach(sums.n, 0) && !reach(sums.n + remaining, remaining);
}

/**
 * Conditional power under the tolerance alternative: the chance that the test FAILs at `level`
 * at the end, were every remaining case's expected worsening exactly the tolerance, its noise the
 * one measured on `noise` (normal approximation of the final sum; the sign-flip test's variance Σd²).
 */
export function conditionalPower(test: TrackedTest, sums: Sums, remaining: number, level: number, noise: Sums = sums): number {
  const cases = sums.n + remaining;
  const perCase = test.statistic === 'mean' ? (noise.squares + PRIOR.squares) / (noise.n + PRIOR.cases) : noise.n > 0 ? noise.squares / noise.n : 0;
  const needed = Math.max(toleranceSum(test, sums, cases), z(1 - level) * Math.sqrt(perCase * cases));
  const drift = remaining > 0 ? toleranceSum(test, sums, cases) - toleranceSum(test, sums, sums.n) : 0;
  const spread = Math.sqrt(perCase * remaining);
  const gap = needed - sums.sum - drift;
  if (spread === 0) return gap <= 0 ? 1 : 0;
  return 1 - normalCdf(gap / spread);
}

/**
 * Why a test is settled without its remaining cases, or undefined while it is open. `noise`: the
 * sums over the cases that did not come from the response cache — a cached answer is the stored
 * one, so cached cases show no change and no noise whatever the PR did elsewhere; conditional
 * power waits for MIN_LOOK uncached cases and reads the noise from them.
 */
export function futility(test: TrackedTest, sums: Sums, remaining: number, level: number, noise: Sums = sums): 'curtailed' | 'conditional-power' | undefined {
  if (!test.settleable) return undefined;
  if (curtailed(test, sums, remaining)) return 'curtailed';
  if (noise.n < MIN_LOOK || remaining === 0) return undefined;
  return conditionalPower(test, sums, remaining, level, noise) < futilityEpsilon(test) ? 'conditional-power' : undefined;
}

/**
 * The p-value of an interim efficacy look of a paired 0–1 test: exact McNemar when every pair is
 * one binary sample a side, else Azuma–Hoeffding's bound exp(−S²/2n) (per-case worsenings lie in
 * [−1, 1] and have mean 0 under "no change" whatever repeat each case ran with: the sum is a
 * martingale). 1 when the drop does not reach the tolerance (a FAIL needs both).
 */
export function efficacyP(test: TrackedTest, sums: Sums): number {
  if (test.statistic !== 'mean' || sums.n === 0 || sums.sum < toleranceSum(test, sums, sums.n) - EPSILON * 1e-3 || sums.sum <= EPSILON * sums.n) return 1;
  if (sums.graded === 0) return mcnemarOneSided(sums.better, sums.worse);
  return Math.min(1, Math.exp(-(sums.sum * sums.sum) / (2 * sums.n)));
}

/** The interim looks of a suite of `cases` cases: after ⌈j·cases/10⌉ cases, j = 1…9 (distinct, below `cases`). */
export function interimLooks(cases: number): number[] {
  const looks = Array.from({ length: INTERIM_LOOKS }, (_, index) => Math.ceil(((index + 1) * cases) / (INTERIM_LOOKS + 1)));
  return [...new Set(looks)].filter((look) => look > 0 && look < cases);
}

/** "5.0 pts" for a paired tolerance, "×1.10" for a ratio. */
export function toleranceText(test: TrackedTest): string {
  return test.statistic === 'mean' ? `${(test.tolerance * 100).toFixed(1)} pts` : `a total above ×${(1 + test.tolerance).toFixed(2)}`;
}
