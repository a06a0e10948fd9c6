import type { MetricInfo, SuiteResult } from '../results/types.js';
import { caseErrored, caseValues, presentValues } from './case-values.js';
import type { MetricErrors } from './metric-errors.js';
import type { CoverageGap } from './types.js';

/**
 * What of a run can be compared (and stored as a baseline), decided in one place for the gate
 * and for the baseline refresh alike: the one definition of "could not run" lives here.
 */

/** Above this share of cases without a value (infrastructure failures, metric errors) a suite or metric "could not run". */
export const MAX_ERROR_SHARE = 0.2;

/** Why a suite that ran could not be evaluated (infrastructure failures above the share); undefined when it could. */
export function couldNotRun(suite: SuiteResult): string | undefined {
  if (suite.status !== 'ran' || suite.cases.length === 0) return undefined;
  const infrastructure = suite.cases.flatMap((testCase) => {
    const errored = caseErrored(testCase);
    return errored?.kind === 'infrastructure' ? [errored.error] : [];
  });
  if (infrastructure.length <= MAX_ERROR_SHARE * suite.cases.length) return undefined;
  return `infrastructure failures on ${infrastructure.length} of ${suite.cases.length} cases (more than ${MAX_ERROR_SHARE * 100} %), e.g. ${infrastructure[0] ?? ''}`;
}

/** Whether a metric lost more than MAX_ERROR_SHARE of the cases to its own errors. */
export function erroredAboveShare(errors: MetricErrors | undefined, cases: number): boolean {
  return errors !== undefined && cases > 0 && errors.cases > MAX_ERROR_SHARE * cases;
}

/** Cases of the suite on which the metric has a value. */
export function valuedCases(suite: SuiteResult, metric: MetricInfo): number {
  return suite.status === 'ran' ? presentValues(caseValues(suite.cases, metric)).length : 0;
}

/** Why a metric has no value on any case of the run: skipped (with the scorer's reason) or not applicable. */
export function whyNoValue(suite: SuiteResult, metric: MetricInfo): string {
  const scores = suite.cases.flatMap((testCase) => testCase.samples.map((sample) => sample.scores[metric.name])).filter((score) => score !== undefined);
  const skipped = scores.find((score) => score.status === 'skipped');
  if (skipped) return `skipped on every case (${skipped.reason ?? 'no model endpoint'})`;
  if (scores.some((score) => score.status === 'error')) return 'errored on every case';
  return 'not applicable on every case (no value to compare, e.g. empty answers)';
}

/** What to do about each kind of gap: the headline's "what to do". */
export const FIX = {
  skipped: 'give this job the API key (a secret); a fork PR cannot read secrets: see README "Fork pull requests" for a real gate on forks',
  removedSuite: 'run it again (check `suites:` and the file name); if it is meant to go, merge over this check: the next push to the default branch drops it from the baseline',
  removedMetric: 'restore the evaluator; if it is meant to go, merge over this check: the next push to the default branch stores the suite without it',
  evaluatorChanged: 'an edited evaluator cannot be compared with the old scores: revert it, or merge over this check and the next push to the default branch stores new scores',
  noSharedCases: 'keep case ids and inputs stable (add new cases beside the old ones); the next push to the default branch stores the new cases',
  tooFewShared: 'keep more of the baseline\'s cases (ids and inputs) in the PR, or add cases',
  noValue: 'check what the metric needs (answers, context, its key); the baseline has values for it',
  sequentialRecord: 're-run the check: a stopped run is re-checked against its own results, which must come unedited from one `evalgate run`',
  errored: 'see the metric\'s errors below (a judge outage or a bad key is not a regression); re-run when it works',
} as const;

export const gap = (suite: string, reason: string, fix: string, metric?: string): CoverageGap => ({ suite, ...(metric ? { metric } : {}), reason, fix });

/** One line per gap: "suite › metric: reason — fix". */
export function gapLine(entry: CoverageGap): string {
  return `${entry.suite === '*' ? 'the whole run' : entry.metric ? `${entry.suite} › ${entry.metric}` : entry.suite}: ${entry.reason} — ${entry.fix}`;
}
