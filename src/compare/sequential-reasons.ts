import type { Sums, TrackedTest } from './sequential-tests.js';
import { toleranceText } from './sequential-tests.js';

/**
 * The plain-words reasons of a sequential stop, written once for the run's record and for
 * compare's decision: "stopped after 70 of 200 cases: no drop of ≥ 5.0 pts can become significant".
 */

const what = (test: TrackedTest) => (test.statistic === 'mean' ? `a drop of ≥ ${toleranceText(test)} in ${test.metric.name}` : `${test.metric.name} ${toleranceText(test)}`);

export function futileReason(tests: readonly TrackedTest[], why: readonly ('curtailed' | 'conditional-power')[], ran: number, of: number): string {
  const curtailed = tests.filter((_, index) => why[index] === 'curtailed').map(what);
  const unlikely = tests.filter((_, index) => why[index] === 'conditional-power').map(what);
  const parts = [
    ...(curtailed.length ? [`no outcome of the cases left can make ${curtailed.join(', ')}`] : []),
    ...(unlikely.length ? [`${unlikely.join(', ')} cannot become significant (below a 5 % chance even at that true drop)`] : []),
  ];
  return `stopped after ${ran} of ${of} cases: ${parts.join('; ')}`;
}

export function efficacyReason(test: TrackedTest, sums: Sums, look: { p: number; level: number; look: number; of: number }): string {
  const drop = sums.n > 0 ? ((sums.sum / sums.n) * 100).toFixed(1) : '0.0';
  return `stopped after ${look.look} of ${look.of} cases: ${test.metric.name} worsened ${drop} pts on ${sums.n} shared cases, past the interim boundary (p=${look.p.toPrecision(3)} ≤ ${look.level.toPrecision(3)})`;
}
