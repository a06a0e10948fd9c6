import type { MetricDefinition } from './types.js';

/**
 * The catalogue: one metric per file under src/metrics/<family>/, each exporting one
 * MetricDefinition, listed here. A `not-<name>` form is derived for binary/unit quality metrics.
 */
const CATALOGUE: readonly MetricDefinition[] = [];

const BY_NAME = new Map(CATALOGUE.map((metric) => [metric.name, metric]));

export function listMetrics(): readonly MetricDefinition[] {
  return CATALOGUE;
}

export function findMetric(name: string): MetricDefinition | undefined {
  return BY_NAME.get(name);
}
