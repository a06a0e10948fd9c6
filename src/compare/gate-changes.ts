import type { MetricInfo, StoredGate, SuiteResult } from '../results/types.js';

/**
 * The gate comes from the base: a PR is judged by the thresholds, tolerances, alpha and gate
 * flags its baseline was run with. What the PR changes in them is listed and applies after merge.
 */

/** The metric as the gate applies it: the PR's metric with the baseline's gate settings, when the baseline has it. */
export function gatedMetric(metric: MetricInfo, base: SuiteResult | undefined): MetricInfo {
  const before = base?.metrics.find((candidate) => candidate.name === metric.name);
  return before ? { ...metric, gate: before.gate } : metric;
}

/** Which way a change moves the gate: true when the PR's value lets more through. */
const LOOSER: Record<keyof StoredGate | 'alpha' | 'tolerance' | 'sequential', (before: number | boolean | undefined, after: number | boolean | undefined) => boolean> = {
  min: (before, after) => after === undefined || (before !== undefined && (after as number) < (before as number)),
  max: (before, after) => after === undefined || (before !== undefined && (after as number) > (before as number)),
  tolerance: (before, after) => after === undefined ? false : before === undefined || (after as number) > (before as number),
  alpha: (before, after) => (after as number) < (before as number),
  gate: (_before, after) => after === false,
  primary: (before, after) => before === true && after !== true,
  // Stopping early is on unless a suite says `sequential: false`: turning it back on runs fewer cases.
  sequential: (before, after) => before === false && after !== false,
};

const show = (value: number | boolean | undefined) => (value === undefined ? 'unset' : String(value));

function change(subject: string, field: keyof typeof LOOSER, before: number | boolean | undefined, after: number | boolean | undefined): string[] {
  if (before === after) return [];
  const verb = LOOSER[field](before, after) ? 'loosens' : 'tightens';
  return [`this PR ${verb} ${subject}${field} ${show(before)} → ${show(after)}; takes effect after merge`];
}

/** Every gate setting the PR changes relative to the baseline it is judged against. */
export function gateChanges(pr: SuiteResult, base: SuiteResult | undefined): string[] {
  if (!base) return [];
  const changes = [...change('the suite ', 'alpha', base.alpha, pr.alpha), ...change('the suite ', 'tolerance', base.tolerance, pr.tolerance), ...change('the suite ', 'sequential', base.stopEarly, pr.stopEarly)];
  for (const metric of pr.metrics) {
    const before = base.metrics.find((candidate) => candidate.name === metric.name);
    if (!before) continue;
    for (const field of ['min', 'max', 'tolerance', 'gate', 'primary'] as const) changes.push(...change(`${metric.name} `, field, before.gate[field], metric.gate[field]));
  }
  return changes;
}

/** PR metrics whose evaluator changed (config, judge model, rubric content): not comparable with the baseline. */
export function notComparable(pr: SuiteResult, base: SuiteResult | undefined): string[] {
  if (!base || base.status !== 'ran') return [];
  return pr.metrics.filter((metric) => {
    const before = base.metrics.find((candidate) => candidate.name === metric.name);
    return before !== undefined && (before.metric !== metric.metric || before.configHash !== metric.configHash);
  }).map((metric) => metric.name);
}
