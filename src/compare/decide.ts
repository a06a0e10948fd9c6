import type { PairedPolicy, RatioPolicy } from '../metrics/types.js';
import type { MetricInfo } from '../results/types.js';
import { isGating, policyOf } from './metric-policy.js';
import type { MetricComparison } from './types.js';
import type { RatioTest } from './amount-test.js';
import type { PairedTest } from './paired-test.js';

type Status = MetricComparison['status'];

/** Float slack for "the drop reaches the tolerance": 0.1 − 0.05 must count as 0.05. */
export const EPSILON = 1e-9;

function pairedPolicy(metric: MetricInfo): PairedPolicy {
  const policy = policyOf(metric);
  if (policy.test !== 'paired') throw new Error(`${metric.name} is not compared by a paired test`);
  return policy;
}

const pct = (value: number) => `${(value * 100).toFixed(1)} pts`;
const times = (value: number) => `×${value.toFixed(2)}`;

/** The PR-wide error budget: FAIL at adjusted p ≤ alpha, WARN at adjusted p ≤ warnAlpha. */
export interface FamilyLevels {
  alpha: number;
  warnAlpha: number;
  /** The level a test that moved would be judged at, the others as they are (the detectable drop uses it). */
  testLevel: number;
  /** The same for a test of a primary metric (compare/weights.ts). */
  primaryTestLevel: number;
}

interface PairedContext extends FamilyLevels {
  tolerance: number;
  /** Shared cases needed before a verdict is conclusive: max(20, half the baseline). */
  minShared: number;
  /** Fewer shared cases than this (half the baseline's) leaves the baseline uncompared: incomplete, not a warning. */
  keptShared: number;
  /** Holm-adjusted over the PR's family; the raw p for tests outside it (report-only). */
  pAdjusted: number | null;
}

/**
 * Report-only metrics never fail and never warn (a yellow row on an unchanged run teaches people
 * to ignore the colours): they pass, and their reason says what moved and that it is not gated.
 */
function capped(metric: MetricInfo, status: Status, reason: string): { status: Status; reason: string } {
  if (isGating(metric) || status === 'pass') return { status, reason };
  const why = metric.gate.gate === false ? 'gate: false' : 'by default; `gate: true` gates it';
  return { status: 'pass', reason: `report only (${why}): ${reason}` };
}

/** The tolerance a paired metric applies: its own `tolerance:`, else its policy's (or the suite's). */
export function toleranceOf(metric: MetricInfo, suiteTolerance: number): number {
  const policy = pairedPolicy(metric);
  return metric.gate.tolerance ?? (policy.tolerance === 'suite' ? suiteTolerance : policy.tolerance);
}

/**
 * How sure, in words: how often noise alone would move the metric this far (the adjusted p; the
 * number itself, and how it was adjusted, are in the table's p column and the report's method note).
 */
function chance(p: number): string {
  if (p < 0.001) return 'noise alone would do this less than once in 1,000 runs';
  const runs = Math.max(1, Math.round(1 / p));
  return runs === 1 ? 'noise alone could easily do this' : `noise alone would do this about once in ${runs.toLocaleString('en-US')} runs`;
}

/** The drop of a paired test in the metric's "worse" direction (null: nothing to compare). */
function dropOf(test: PairedTest): number | null {
  if (test.delta === null) return null;
  return test.metric.direction === 'higher-is-better' ? -test.delta : test.delta;
}

/** The measured drop reaches the tolerance: the test could FAIL (the gate's threshold rule). */
function reachesTolerance(test: PairedTest, tolerance: number): boolean {
  const drop = dropOf(test);
  return drop !== null && drop > EPSILON && drop >= tolerance - EPSILON;
}

/** The drop reaches the tolerance, and still does with the PR's metric errors counted at their best (paired-test.ts bestCase). */
export function reachesToleranceDespiteErrors(test: PairedTest, tolerance: number): boolean {
  return reachesTolerance(test, tolerance) && (test.bestCase === undefined || reachesTolerance({ ...test, delta: test.bestCase.delta }, tolerance));
}

/** The p-value a FAIL needs: the larger of the test's and the best-case test's. */
export const pairedP = (test: PairedTest): number | null => (test.pRaw === null ? null : Math.max(test.pRaw, test.bestCase?.pRaw ?? 0));

/** The ratio is past its limit in the worse direction: the test could FAIL or WARN. */
export function pastLimit(test: RatioTest, rule: RatioPolicy['statistics'][number]): boolean {
  if (test.ratio === null) return false;
  const worseRatio = test.metric.direction === 'lower-is-better' ? test.ratio : 1 / test.ratio;
  return worseRatio > 1 + (test.metric.gate.tolerance ?? rule.tolerance) + EPSILON;
}

/** FAIL below the floor (`min`) or above the ceiling (`max`), whatever the test says. */
function floorBroken(test: PairedTest): { status: Status; reason: string } | undefined {
  const { gate } = test.metric;
  if (test.prAll !== null && gate.min !== undefined && test.prAll < gate.min - EPSILON) {
    return capped(test.metric, 'fail', `${test.prAll.toFixed(3)} is below the floor ${gate.min}`);
  }
  if (test.prAll !== null && gate.max !== undefined && test.prAll > gate.max + EPSILON) {
    return capped(test.metric, 'fail', `${test.prAll.toFixed(3)} is above the ceiling ${gate.max}`);
  }
  return undefined;
}

/**
 * The noise-free regime (compare/noise-free.ts): the base showed that unchanged cases reproduce
 * exactly, so every case that moved was moved by the PR. The measured drop is the drop: FAIL at
 * the tolerance, with no test and no share of the error budget.
 */
export function decideNoiseFree(test: PairedTest, ctx: { tolerance: number; minShared: number }): { status: Status; reason: string } {
  const floor = floorBroken(test);
  if (floor) return floor;
  const drop = dropOf(test);
  if (drop === null) return { status: 'pass', reason: 'nothing to compare with' };
  if (test.shared < ctx.minShared) return { status: 'warn', reason: `inconclusive: only ${test.shared} shared cases (need ${ctx.minShared})` };
  const moved = `${test.regressed} of ${test.shared} cases worse, ${test.improved} better`;
  const what = pairedPolicy(test.metric).worsening;
  if (reachesTolerance(test, ctx.tolerance)) return capped(test.metric, 'fail', `${what} ${pct(drop)} on a noise-free flow: the measured drop reaches the tolerance of ${pct(ctx.tolerance)} (${moved})`);
  if (drop > EPSILON) return { status: 'pass', reason: `${what} ${pct(drop)} on a noise-free flow, below the tolerance of ${pct(ctx.tolerance)} (${moved})` };
  return { status: 'pass', reason: drop < -EPSILON ? `improved ${pct(-drop)} on a noise-free flow` : 'unchanged on a noise-free flow' };
}

/**
 * FAIL: a drop of at least the tolerance, significant at the PR-wide α. WARN: a drop of at least
 * the tolerance whose adjusted p is below the (larger) warn level 2α — Holm at that level bounds
 * the chance that an unchanged PR warns or fails anywhere by warnAlpha. Otherwise PASS.
 */
export function decidePaired(test: PairedTest, ctx: PairedContext): { status: Status; reason: string } {
  const { direction } = test.metric;
  const higher = direction === 'higher-is-better';
  const floor = floorBroken(test);
  if (floor) return floor;
  if (test.delta === null || test.pRaw === null) return { status: 'pass', reason: 'nothing to compare with' };
  const drop = higher ? -test.delta : test.delta;
  const worse = reachesTolerance(test, ctx.tolerance);
  const p = ctx.pAdjusted ?? pairedP(test) ?? test.pRaw;
  const what = pairedPolicy(test.metric).worsening;
  if (test.shared < ctx.minShared) {
    if (test.shared < ctx.keptShared) return { status: 'incomplete', reason: `only ${test.shared} of the baseline's cases are shared (need at least half, ${ctx.keptShared})` };
    return { status: 'warn', reason: `inconclusive: only ${test.shared} shared cases (need ${ctx.minShared})` };
  }
  if (worse && test.bestCase && !reachesToleranceDespiteErrors(test, ctx.tolerance)) {
    const best = dropOf({ ...test, delta: test.bestCase.delta }) ?? 0;
    return { status: 'pass', reason: `${what} ${pct(drop)}, but the ${test.bestCase.errored} sample(s) it could not score could explain it: counted at their best, ${best > 0 ? `a drop of ${pct(best)}` : 'no drop'} (below the tolerance of ${pct(ctx.tolerance)})` };
  }
  if (worse && p <= ctx.alpha) {
    return capped(test.metric, 'fail', `${what} ${pct(drop)}: ${test.regressed} cases worse, ${test.improved} better — ${chance(p)}`);
  }
  if (worse && p <= ctx.warnAlpha) return { status: 'warn', reason: `${what} ${pct(drop)}, but it could be noise (${chance(p)}): not sure enough to fail` };
  if (worse) return { status: 'pass', reason: `${what} ${pct(drop)}, within noise (${chance(p)})` };
  // Below the tolerance the test entered the family with p = 1 (it cannot FAIL): its raw p says whether the small drop is real.
  if (drop > 0 && test.pRaw <= ctx.alpha) return { status: 'pass', reason: `${what} ${pct(drop)}, below the tolerance of ${pct(ctx.tolerance)} (a real change: ${chance(test.pRaw)})` };
  return { status: 'pass', reason: drop < 0 ? `improved ${pct(-drop)}` : 'no significant change' };
}

/**
 * Ratio thresholds as the metric's policy declares them (cost ×1.10; latency p50 ×1.25 fails,
 * p95 ×1.5 warns only): past the threshold AND significant at the PR-wide α fails; past it with
 * an adjusted p below the warn level warns.
 */
export function decideRatio(test: RatioTest, rule: RatioPolicy['statistics'][number], ctx: FamilyLevels & { pAdjusted: number | null }): { status: Status; reason: string } {
  const { gate, direction } = test.metric;
  if (test.ratio === null || test.pRaw === null) return { status: 'pass', reason: 'nothing to compare with' };
  const worseRatio = direction === 'lower-is-better' ? test.ratio : 1 / test.ratio;
  const threshold = 1 + (gate.tolerance ?? rule.tolerance);
  const label = test.statistic === 'sum' ? 'total' : test.statistic;
  if (worseRatio <= threshold + EPSILON) return { status: 'pass', reason: `${label} ${times(worseRatio)} (limit ${times(threshold)})` };
  const p = ctx.pAdjusted ?? test.pRaw;
  const over = `${label} ${times(worseRatio)} > ${times(threshold)}`;
  if (p <= ctx.alpha && rule.canFail) return capped(test.metric, 'fail', `${over} — ${chance(p)}`);
  if (p <= ctx.warnAlpha) return capped(test.metric, 'warn', `${over} — ${chance(p)}${rule.canFail || !isGating(test.metric) ? '' : ' (warns only)'}`);
  return { status: 'pass', reason: `${over} but within noise (${chance(p)})` };
}
