import type { PairedPolicy, RatioPolicy } from '../metrics/types.js';
import type { MetricInfo } from '../results/types.js';
import { policyOf } from './metric-policy.js';
import type { MetricComparison } from './types.js';
import type { RatioTest } from './amount-test.js';
import type { PairedTest } from './paired-test.js';

type Status = MetricComparison['status'];

function pairedPolicy(metric: MetricInfo): PairedPolicy {
  const policy = policyOf(metric);
  if (policy.test !== 'paired') throw new Error(`${metric.name} is not compared by a paired test`);
  return policy;
}

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
  const { gate, direction } = test.metric;
  const policy = pairedPolicy(test.metric);
  const gating = gate.gate !== false;
  const higher = direction === 'higher-is-better';
  if (test.prAll !== null && gate.min !== undefined && test.prAll < gate.min) {
    return capped(gating, 'fail', `${test.prAll.toFixed(3)} is below the floor ${gate.min}`);
  }
  if (test.prAll !== null && gate.max !== undefined && test.prAll > gate.max) {
    return capped(gating, 'fail', `${test.prAll.toFixed(3)} is above the ceiling ${gate.max}`);
  }
  if (test.delta === null || test.pRaw === null) return { status: 'pass', reason: 'nothing to compare with' };
  const tolerance = gate.tolerance ?? (policy.tolerance === 'suite' ? ctx.suiteTolerance : policy.tolerance);
  const drop = higher ? -test.delta : test.delta;
  const worse = drop > 0 && drop >= tolerance;
  const p = ctx.pHolm ?? test.pRaw;
  const significant = p <= ctx.alpha;
  const what = policy.worsening;
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

/** Ratio thresholds as the metric's policy declares them (cost ×1.10; latency p50 ×1.25 fails, p95 ×1.5 warns only). */
export function decideRatio(test: RatioTest, rule: RatioPolicy['statistics'][number]): { status: Status; reason: string } {
  const { gate, direction } = test.metric;
  if (test.ratio === null) return { status: 'pass', reason: 'nothing to compare with' };
  const worseRatio = direction === 'lower-is-better' ? test.ratio : 1 / test.ratio;
  const lower = test.ci ? (direction === 'lower-is-better' ? test.ci[0] : 1 / test.ci[1]) : null;
  const threshold = 1 + (gate.tolerance ?? rule.tolerance);
  const label = test.statistic === 'sum' ? 'total' : test.statistic;
  if (worseRatio <= threshold) return { status: 'pass', reason: `${label} ${times(worseRatio)} (limit ${times(threshold)})` };
  const sure = lower !== null && lower > 1;
  const failing = sure && rule.canFail;
  return capped(gate.gate !== false, failing ? 'fail' : 'warn', `${label} ${times(worseRatio)} > ${times(threshold)}${sure && lower !== null ? ` (90% lower bound ${times(lower)})` : ' (within noise)'}`);
}
