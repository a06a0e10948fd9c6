import { determinismOf } from '../results/determinism.js';
import type { CaseResult, MetricInfo, ResultsFile, SuiteResult } from '../results/types.js';
import { couldNotRun, erroredAboveShare, FIX, valuedCases, whyNoValue } from './coverage.js';
import { metricErrors } from './metric-errors.js';
import { measureOf } from './metric-policy.js';

/**
 * Baseline integrity: skipped is never a value. A refresh replaces a suite's entry only with a
 * run that measured it, and a metric's values only with values: a suite or scored metric that
 * was skipped, not applicable everywhere, errored above its share or could not run keeps its
 * previous values; with no previous entry it is not stored. Everything not refreshed is listed
 * in `kept` — a push that leaves anything there did not store its baseline (see compare/outcome.ts).
 */

export interface NotRefreshed {
  suite: string;
  metric?: string;
  /** Why this run could not measure it. */
  reason: string;
  /** What to do about it. */
  fix: string;
  /** true: the previous value stays; false: there was none, nothing is stored for it. */
  previousKept: boolean;
  /** false only for a metric that has no value now and had none before: nothing is lost. */
  blocking: boolean;
}

export interface BaselineMerge {
  results: ResultsFile;
  /** Suites whose fresh result replaced (or added) an entry, at least in part. */
  updated: string[];
  /** What this run could not refresh, and why. */
  kept: NotRefreshed[];
  /** What changes in the stored baseline, one line per suite (for the CLI to show before writing). */
  diff: string[];
}

/** Why a fresh suite result must not replace the suite's entry; undefined when it may. */
export function unfitReason(suite: SuiteResult): string | undefined {
  if (suite.status === 'skipped') return `skipped (${suite.skipReason ?? 'no reason given'})`;
  if (suite.cases.length === 0) return 'no cases ran';
  const broken = couldNotRun(suite);
  if (broken) return `could not run: ${broken}`;
  // The app failing on every case measured nothing worth keeping: it is the run's failure, never the new baseline.
  const failed = suite.cases.filter((testCase) => testCase.samples.length > 0 && testCase.samples.every((sample) => sample.output === null));
  if (failed.length === suite.cases.length) return `failed on every case (${failed[0]?.samples[0]?.error?.split('\n')[0] ?? 'error'})`;
  return undefined;
}

/** Why a scored metric has no usable values in the fresh run; undefined when it has. */
function unmeasured(suite: SuiteResult, metric: MetricInfo): string | undefined {
  if (measureOf(metric)) return undefined;
  const errors = metricErrors(suite.cases, [metric])[0];
  if (erroredAboveShare(errors, suite.cases.length)) return `${metric.name} errored on ${errors?.cases} of ${suite.cases.length} cases (${errors?.messages[0]?.message ?? 'error'})`;
  return valuedCases(suite, metric) === 0 ? `${metric.name} was ${whyNoValue(suite, metric)}` : undefined;
}

const caseKey = (testCase: CaseResult) => `${testCase.id}\u0000${testCase.hash}`;

/** The fresh cases with one metric's scores (and info) taken from the previous entry, case by case. */
function carryMetric(fresh: SuiteResult, old: SuiteResult, name: string): SuiteResult {
  const before = new Map(old.cases.map((testCase) => [caseKey(testCase), testCase]));
  const info = old.metrics.find((metric) => metric.name === name);
  const cases = fresh.cases.map((testCase) => {
    const previous = before.get(caseKey(testCase));
    return {
      ...testCase,
      samples: testCase.samples.map((sample, index) => {
        const { [name]: _dropped, ...scores } = sample.scores;
        const carried = previous?.samples[index]?.scores[name];
        return { ...sample, scores: carried ? { ...scores, [name]: carried } : scores };
      }),
    };
  });
  return { ...fresh, metrics: fresh.metrics.map((metric) => (metric.name === name && info ? info : metric)), cases };
}

function withoutMetric(suite: SuiteResult, name: string): SuiteResult {
  return {
    ...suite,
    metrics: suite.metrics.filter((metric) => metric.name !== name),
    cases: suite.cases.map((testCase) => ({ ...testCase, samples: testCase.samples.map((sample) => ({ ...sample, scores: Object.fromEntries(Object.entries(sample.scores).filter(([key]) => key !== name)) })) })),
  };
}

function describeChange(before: SuiteResult | undefined, after: SuiteResult): string {
  if (!before) return `+ ${after.name}: new (${after.cases.length} cases, metrics ${after.metrics.map((metric) => metric.name).join(', ') || 'none'})`;
  const names = (suite: SuiteResult) => new Set(suite.metrics.map((metric) => metric.name));
  const [old, now] = [names(before), names(after)];
  const added = [...now].filter((name) => !old.has(name));
  const removed = [...old].filter((name) => !now.has(name));
  const changed = after.metrics.filter((metric) => {
    const match = before.metrics.find((candidate) => candidate.name === metric.name);
    return match !== undefined && (match.configHash !== metric.configHash || JSON.stringify(match.gate) !== JSON.stringify(metric.gate));
  }).map((metric) => metric.name);
  const parts = [
    `cases ${before.cases.length} → ${after.cases.length}`,
    ...(added.length ? [`metrics added: ${added.join(', ')}`] : []),
    ...(removed.length ? [`metrics removed: ${removed.join(', ')}`] : []),
    ...(changed.length ? [`evaluator or gate changed: ${changed.join(', ')}`] : []),
  ];
  return `~ ${after.name}: replaced (${parts.join('; ')})`;
}

const suiteFix = (reason: string) => (reason.startsWith('skipped') ? FIX.skipped : 'make the suite run on the default branch (see its errors in this run), then push again');

/** One fresh suite merged with its previous entry: the entry to store (if any) and what was not refreshed. */
function mergeSuite(old: SuiteResult | undefined, suite: SuiteResult, kept: NotRefreshed[]): { stored?: SuiteResult; line: string; updated: boolean } {
  const unfit = unfitReason(suite);
  if (unfit) {
    kept.push({ suite: suite.name, reason: unfit, fix: suiteFix(unfit), previousKept: old !== undefined, blocking: true });
    return old ? { stored: old, line: `= ${suite.name}: kept the previous entry — this run ${unfit}`, updated: false } : { line: `= ${suite.name}: not stored — this run ${unfit} and there is no previous entry`, updated: false };
  }
  let stored = suite;
  const notes: string[] = [];
  for (const metric of suite.metrics) {
    const why = unmeasured(suite, metric);
    if (!why) continue;
    const previous = old?.status === 'ran' ? old.metrics.find((candidate) => candidate.name === metric.name) : undefined;
    const keep = old !== undefined && previous !== undefined && valuedCases(old, previous) > 0;
    stored = keep ? carryMetric(stored, old, metric.name) : withoutMetric(stored, metric.name);
    kept.push({ suite: suite.name, metric: metric.name, reason: why, fix: why.includes('skipped') ? FIX.skipped : FIX.noValue, previousKept: keep, blocking: keep || !why.includes('not applicable') });
    notes.push(`${metric.name} ${keep ? 'kept its previous values' : 'not stored'} (${why})`);
  }
  // Evidence of a noise-free flow is the run's own, measured against the previous entry; a claimed one is never stored.
  const determinism = determinismOf(old, suite);
  const { determinism: _claimed, ...measured } = stored;
  stored = determinism ? { ...measured, determinism } : measured;
  const line = describeChange(old, stored);
  return { stored, line: notes.length ? `${line}; ${notes.join('; ')}` : line, updated: true };
}

/**
 * The baseline to store after a run: `fresh` merged into `previous` suite by suite. Suites this
 * run did not include are kept (a subset run), or with `dropUnrun` (the action's push, which
 * runs every suite) removed; what could not be stored is recorded in `run.unstored`.
 */
export function mergeBaseline(previous: ResultsFile | null, fresh: ResultsFile, options: { dropUnrun?: boolean } = {}): BaselineMerge {
  const before = new Map((previous?.suites ?? []).map((suite) => [suite.name, suite]));
  const updated: string[] = [];
  const kept: NotRefreshed[] = [];
  const diff: string[] = [];
  const suites: SuiteResult[] = [];
  for (const suite of fresh.suites) {
    const merged = mergeSuite(before.get(suite.name), suite, kept);
    if (merged.stored) suites.push(merged.stored);
    if (merged.updated) updated.push(suite.name);
    diff.push(merged.line);
  }
  const ran = new Set(fresh.suites.map((suite) => suite.name));
  for (const suite of previous?.suites ?? []) {
    if (ran.has(suite.name)) continue;
    if (options.dropUnrun) diff.push(`- ${suite.name}: no longer run, removed from the baseline`);
    else {
      suites.push(suite);
      diff.push(`= ${suite.name}: not run this time, kept`);
    }
  }
  const stored = new Set(suites.map((suite) => suite.name));
  const unstored = kept.filter((entry) => entry.metric === undefined && !stored.has(entry.suite)).map(({ suite, reason }) => ({ suite, reason }));
  const { unstored: _previous, ...run } = fresh.run;
  return { results: { ...fresh, run: unstored.length ? { ...run, unstored } : run, suites }, updated, kept, diff };
}
