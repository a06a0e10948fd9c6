import type { ResultsFile } from '../results/types.js';
import { compareSuite, worst } from './suite.js';
import type { Comparison, SuiteComparison } from './types.js';

function headline(suites: SuiteComparison[], hasBaseline: boolean): string {
  const failing = suites.flatMap((suite) => suite.metrics.filter((metric) => metric.status === 'fail').map((metric) => `${suite.name} › ${metric.name}: ${metric.reason}`));
  const broken = suites.filter((suite) => suite.outcome === 'could-not-run');
  const removed = suites.filter((suite) => suite.outcome === 'removed');
  const warnings = suites.reduce((count, suite) => count + suite.metrics.filter((metric) => metric.gating && metric.status === 'warn').length, 0);
  const parts: string[] = [];
  if (failing.length) parts.push(`${failing.length} metric(s) regressed — ${failing.slice(0, 3).join('; ')}`);
  if (broken.length) parts.push(`the evaluation could not run for ${broken.map((suite) => suite.name).join(', ')}`);
  if (removed.length) parts.push(`${removed.length} baseline suite(s) did not run: ${removed.map((suite) => suite.name).join(', ')}`);
  if (!hasBaseline) parts.push('no baseline yet: this run reports scores only and becomes the baseline when merged');
  else if (!failing.length && !broken.length) {
    const scope = removed.length ? ' in the suites that ran' : '';
    parts.push(warnings ? `no significant regression${scope}; ${warnings} warning(s) to look at` : `no significant regression${scope}`);
  }
  return parts.join('. ');
}

/**
 * compare with baseline: every PR suite against the same-named baseline suite. With no
 * baseline (first run) the gate reports and passes.
 */
export function compare(baseline: ResultsFile | null, pr: ResultsFile): Comparison {
  const baseSuites = new Map((baseline?.suites ?? []).map((suite) => [suite.name, suite]));
  const suites = pr.suites.map((suite) => compareSuite(suite, baseSuites.get(suite.name)));
  const prNames = new Set(pr.suites.map((suite) => suite.name));
  for (const suite of baseline?.suites ?? []) {
    if (prNames.has(suite.name)) continue;
    suites.push({ name: suite.name, file: suite.file, outcome: 'removed', note: 'this suite is in the baseline but was not run', verdict: 'warn', shared: 0, metrics: [], added: [], removed: [], regressedCases: [], erroredCases: [] });
  }
  const hasBaseline = baseline !== null;
  const verdicts = suites.map((suite) => suite.verdict);
  const verdict = hasBaseline ? worst(verdicts) : verdicts.includes('error') ? 'error' : 'pass';
  return {
    verdict,
    hasBaseline,
    suites,
    regressions: suites.reduce((count, suite) => count + suite.metrics.filter((metric) => metric.status === 'fail').length, 0),
    headline: headline(suites, hasBaseline),
  };
}
