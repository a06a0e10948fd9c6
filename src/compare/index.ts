import type { ResultsFile } from '../results/types.js';
import type { RatioTest } from './amount-test.js';
import type { PairedTest } from './paired-test.js';
import type { SuiteTests } from './suite.js';
import { decideSuite, familyOf, testSuite, worst } from './suite.js';
import { FIX, gap } from './coverage.js';
import { headline } from './headline.js';
import type { Comparison, CoverageGap } from './types.js';
import { allocate } from './weights.js';
import { sequentialContext } from './sequential-check.js';
import { EFFICACY_SHARE } from './sequential-tests.js';

/** WARN level = WARN_FACTOR × α on the same adjusted p-values: an unchanged PR WARNs or FAILs anywhere with probability ≤ 2α (docs/gate.md: "Decide"). */
const WARN_FACTOR = 2;

/**
 * compare with baseline, in two passes: every PR suite's tests against the same-named baseline
 * suite; then one Holm adjustment over every gating test of every suite (the PR's family, at
 * the smallest alpha of the suites' baselines); then each suite's decision. Without a baseline:
 * `missing` (the base has suites but no stored baseline: why) makes the run incomplete; without
 * it, this is the bootstrap (the base has no suites) — the run reports and passes.
 */
export function compare(baseline: ResultsFile | null, pr: ResultsFile, options: { missing?: { reason: string; fix: string }; firstBaseline?: boolean } = {}): Comparison {
  const baseSuites = new Map((baseline?.suites ?? []).map((suite) => [suite.name, suite]));
  const sequential = sequentialContext(pr, baseSuites);
  const firstPass = pr.suites.map((suite) => testSuite(suite, baseSuites.get(suite.name), sequential));
  const tested = firstPass.filter((entry): entry is SuiteTests => 'paired' in entry);
  const members = tested.flatMap(familyOf);
  const primary = members.map(({ test }) => test.metric.gate.primary === true);
  // A sequential run spent EFFICACY_SHARE of α on its interim looks: the final look gets the rest.
  const baseAlpha = tested.length ? Math.min(...tested.map((tests) => tests.alpha)) : (pr.suites[0]?.alpha ?? 0.05);
  const alpha = sequential ? Number((baseAlpha * (1 - EFFICACY_SHARE)).toPrecision(12)) : baseAlpha;
  const { adjusted: adjustedValues, levels: testLevels } = allocate(members, primary, alpha);
  const adjusted = new Map<PairedTest | RatioTest, number>(members.map(({ test }, index) => [test, adjustedValues[index] as number]));
  const primaryTests = primary.filter(Boolean).length;
  const family = { alpha, warnAlpha: Math.min(1, WARN_FACTOR * alpha), tests: members.length, ...(primaryTests ? { primaryTests } : {}), ...(sequential ? { earlyLooksAlpha: Number((baseAlpha - alpha).toPrecision(12)) } : {}) };
  const levels = { alpha: family.alpha, warnAlpha: family.warnAlpha, testLevel: testLevels.other, primaryTestLevel: testLevels.primary };
  const suites = firstPass.map((entry) => ('paired' in entry ? decideSuite(entry, adjusted, levels) : entry));
  const prNames = new Set(pr.suites.map((suite) => suite.name));
  for (const suite of baseline?.suites ?? []) {
    if (prNames.has(suite.name)) continue;
    const gaps = suite.status === 'ran' ? [gap(suite.name, 'in the baseline but not run by this PR (renamed, moved out of the `suites:` glob, or deleted)', FIX.removedSuite)] : [];
    suites.push({ name: suite.name, file: suite.file, outcome: 'removed', note: 'this suite is in the baseline but was not run', verdict: gaps.length ? 'incomplete' : 'warn', shared: 0, metrics: [], added: [], removed: [], regressedCases: [], erroredCases: [], metricErrors: [], gateChanges: [], notComparable: [], gaps });
  }
  // A stored placeholder of a skipped run (older baselines) is no baseline either.
  const placeholders = (baseline?.suites ?? []).filter((suite) => suite.status === 'skipped').map((suite) => ({ suite: suite.name, reason: `its stored entry is a skipped run's placeholder: ${suite.skipReason ?? 'skipped'}` }));
  for (const entry of [...(baseline?.run.unstored ?? []), ...placeholders]) {
    const index = suites.findIndex((suite) => suite.name === entry.suite && (suite.outcome === 'new' || suite.outcome === 'skipped'));
    const unstored = suites[index];
    if (!unstored || unstored.gaps.length) continue;
    const missing = gap(entry.suite, `no baseline on the default branch: the last push could not store it (${entry.reason})`, 'fix that push\'s EvalGate step (it says why) and re-run it, then re-run this check');
    suites[index] = { ...unstored, verdict: worst([unstored.verdict, 'incomplete']), gaps: [...unstored.gaps, missing] };
  }
  const hasBaseline = baseline !== null;
  const bootstrap = !hasBaseline && !options.missing;
  const coverage: CoverageGap[] = bootstrap ? [] : [...(options.missing ? [gap('*', options.missing.reason, options.missing.fix)] : []), ...suites.flatMap((suite) => suite.gaps)];
  const verdicts = suites.map((suite) => suite.verdict);
  // In a bootstrap nothing can regress, but a suite that could not run (every case failed) is never a pass.
  const verdict = bootstrap
    ? worst(suites.map((suite) => (suite.outcome === 'could-not-run' || suite.verdict === 'error' ? suite.verdict : 'pass')))
    : worst([...verdicts.filter((entry) => entry !== 'incomplete'), coverage.length ? 'incomplete' : 'pass']);
  const decided = { hasBaseline, bootstrap, coverage, suites, family };
  return {
    verdict,
    ...decided,
    regressions: suites.reduce((count, suite) => count + suite.metrics.filter((metric) => metric.status === 'fail').length, 0),
    headline: headline({ ...decided, firstBaseline: options.firstBaseline === true }),
  };
}
