import type { Sums, TrackedTest } from './sequential-tests.js';
import { futilityEpsilon, toleranceText } from './sequential-tests.js';

/**
 * The plain-words reasons of a sequential stop, written once for the run's record and for
 * compare's decision: "stopped after 70 of 200 cases: no drop of ≥ 5.0 pts can become significant".
 */

/** "exact, relevance (≥ 5.0 pts), pii (≥ 0.0 pts), cost (a total above ×1.10)": each tolerance once, after the metrics that share it. */
function listed(tests: readonly TrackedTest[]): string {
  const groups = new Map<string, string[]>();
  for (const test of tests) {
    const key = test.statistic === 'mean' ? `≥ ${toleranceText(test)}` : toleranceText(test);
    groups.set(key, [...(groups.get(key) ?? []), test.metric.name]);
  }
  return [...groups].map(([key, names]) => `${names.join(', ')} (${key})`).join(', ');
}

export function futileReason(tests: readonly TrackedTest[], why: readonly ('curtailed' | 'conditional-power')[], ran: number, of: number): string {
  const curtailed = tests.filter((_, index) => why[index] === 'curtailed');
  const unlikely = tests.filter((_, index) => why[index] === 'conditional-power');
  const parts = [
    ...(unlikely.length ? [`no drop past the tolerance can become significant in ${listed(unlikely)} (under ${Math.max(...unlikely.map(futilityEpsilon)) * 100} % chance even at that true drop)`] : []),
    ...(curtailed.length ? [`none is reachable with the cases left in ${listed(curtailed)}`] : []),
  ];
  return `stopped after ${ran} of ${of} cases: ${parts.join('; ')}`;
}

export function efficacyReason(test: TrackedTest, sums: Sums, look: { p: number; level: number; look: number; of: number }): string {
  const drop = sums.n > 0 ? ((sums.sum / sums.n) * 100).toFixed(1) : '0.0';
  return `stopped after ${look.look} of ${look.of} cases: ${test.metric.name} worsened ${drop} pts on ${sums.n} shared cases, past the interim boundary (p=${look.p.toPrecision(3)} ≤ ${look.level.toPrecision(3)})`;
}

/** One futile-stopped test's PASS, in words: "stopped after 70 of 200 cases: no drop of ≥ 5.0 pts can become significant (1.2 pts so far)". */
export function testFutileReason(test: TrackedTest, why: 'curtailed' | 'conditional-power', sums: Sums, at: { ran: number; of: number }): string {
  const stop = `stopped after ${at.ran} of ${at.of} cases`;
  const soFar = test.statistic === 'mean' && sums.n > 0 ? ` (${((sums.sum / sums.n) * 100).toFixed(1)} pts so far on ${sums.n} shared cases)` : '';
  const change = test.statistic === 'mean' ? `no drop of ≥ ${toleranceText(test)}` : `no ${toleranceText(test)}`;
  if (why === 'curtailed') return `${stop}: ${change} is reachable with the cases left${soFar}`;
  return `${stop}: ${change} can become significant (under ${futilityEpsilon(test) * 100} % chance even at that true drop)${soFar}`;
}
