import { findMetric } from '../metrics/registry.js';
import { PAIRED_SCORE } from '../metrics/policy.js';
import { UNITS } from '../metrics/units.js';
import type { GatePolicy, SampleMeasures, Score } from '../metrics/types.js';
import type { MetricInfo } from '../results/types.js';

/**
 * The gate policy of a stored metric: its catalogue declaration. A metric this version does not
 * know (a baseline written by another version) falls back on its stored scale.
 */
export function policyOf(metric: MetricInfo): GatePolicy {
  const known = findMetric(metric.metric)?.policy;
  if (known) return known;
  if (metric.scale.kind !== 'amount') return PAIRED_SCORE;
  return UNITS[metric.scale.unit].fallbackPolicy;
}

/** How a measured metric (cost, latency) reads a stored sample; undefined for scored metrics. */
export function measureOf(metric: MetricInfo): ((sample: SampleMeasures) => Score) | undefined {
  const definition = findMetric(metric.metric);
  return definition?.measure ? (sample) => definition.measure?.(sample, metric.scale) ?? { value: null } : undefined;
}

/**
 * Whether a metric gates: the suite's `gate:` setting when given, else the policy's default
 * (latency-like amounts are report-only unless the suite opts in with `gate: true`).
 */
export function isGating(metric: MetricInfo): boolean {
  if (metric.gate.gate !== undefined) return metric.gate.gate;
  const policy = policyOf(metric);
  return !(policy.test === 'ratio' && policy.reportOnlyByDefault === true);
}
