import type { ResultsFile } from './types.js';

/**
 * The baseline as far as a narrowed run (`--filter`, `--limit`, `--sample`, `--metric`) can
 * speak for it: the suites that ran, their cases that ran, their metrics that ran — so what was
 * left out on purpose is not reported as removed.
 */
export function restrictBaseline(baseline: ResultsFile, results: ResultsFile): ResultsFile {
  const ran = new Map(results.suites.map((suite) => [suite.name, suite]));
  return {
    ...baseline,
    suites: baseline.suites.flatMap((suite) => {
      const current = ran.get(suite.name);
      if (!current) return [];
      const ids = new Set(current.cases.map((testCase) => testCase.id));
      const metrics = new Set(current.metrics.map((metric) => metric.name));
      return [{ ...suite, metrics: suite.metrics.filter((metric) => metrics.has(metric.name)), cases: suite.cases.filter((testCase) => ids.has(testCase.id)) }];
    }),
  };
}
