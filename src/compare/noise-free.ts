import type { SuiteResult } from '../results/types.js';
import type { Alignment } from './suite-align.js';
import type { SuiteComparison } from './types.js';

/** Which regime a suite's quality metrics were judged in (the comment shows it). */
export type Regime = NonNullable<SuiteComparison['regime']>;

const evidenceText = (base: SuiteResult) => {
  const { determinism } = base;
  if (!determinism) return '';
  return determinism.source === 'refresh'
    ? `identical answers and scores on ${determinism.cases} unchanged cases across two baseline runs`
    : `the ${base.repeat} samples of each of ${determinism.cases} cases agreed in the baseline run`;
};

/**
 * The regime the base's evidence allows (docs/gate.md "No noise where there is none"): none when the
 * base entry has no evidence for its own suite hash. When the PR runs the very same flow and
 * evaluators and an unchanged case still answered differently, the evidence is contradicted and
 * the suite is judged statistically, saying so — unless the flow runs the team's own code, which
 * the hash does not cover: its changed answers are the PR's change (the baseline refresh, not the
 * PR, withdraws evidence for an app that stopped being deterministic).
 */
export function regimeOf(base: SuiteResult | undefined, pr: SuiteResult, alignment: Alignment): Regime | undefined {
  const determinism = base?.determinism;
  if (!base || !determinism || determinism.hash !== base.hash || determinism.metrics.length === 0) return undefined;
  // The team's own code (a command, an HTTP app) is outside the hash: on the same hash, a changed answer may be the PR's change.
  if (pr.hash === base.hash && pr.flow.ownCode !== true) {
    const differs = alignment.shared.some((testCase, index) => {
      const old = alignment.sharedBase[index];
      const outputs = (samples: typeof testCase.samples) => samples.filter((sample) => sample.output !== null && sample.cached !== true).map((sample) => sample.output);
      const [now, then] = [outputs(testCase.samples), outputs(old?.samples ?? [])];
      return now.length > 0 && then.length > 0 && now.some((output) => output !== then[0]);
    });
    if (differs) return { kind: 'statistical', metrics: [], reason: `statistical: the baseline showed a noise-free flow (${evidenceText(base)}), but this run of the same flow answered an unchanged case differently` };
  }
  return {
    kind: 'noise-free',
    metrics: determinism.metrics,
    reason: `noise-free: ${evidenceText(base)}, so ${determinism.metrics.join(', ')} gate the measured drop against the tolerance directly (no test, no share of the error budget)${pr.flow.ownCode === true && pr.hash === base.hash ? '; every answer that changed is taken as this PR’s change to the app' : ''}`,
  };
}
