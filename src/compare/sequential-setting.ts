import { DEFAULTS } from '../core/defaults.js';
import type { ResultsFile, SuiteResult } from '../results/types.js';

/**
 * Whether a pull request's suite may stop once its verdict is known. Like every gate setting it
 * comes from the base: the baseline records the default branch's `sequential` input (run.gate)
 * and each suite file's `gate: sequential:` (SuiteResult.stopEarly). A PR may turn it off — a
 * full run is stricter — never on where the base has it off.
 */

/** One commit's setting for one suite: the run's `false` turns it off everywhere; otherwise the suite's key, then the run's, then the default. */
export function stopsEarlyAt(run: boolean | undefined, suite: boolean | undefined): boolean {
  if (run === false) return false;
  return suite ?? run ?? DEFAULTS.sequential;
}

/** The PR's own setting for one suite (its workflow's input or flag, its suite file's key). */
export interface RequestedSequential {
  run?: boolean;
  suite?: boolean;
}

/** On only when both the base and the PR have it on. */
export function stopsEarly(base: ResultsFile, baseSuite: SuiteResult, requested: RequestedSequential): boolean {
  return stopsEarlyAt(base.run.gate?.sequential, baseSuite.stopEarly) && stopsEarlyAt(requested.run, requested.suite);
}
