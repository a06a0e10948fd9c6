import { caseValues, presentValues } from '../compare/case-values.js';
import { mean, quantile } from '../compare/stats.js';
import type { MetricInfo, SuiteResult } from '../results/types.js';
import type { HistoryEntry, MetricSeries } from './types.js';

/**
 * A suite's run-level value of a metric, named as the metric-diff table names it: the mean of
 * per-case scores (0–1), the total for cost, the median (p50) for latency.
 */
function runValue(suite: SuiteResult, metric: MetricInfo): { name: string; value: number } | undefined {
  const values = presentValues(caseValues(suite.cases, metric));
  if (values.length === 0) return undefined;
  if (metric.scale.kind !== 'amount') return { name: metric.name, value: mean(values) };
  if (metric.family === 'latency') return { name: `${metric.name} p50`, value: quantile(values, 0.5) };
  return { name: metric.name, value: values.reduce((sum, value) => sum + value, 0) };
}

/** Each metric's series (suite › metric → points in commit order) over the baseline's history. */
export function buildSeries(entries: readonly HistoryEntry[]): MetricSeries[] {
  const byKey = new Map<string, MetricSeries>();
  for (const entry of entries) {
    for (const suite of entry.results.suites) {
      if (suite.status !== 'ran') continue;
      for (const metric of suite.metrics) {
        const point = runValue(suite, metric);
        if (!point) continue;
        const key = `${suite.name}\u0000${point.name}`;
        let series = byKey.get(key);
        if (!series) {
          series = { suite: suite.name, metric: point.name, scale: metric.scale, direction: metric.direction, points: [] };
          byKey.set(key, series);
        }
        series.points.push({ commit: entry.commit, date: entry.date, value: point.value });
      }
    }
  }
  return [...byKey.values()];
}

/** A short label for a commit: 7 hex digits, or the label itself when it is not a sha ("PR"). */
export function shortCommit(commit: string): string {
  return /^[0-9a-f]{7,64}$/i.test(commit) ? commit.slice(0, 7).toLowerCase() : commit.replace(/[^\w .-]/g, '').slice(0, 12) || '?';
}
