import { shortHash } from '../core/hash.js';
import { findMetric } from '../metrics/registry.js';
import type { Scale } from '../metrics/types.js';
import type { CaseResult, MetricInfo } from '../results/types.js';

const unitOf = (scale: Scale) => (scale.kind === 'amount' ? scale.unit : scale.kind);

/**
 * The suite's metrics as stored, once its cases ran: a measured metric whose `settle` hook rules
 * out its declared scale (cost with an unpriced model → tokens) is stored in the scale it names,
 * with its note; the scale is part of the config hash (a baseline in USD and a run in tokens are
 * not compared as equal), and its samples' stored failures to measure are dropped.
 */
export function settleMetrics(metrics: readonly MetricInfo[], cases: CaseResult[], configuredModel: string | undefined): { metrics: MetricInfo[]; cases: CaseResult[] } {
  const ran = cases.flatMap((testCase) => testCase.samples.filter((sample) => sample.output !== null));
  const settled = new Map<string, { scale: Scale; note: string }>();
  for (const metric of metrics) {
    const definition = findMetric(metric.metric);
    const change = definition?.measure ? definition.settle?.(ran, configuredModel) : undefined;
    if (change) settled.set(metric.name, change);
  }
  if (settled.size === 0) return { metrics: [...metrics], cases };
  return {
    metrics: metrics.map((metric) => {
      const change = settled.get(metric.name);
      return change ? { ...metric, scale: change.scale, configHash: shortHash({ config: metric.configHash ?? null, unit: unitOf(change.scale) }), note: change.note } : metric;
    }),
    cases: cases.map((testCase) => ({
      ...testCase,
      samples: testCase.samples.map((sample) => ({ ...sample, scores: Object.fromEntries(Object.entries(sample.scores).filter(([name]) => !settled.has(name))) })),
    })),
  };
}
