import type { MetricComparison } from './types.js';
import type { RatioTest } from './amount-test.js';
import type { PairedTest } from './paired-test.js';

type Status = MetricComparison['status'];

const pct = (value: number) => `${(value * 100).toFixed(1)} pts`;
const times = (value: number) => `×${value.toFixed(2)}`;

export interface PairedContext {
  alpha: number;
  suiteTolerance: number;
  /** Shared cases needed before a verdict is conclusive: max(20, half the baseline). */
  minShared: number;
  pHolm: number | null;
}

/** Report-only metrics never fail: at worst they warn. */
function capped(gating: boolean, status: Status, reason: string): { status: Status; reason: string } {
  if (gating || status !== 'fail') return { status, reason };
  return { status: 'warn', reason: `report only (gate: false): ${reason}` };
}

export function decidePaired(test: PairedTest, ctx: PairedContext): { status: Status; reason: string } {
  const { gate, direction, family } = test.metric;
  const gating = gate.gate !== false;
  const higher = direction === 'higher-is-better';
  if (test.prAll !== null && gate.min !== undefined && test.prAll < gate.min) {
    return capped(gating, 'fail', `${test.prAll.toFixed(3)} is below the floor ${gate.min}`);
  }
  if (test.prAll !== null && gate.max !== undefined && test.prAll > gate.max) {
    return capped(gating, 'fail', `${test.prAll.toFixed(3)} is above the ceiling ${gate.max}`);
  }
  if (test.delta === null || test.pRaw === null) return { status: 'pass', reason: 'nothing to compare with' };
  const tolerance = gate.tolerance ?? (family === 'harm' ? 0 : ctx.suiteTolerance);
  const drop = higher ? -test.delta : test.delta;
  const worse = drop > 0 && drop >= tolerance;
  const p = ctx.pHolm ?? test.pRaw;
  const significant = p <= ctx.alpha;
  const what = family === 'harm' && !higher ? 'defect rate rose' : 'dropped';
  if (test.shared < ctx.minShared) {
    return { status: 'warn', reason: `inconclusive: only ${test.shared} shared cases (need ${ctx.minShared})` };
  }
  if (worse && significant) {
    return capped(gating, 'fail', `${what} ${pct(drop)} (p=${p.toPrecision(3)} ≤ α=${ctx.alpha}; ${test.regressed} cases worse, ${test.improved} better)`);
  }
  if (worse) return { status: 'warn', reason: `${what} ${pct(drop)} but not significant (p=${p.toPrecision(3)}): could be noise` };
  if (drop > 0 && significant) return { status: 'pass', reason: `significant but below the tolerance of ${pct(tolerance)}` };
  return { status: 'pass', reason: drop < 0 ? `improved ${pct(-drop)}` : 'no significant change' };
}

/** Default ratio thresholds (PRODUCT.md §6): cost ×1.10, latency p50 ×1.25 (fail), p95 ×1.5 (warn only). */
export function decideRatio(test: RatioTest): { status: Status; reason: string } {
  const { gate, direction, family } = test.metric;
  if (test.ratio === null) return { status: 'pass', reason: 'nothing to compare with' };
  const worseRatio = direction === 'lower-is-better' ? test.ratio : 1 / test.ratio;
  const lower = test.ci ? (direction === 'lower-is-better' ? test.ci[0] : 1 / test.ci[1]) : null;
  const defaultTolerance = family === 'cost' ? 0.1 : test.statistic === 'p95' ? 0.5 : 0.25;
  const threshold = 1 + (gate.tolerance ?? defaultTolerance);
  const label = test.statistic === 'sum' ? 'total' : test.statistic;
  if (worseRatio <= threshold) return { status: 'pass', reason: `${label} ${times(worseRatio)} (limit ${times(threshold)})` };
  const sure = lower !== null && lower > 1;
  const failing = sure && test.statistic !== 'p95';
  return capped(gate.gate !== false, failing ? 'fail' : 'warn', `${label} ${times(worseRatio)} > ${times(threshold)}${sure && lower !== null ? ` (90% lower bound ${times(lower)})` : ' (within noise)'}`);
}
