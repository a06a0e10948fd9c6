import { errorKindOfText } from '../runner/error-kind.js';
import { determinismOf } from './determinism.js';
import type { ResultsFile, SuiteResult } from './types.js';

/**
 * Baseline integrity: a refresh replaces a suite's entry only with a run that measured it.
 * Skipped suites (no API key) and suites that could not run (infrastructure failures on more
 * than MAX_ERROR_SHARE of the cases, or a metric that errored on that many — a judge outage)
 * keep their previous entry; suites this run did not include (a subset run) are kept as they are.
 */
/** Above this share of cases without a value (infrastructure failures, metric errors) a suite or metric "could not run" — for the gate too. */
export const MAX_ERROR_SHARE = 0.2;

export interface BaselineMerge {
  results: ResultsFile;
  /** Suites whose fresh result replaced (or added) an entry. */
  updated: string[];
  /** Suites that kept their previous entry, and why. */
  kept: { suite: string; reason: string }[];
  /** What changes in the stored baseline, one line per suite (for the CLI to show before writing). */
  diff: string[];
}

/** Why a fresh suite result must not become the baseline; undefined when it may. */
export function unfitReason(suite: SuiteResult): string | undefined {
  if (suite.status === 'skipped') return `skipped (${suite.skipReason ?? 'no reason given'})`;
  const cases = suite.cases.length;
  if (cases === 0) return 'no cases ran';
  const infrastructure = suite.cases.filter((testCase) => testCase.samples.length > 0 && testCase.samples.every((sample) => sample.output === null && (sample.errorKind ?? errorKindOfText(sample.error ?? '')) === 'infrastructure')).length;
  if (infrastructure > MAX_ERROR_SHARE * cases) return `could not run: infrastructure failures on ${infrastructure} of ${cases} cases`;
  for (const metric of suite.metrics) {
    const errored = suite.cases.filter((testCase) => {
      const ran = testCase.samples.filter((sample) => sample.output !== null);
      return ran.length > 0 && ran.every((sample) => sample.scores[metric.name]?.status === 'error');
    }).length;
    if (errored > MAX_ERROR_SHARE * cases) return `could not run: ${metric.name} errored on ${errored} of ${cases} cases`;
  }
  return undefined;
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

/** The baseline to store after a run: `fresh` merged into `previous` suite by suite. */
export function mergeBaseline(previous: ResultsFile | null, fresh: ResultsFile): BaselineMerge {
  const before = new Map((previous?.suites ?? []).map((suite) => [suite.name, suite]));
  const updated: string[] = [];
  const kept: BaselineMerge['kept'] = [];
  const diff: string[] = [];
  const suites: SuiteResult[] = [];
  const seen = new Set<string>();
  for (const suite of fresh.suites) {
    seen.add(suite.name);
    const old = before.get(suite.name);
    const unfit = unfitReason(suite);
    if (unfit && old) {
      suites.push(old);
      kept.push({ suite: suite.name, reason: unfit });
      diff.push(`= ${suite.name}: kept the previous entry — this run ${unfit}`);
      continue;
    }
    if (unfit && suite.status === 'ran') {
      kept.push({ suite: suite.name, reason: unfit });
      diff.push(`= ${suite.name}: not stored — this run ${unfit} and there is no previous entry`);
      continue;
    }
    const determinism = unfit ? undefined : determinismOf(old, suite);
    const { determinism: _claimed, ...measured } = suite;
    suites.push(determinism ? { ...measured, determinism } : measured);
    if (!unfit) updated.push(suite.name);
    diff.push(unfit ? `+ ${suite.name}: ${unfit}` : describeChange(old, suite));
  }
  for (const suite of previous?.suites ?? []) {
    if (seen.has(suite.name)) continue;
    suites.push(suite);
    diff.push(`= ${suite.name}: not run this time, kept`);
  }
  return { results: { ...fresh, suites }, updated, kept, diff };
}
