import type { Scale } from '../metrics/types.js';
import type { Unit } from '../metrics/units.js';
import { UNITS } from '../metrics/units.js';
import type { CaseResult, ResultsFile, SuiteResult } from './types.js';

const MAX_AMOUNT = (unit: Unit) => UNITS[unit].max;

function withinScale(value: number, scale: Scale): boolean {
  if (!Number.isFinite(value)) return false;
  switch (scale.kind) {
    case 'binary':
    case 'unit':
      return value >= 0 && value <= 1;
    case 'likert':
      return value >= scale.min && value <= scale.max;
    case 'amount':
      return value >= 0 && value <= MAX_AMOUNT(scale.unit);
  }
}

function scaleText(scale: Scale): string {
  if (scale.kind === 'likert') return `${scale.min}–${scale.max}`;
  if (scale.kind === 'amount') return `0–${MAX_AMOUNT(scale.unit)} ${scale.unit}`;
  return '0–1';
}

/** Each metric's scale by name, for checking a suite's scores. */
export function metricScales(suite: Pick<SuiteResult, 'metrics'>): Map<string, Scale> {
  return new Map(suite.metrics.map((metric) => [metric.name, metric.scale]));
}

/** One case's range problem (see rangeProblem), its path starting with `at` (`suites.0.cases.3`). */
export function caseRangeProblem(testCase: CaseResult, scales: Map<string, Scale>, at: string): string | undefined {
  for (const [sampleIndex, sample] of testCase.samples.entries()) {
    const where = `${at}.samples.${sampleIndex}`;
    for (const [name, score] of Object.entries(sample.scores)) {
      const scale = scales.get(name);
      if (score.status === 'ok' && scale && !withinScale(score.value as number, scale)) {
        return `${where}.scores.${name}.value: ${score.value} is outside the metric's scale (${scaleText(scale)})`;
      }
    }
    const measures: [string, number | undefined, number][] = [
      ['latencyMs', sample.latencyMs, MAX_AMOUNT('ms')],
      ['firstTokenMs', sample.firstTokenMs, MAX_AMOUNT('ms')],
      ['costUsd', sample.costUsd, MAX_AMOUNT('usd')],
      ['evaluatorCostUsd', sample.evaluatorCostUsd, MAX_AMOUNT('usd')],
      ...Object.entries(sample.usage).map(([key, value]): [string, number, number] => [`usage.${key}`, value, MAX_AMOUNT('tokens')]),
    ];
    for (const [key, value, max] of measures) {
      if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= max)) return `${where}.${key}: ${value} is out of range (0–${max})`;
    }
  }
  return undefined;
}

/**
 * Numbers the schema cannot bound (they depend on each metric's scale): every score within its
 * metric's scale, every measurement plausible. Returns the first problem as `path: message`.
 */
export function rangeProblem(results: ResultsFile): string | undefined {
  for (const [suiteIndex, suite] of results.suites.entries()) {
    const scales = metricScales(suite);
    for (const [caseIndex, testCase] of suite.cases.entries()) {
      const problem = caseRangeProblem(testCase, scales, `suites.${suiteIndex}.cases.${caseIndex}`);
      if (problem) return problem;
    }
  }
  return undefined;
}
