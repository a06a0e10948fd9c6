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
  /** Tests in the PR's family (for the reason text). */
  familySize: number;
  /** The level a test that moved would be judged at, the others as they are (the detectable drop uses it). */
  testLevel: number;
}

export interface PairedContext extends FamilyLevels {
  tolerance: number;
  /** Shared cases needed before a verdict is conclusive: max(20, half the baseline). */
  minShared: number;
  /** Fewer shared cases than this (half the baseline's) leaves the baseline uncompared: incomplete, not a warning. */
  keptShared: number;
  /** Holm-adjusted over the PR's family; the raw p for tests outside it (report-only). */
  pAdjusted: number | null;
}

/** Report-only metrics never fail: at worst they warn. */
function capped(metric: MetricInfo, status: Status, reason: string): { status: Status; reason: string } {
  if (isGating(metric) || status !== 'fail') return { status, reason };
  const why = metric.gate.gate === false ? 'gate: false' : 'by default; `gate: true` gates it';
  return { status: 'warn', reason: `report only (${why}): ${reason}` };
}

/** The tolerance a paired metric applies: its own `tolerance:`, else its policy's (or the suite's). */
export function toleranceOf(metric: MetricInfo, suiteTolerance: number): number {
  const policy = pairedPolicy(metric);
  return metric.gate.tolerance ?? (policy.tolerance === 'suite' ? suiteTolerance : policy.tolerance);
}

function evidence(p: number, ctx: FamilyLevels): string {
  return ctx.familySize > 1 ? `p=${p.toPrecision(3)} after Holm over the PR's ${ctx.familySize} tests` : `p=${p.toPrecision(3)}`;
}

/**
 * FAIL: a drop of at least the tolerance, significant at the PR-wide α. WARN: a drop of at least
 * the tolerance whose adjusted p is below the (larger) warn level — Holm at that level bounds
 * the chance that an unchanged PR warns anywhere by warnAlpha. Otherwise PASS.
 */
export function decidePaired(test: PairedTest, ctx: PairedContext): { status: Status; reason: string } {
  const { gate, direction } = test.metric;
  const higher = direction === 'higher-is-better';
  if (test.prAll !== null && gate.min !== undefined && test.prAll < gate.min - EPSILON) {
    return capped(test.metric, 'fail', `${test.prAll.toFixed(3)} is below the floor ${gate.min}`);
  }
  if (test.prAll !== null && gate.max !== undefined && test.prAll > gate.max + EPSILON) {
    return capped(test.metric, 'fail', `${test.prAll.toFixed(3)} is above the ceiling ${gate.max}`);
  }
  if (test.delta === null || test.pRaw === null) return { status: 'pass', reason: 'nothing to compare with' };
  const drop = higher ? -test.delta : test.delta;
  const worse = drop > EPSILON && drop >= ctx.tolerance - EPSILON;
  const p = ctx.pAdjusted ?? test.pRaw;
  const what = pairedPolicy(test.metric).worsening;
  if (test.shared < ctx.minShared) {
    if (test.shared < ctx.keptShared) return { status: 'incomplete', reason: `only ${test.shared} of the baseline's cases are shared (need at least half, ${ctx.keptShared})` };
    return { status: 'warn', reason: `inconclusive: only ${test.shared} shared cases (need ${ctx.minShared})` };
  }
  if (worse && p <= ctx.alpha) {
    return capped(test.metric, 'fail', `${what} ${pct(drop)} (${evidence(p, ctx)} ≤ α=${ctx.alpha}; ${test.regressed} cases worse, ${test.improved} better)`);
  }
  if (worse && p <= ctx.warnAlpha) return { status: 'warn', reason: `${what} ${pct(drop)} but not significant (${evidence(p, ctx)}): below the warn level ${ctx.warnAlpha}, could be noise` };
  if (worse) return { status: 'pass', reason: `${what} ${pct(drop)}, within noise (${evidence(p, ctx)} > warn level ${ctx.warnAlpha})` };
  if (drop > 0 && p <= ctx.alpha) return { status: 'pass', reason: `significant but below the tolerance of ${pct(ctx.tolerance)}` };
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
  if (p <= ctx.alpha && rule.canFail) return capped(test.metric, 'fail', `${over} (${evidence(p, ctx)} ≤ α=${ctx.alpha})`);
  if (p <= ctx.warnAlpha) return { status: 'warn', reason: `${over} (${evidence(p, ctx)}${rule.canFail ? '' : '; warns only'})` };
  return { status: 'pass', reason: `${over} but within noise (${evidence(p, ctx)})` };
}
