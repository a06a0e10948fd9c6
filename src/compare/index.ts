import type { ResultsFile } from '../results/types.js';
import type { RatioTest } from './amount-test.js';
import type { PairedTest } from './paired-test.js';
import { discreteHolm, testLevel } from './family.js';
import type { SuiteTests } from './suite.js';
import { decideSuite, familyOf, testSuite, worst } from './suite.js';
import type { Comparison, SuiteComparison } from './types.js';

/** WARN level = WARN_FACTOR × α, on the same Holm-adjusted p-values (docs/gate.md: "Decide"). */
export const WARN_FACTOR = 4;

const percent = (value: number) => `${Number((value * 100).toPrecision(3))} %`;

function headline(suites: SuiteComparison[], hasBaseline: boolean, family: Comparison['family']): string {
  const failing = suites.flatMap((suite) => suite.metrics.filter((metric) => metric.status === 'fail').map((metric) => `${suite.name} › ${metric.name}: ${metric.reason}`));
  const broken = suites.filter((suite) => suite.verdict === 'error');
  const removed = suites.filter((suite) => suite.outcome === 'removed');
  const warnings = suites.reduce((count, suite) => count + suite.metrics.filter((metric) => metric.gating && metric.status === 'warn').length, 0);
  const parts: string[] = [];
  if (failing.length) parts.push(`${failing.length} metric(s) regressed — ${failing.slice(0, 3).join('; ')}`);
  if (broken.length) parts.push(`the evaluation could not run for ${broken.map((suite) => (suite.note ? `${suite.name} (${suite.note})` : suite.name)).join(', ')}`);
  if (removed.length) parts.push(`${removed.length} baseline suite(s) did not run: ${removed.map((suite) => suite.name).join(', ')}`);
  if (!hasBaseline) parts.push('no baseline yet: this run reports scores only and becomes the baseline when merged');
  else if (!failing.length && !broken.length) {
    const scope = removed.length ? ' in the suites that ran' : '';
    parts.push(warnings ? `no significant regression${scope}; ${warnings} warning(s) to look at` : `no significant regression${scope}`);
  }
  if (hasBaseline && family.tests > 0) {
    parts.push(`${family.tests} gating test(s) share one error budget α = ${percent(family.alpha)} (Holm): a ${percent(family.alpha)} chance that an unchanged PR fails`);
  }
  return parts.join('. ');
}

/**
 * compare with baseline, in two passes: every PR suite's tests against the same-named baseline
 * suite; then one Holm adjustment over every gating test of every suite (the PR's family, at
 * the smallest alpha of the suites' baselines); then each suite's decision. With no baseline
 * (first run) the gate reports and passes.
 */
export function compare(baseline: ResultsFile | null, pr: ResultsFile): Comparison {
  const baseSuites = new Map((baseline?.suites ?? []).map((suite) => [suite.name, suite]));
  const firstPass = pr.suites.map((suite) => testSuite(suite, baseSuites.get(suite.name)));
  const tested = firstPass.filter((entry): entry is SuiteTests => 'paired' in entry);
  const members = tested.flatMap(familyOf);
  const adjustedValues = discreteHolm(members);
  const adjusted = new Map<PairedTest | RatioTest, number>(members.map(({ test }, index) => [test, adjustedValues[index] as number]));
  const alpha = tested.length ? Math.min(...tested.map((tests) => tests.alpha)) : (pr.suites[0]?.alpha ?? 0.05);
  const family = { alpha, warnAlpha: Math.min(1, WARN_FACTOR * alpha), tests: members.length };
  const levels = { alpha: family.alpha, warnAlpha: family.warnAlpha, familySize: Math.max(1, members.length), testLevel: testLevel(members, alpha) };
  const suites = firstPass.map((entry) => ('paired' in entry ? decideSuite(entry, adjusted, levels) : entry));
  const prNames = new Set(pr.suites.map((suite) => suite.name));
  for (const suite of baseline?.suites ?? []) {
    if (prNames.has(suite.name)) continue;
    suites.push({ name: suite.name, file: suite.file, outcome: 'removed', note: 'this suite is in the baseline but was not run', verdict: 'warn', shared: 0, metrics: [], added: [], removed: [], regressedCases: [], erroredCases: [], metricErrors: [], gateChanges: [], notComparable: [] });
  }
  const hasBaseline = baseline !== null;
  const verdicts = suites.map((suite) => suite.verdict);
  const verdict = hasBaseline ? worst(verdicts) : verdicts.includes('error') ? 'error' : 'pass';
  return {
    verdict,
    hasBaseline,
    suites,
    regressions: suites.reduce((count, suite) => count + suite.metrics.filter((metric) => metric.status === 'fail').length, 0),
    headline: headline(suites, hasBaseline, family),
    family,
  };
}
