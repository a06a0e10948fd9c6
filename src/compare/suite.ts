import type { RatioPolicy } from '../metrics/types.js';
import type { MetricInfo, SuiteResult } from '../results/types.js';
import { isGating, policyOf } from './metric-policy.js';
import type { RatioTest } from './amount-test.js';
import { ratioTest } from './amount-test.js';
import { caseErrored, caseValues, presentValues } from './case-values.js';
import { couldNotRun, erroredAboveShare, FIX, gap, valuedCases, whyNoValue } from './coverage.js';
import type { FamilyMember } from './family.js';
import { anySize, pairedSize, ratioSize } from './family.js';
import type { SequentialContext, VerifiedRun } from './sequential-check.js';
import { sequentialSummary, verifySequential } from './sequential-check.js';
import { combined, stagedPairedP, stagedRatioP } from './sequential-stages.js';
import { clustersOf } from './clusters.js';
import type { FamilyLevels } from './decide.js';
import { decideNoiseFree, decidePaired, decideRatio, pairedP, pastLimit, reachesToleranceDespiteErrors, toleranceOf } from './decide.js';
import type { Regime } from './noise-free.js';
import { regimeOf } from './noise-free.js';
import { gateChanges, gatedMetric, notComparable } from './gate-changes.js';
import type { MetricErrors } from './metric-errors.js';
import { metricErrors } from './metric-errors.js';
import type { PairedTest } from './paired-test.js';
import { detectableDrop, pairedTest } from './paired-test.js';
import { mean } from './stats.js';
import type { Alignment, MetricValues } from './suite-align.js';
import { align, metricValues, regressedCases, spendOf } from './suite-align.js';
import type { CoverageGap, MetricComparison, SuiteComparison, Verdict } from './types.js';

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, incomplete: 2, error: 3, fail: 4 };

export function worst(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');
}

const isPaired = (metric: MetricInfo) => policyOf(metric).test === 'paired';

/** A suite's tests, run but not yet decided: the PR-wide family adjusts their p-values first. */
export interface SuiteTests {
  pr: SuiteResult;
  base: SuiteResult | undefined;
  alignment: Alignment;
  values: Map<string, MetricValues>;
  paired: PairedTest[];
  ratios: { test: RatioTest; rule: RatioPolicy['statistics'][number] }[];
  erroredCases: SuiteComparison['erroredCases'];
  metricErrors: MetricErrors[];
  /** Set when the base has evidence of a noise-free flow (compare/noise-free.ts). */
  regime: Regime | undefined;
  /** The base suite's alpha and tolerance (the gate comes from the base). */
  alpha: number;
  tolerance: number;
  /** A sequential run's record, checked against the data (compare/sequential-check.ts); `problem`: why it was not relied on. */
  sequential?: { run?: VerifiedRun; problem?: string };
}

/** A test spends the PR's error budget when it gates, joins multiple testing and has a p-value. */
function inFamily(test: PairedTest | RatioTest, canFail = true): boolean {
  return canFail && test.pRaw !== null && isGating(test.metric) && policyOf(test.metric).multipleTesting;
}

/** The metrics judged in the noise-free regime: they take no share of the family. */
const noiseFreeMetrics = (tests: SuiteTests) => new Set(tests.regime?.kind === 'noise-free' ? tests.regime.metrics : []);

/** Shared cases needed before a verdict is conclusive: max(20, half the baseline). */
const minSharedOf = (alignment: Alignment) => Math.max(20, Math.ceil(alignment.baseCount / 2));

/**
 * The suite's members of the PR's family, each with the size it can reach (see family.ts). A test
 * that cannot FAIL on this data — its drop is below the tolerance, its ratio within the limit, too
 * few shared cases, its metric errored above its share — enters with p = 1 (docs/gate.md "Holm, counting
 * what each test can reach"): it is still charged its size, but never drops out of the step-down.
 */
export function familyOf(tests: SuiteTests): (FamilyMember & { test: PairedTest | RatioTest })[] {
  const errorsOf = new Map(tests.metricErrors.map((entry) => [entry.metric, entry]));
  const usable = (test: PairedTest | RatioTest) => test.pRaw !== null && test.shared >= minSharedOf(tests.alignment) && !erroredAboveShare(errorsOf.get(test.metric.name), tests.pr.cases.length);
  const noiseFree = noiseFreeMetrics(tests);
  // A test of a stopped suite cannot FAIL in the family (a futile one PASSes, an efficacy FAIL spent the interim budget): p = 1, charged its full level — the full run's size is never above it.
  const stopped = tests.sequential?.run?.stopped?.reasons;
  const paired = tests.paired.filter((test) => inFamily(test) && !noiseFree.has(test.metric.name)).map((test) => {
    const tolerance = toleranceOf(test.metric, tests.tolerance);
    if (stopped?.has(test.metric.name)) return { test, p: 1, sizeAt: anySize };
    return { test, p: usable(test) && reachesToleranceDespiteErrors(test, tolerance) ? (pairedP(test) as number) : 1, sizeAt: pairedSize(test, tolerance) };
  });
  const ratios = tests.ratios
    .filter(({ test, rule }) => inFamily(test, rule.canFail))
    .map(({ test, rule }) => (stopped?.has(test.metric.name) ? { test, p: 1, sizeAt: anySize } : { test, p: usable(test) && pastLimit(test, rule) ? (test.pRaw as number) : 1, sizeAt: ratioSize(test, test.metric.gate.tolerance ?? rule.tolerance) }));
  return [...paired, ...ratios];
}

const header = (pr: SuiteResult) => ({ name: pr.name, file: pr.file, ...(pr.calls ? { calls: pr.calls } : {}), shared: 0, metrics: [], added: [], removed: [], regressedCases: [], erroredCases: [], metricErrors: [], gateChanges: [], notComparable: [], gaps: [] });

/** First pass over one suite: align cases, run every metric's test. Skipped and could-not-run suites are decided here. */
export function testSuite(pr: SuiteResult, base: SuiteResult | undefined, context?: SequentialContext): SuiteTests | SuiteComparison {
  const reason = pr.skipReason ?? 'skipped';
  // A skipped suite leaves the base's entry uncompared; a new one is not gated yet either way.
  if (pr.status === 'skipped') return { ...header(pr), outcome: 'skipped', verdict: base ? 'incomplete' : 'pass', note: reason, gaps: base ? [gap(pr.name, `skipped: ${reason}`, FIX.skipped)] : [] };
  const erroredCases = pr.cases.flatMap((testCase) => {
    const errored = caseErrored(testCase);
    return errored === undefined ? [] : [{ id: testCase.id, error: errored.error, kind: errored.kind }];
  });
  const broken = couldNotRun(pr);
  if (broken) return { ...header(pr), erroredCases, outcome: 'could-not-run', verdict: 'error', note: broken };
  const baseRan = base?.status === 'ran' ? base : undefined;
  // With a baseline every crashed case is a regression of its metrics; without one nothing would gate it.
  if (!baseRan && pr.cases.length > 0 && erroredCases.length === pr.cases.length) {
    return { ...header(pr), erroredCases, outcome: 'could-not-run', verdict: 'fail', note: `every case failed to run (${erroredCases.length} of ${pr.cases.length}), e.g. ${erroredCases[0]?.error.split('\n').slice(-1)[0] ?? ''}` };
  }
  const sequential = context && pr.sequential ? verifySequential(pr, baseRan, context) : undefined;
  const notRun = sequential?.run?.notRun;
  const aligned = align(pr, baseRan);
  // Cases of the plan a stopped run did not reach are not removed cases.
  const alignment = notRun ? { ...aligned, removed: aligned.removed.filter((testCase) => !notRun.has(testCase.id)) } : aligned;
  const metrics = pr.metrics.map((metric) => gatedMetric(metric, baseRan));
  const values = new Map(metrics.map((metric) => [metric.name, metricValues(metric, baseRan, pr, alignment)]));
  const valuesOf = (metric: MetricInfo) => values.get(metric.name) as MetricValues;
  // A case that ran with more samples than the suite's repeat (a sequential run's stage two) makes the metric graded: no McNemar.
  const repeats = { base: baseRan?.repeat ?? pr.repeat, pr: pr.cases.reduce((most, testCase) => Math.max(most, testCase.samples.length), pr.repeat) };
  const stageOne = sequential?.run?.stageOne;
  const stages = stageOne && sequential?.run ? { inStageOne: alignment.shared.map((testCase) => stageOne.has(testCase.id)), share: sequential.run.share, repeats: { base: repeats.base, pr: pr.repeat, raised: repeats.pr } } : undefined;
  const clusters = clustersOf(alignment.shared);
  const errors = metricErrors(pr.cases, pr.metrics);
  const paired = metrics.filter(isPaired).map((metric) => {
    const { base: b, pr: p, prAll } = valuesOf(metric);
    const present = presentValues(prAll);
    const pooled = pairedTest(metric, b, p, present.length ? mean(present) : null, repeats, clusters);
    const test = stages && pooled.pRaw !== null ? combined(pooled, stagedPairedP(metric, b, p, stages)) : pooled;
    const errored = errors.find((entry) => entry.metric === metric.name);
    if (!errored || test.pRaw === null) return test;
    const bestAll = caseValues(pr.cases, metric, 'best');
    const bestValues = Float64Array.from(alignment.sharedIndexes, (index) => bestAll[index] as number);
    const best = pairedTest(metric, b, bestValues, test.prAll, repeats, clusters);
    return { ...test, bestCase: { delta: best.delta, pRaw: stages ? stagedPairedP(metric, b, bestValues, stages) : best.pRaw, errored: errored.count } };
  });
  const ratios = metrics.flatMap((metric) => {
    const policy = policyOf(metric);
    if (policy.test !== 'ratio') return [];
    const { base: b, pr: p, prAll } = valuesOf(metric);
    return policy.statistics.map((rule) => {
      const pooled = ratioTest(metric, rule.statistic, b, p, prAll, clusters);
      return { test: stages && pooled.pRaw !== null ? combined(pooled, stagedRatioP(metric, rule.statistic, b, p, stages)) : pooled, rule };
    });
  });
  return {
    pr, base: baseRan, alignment, values, paired, ratios, erroredCases,
    metricErrors: errors,
    regime: regimeOf(baseRan, pr, alignment),
    alpha: baseRan?.alpha ?? pr.alpha,
    tolerance: baseRan?.tolerance ?? pr.tolerance,
    ...(sequential ? { sequential } : {}),
  };
}

function fromPaired(test: PairedTest, pAdjusted: number | null, detectable: number | null, decision: { status: MetricComparison['status']; reason: string }): MetricComparison {
  const { metric } = test;
  return {
    name: metric.name, metric: metric.metric, family: metric.family, scale: metric.scale, direction: metric.direction,
    gating: isGating(metric), baseline: test.baseline, pr: test.shared ? test.pr : test.prAll, delta: test.delta,
    ci: test.ci, pRaw: test.pRaw, pHolm: pAdjusted, improved: test.improved, regressed: test.regressed, shared: test.shared,
    detectableDrop: detectable, ...decision,
  };
}

function fromRatio(test: RatioTest, pAdjusted: number | null, decision: { status: MetricComparison['status']; reason: string }): MetricComparison {
  const { metric } = test;
  const label = test.statistic === 'sum' ? metric.name : `${metric.name} ${test.statistic}`;
  return {
    name: label, metric: metric.metric, family: metric.family, scale: metric.scale, direction: metric.direction,
    gating: isGating(metric), baseline: test.baseline, pr: test.pr,
    delta: test.baseline !== null && test.pr !== null ? test.pr - test.baseline : null, ratio: test.ratio, ci: test.ci,
    pRaw: test.pRaw, pHolm: pAdjusted, improved: 0, regressed: 0, shared: test.shared, detectableDrop: null, ...decision,
    ...(metric.note ? { reason: `${decision.reason} (${metric.note})` } : {}),
  };
}

/**
 * A metric that lost more than MAX_ERROR_SHARE of its cases to errors could not be evaluated,
 * whatever its p-value: errors that depend on the answer (a judge failing more on good answers)
 * bias what is left, so its test proves nothing — it is not compared, never FAIL.
 */
function outage(metric: MetricComparison, errors: MetricErrors | undefined, cases: number): MetricComparison {
  if (!erroredAboveShare(errors, cases)) return metric;
  return { ...metric, status: 'incomplete', reason: `could not be evaluated: errors on ${errors?.cases} of ${cases} cases (${errors?.messages[0]?.message ?? 'error'})` };
}

/** Why a gating metric of the base's baseline was not compared, and what to do; undefined when it was. */
function metricGap(metric: MetricComparison, tests: SuiteTests, changed: Set<string>): CoverageGap | undefined {
  const { pr, base } = tests;
  const info = base?.metrics.find((candidate) => candidate.name === metric.name);
  if (!metric.gating || !base || !info || metric.status === 'fail') return undefined;
  if (changed.has(metric.name)) return gap(pr.name, 'the evaluator changed (config, judge model or rubric)', FIX.evaluatorChanged, metric.name);
  if (metric.reason.startsWith('could not be evaluated')) return gap(pr.name, metric.reason.replace('could not be evaluated: ', 'errored: '), FIX.errored, metric.name);
  if (metric.status === 'incomplete') return gap(pr.name, metric.reason, FIX.tooFewShared, metric.name);
  if (metric.pRaw !== null || valuedCases(base, info) === 0) return undefined;
  if (tests.alignment.shared.length === 0) return gap(pr.name, `no shared cases (0 of the baseline's ${tests.alignment.baseCount} cases are in the PR with the same id and inputs)`, FIX.noSharedCases, metric.name);
  const prInfo = pr.metrics.find((candidate) => candidate.name === metric.name) ?? info;
  if (valuedCases(pr, prInfo) === 0) return gap(pr.name, whyNoValue(pr, prInfo), FIX.noValue, metric.name);
  return gap(pr.name, `no shared case has a value on both sides (${metric.shared})`, FIX.tooFewShared, metric.name);
}

/** Gating metrics of the baseline's suite that the PR's suite does not have (renamed or deleted evaluators). */
function missingMetrics(tests: SuiteTests): CoverageGap[] {
  const names = new Set(tests.pr.metrics.map((metric) => metric.name));
  return (tests.base?.metrics ?? [])
    .filter((metric) => !names.has(metric.name) && isGating(metric) && valuedCases(tests.base as SuiteResult, metric) > 0)
    .map((metric) => gap(tests.pr.name, 'in the baseline but not in the PR\'s suite (renamed or deleted evaluator)', FIX.removedMetric, metric.name));
}

/** Second pass: decide every metric with its PR-wide adjusted p-value (`adjusted`; tests outside the family keep their raw p). */
export function decideSuite(tests: SuiteTests, adjusted: Map<PairedTest | RatioTest, number>, levels: FamilyLevels): SuiteComparison {
  const { pr, base, alignment } = tests;
  const minShared = minSharedOf(alignment);
  const keptShared = Math.ceil(alignment.baseCount / 2);
  const changed = new Set(notComparable(pr, base));
  const errorsOf = new Map(tests.metricErrors.map((entry) => [entry.metric, entry]));
  const noiseFree = noiseFreeMetrics(tests);
  const stopped = tests.sequential?.run?.stopped?.reasons;
  const metrics: MetricComparison[] = tests.paired.map((test) => {
    const pAdjusted = adjusted.get(test) ?? test.pRaw;
    const tolerance = toleranceOf(test.metric, tests.tolerance);
    const level = test.metric.gate.primary === true ? levels.primaryTestLevel : levels.testLevel;
    const detectable = test.shared > 1 ? detectableDrop(test.sd, test.shared, { tolerance, level, binary: test.test === 'mcnemar' }) : null;
    // A stopped suite's test: decided by the stop (re-checked on the data); its detectable drop is that of the cases it ran.
    const stop = stopped?.get(test.metric.name);
    if (stop) return outage(fromPaired(test, null, detectable, stop), errorsOf.get(test.metric.name), pr.cases.length);
    if (noiseFree.has(test.metric.name)) {
      // No noise: the tolerance itself is the smallest drop that FAILs.
      return outage(fromPaired(test, null, tolerance, decideNoiseFree(test, { tolerance, minShared })), errorsOf.get(test.metric.name), pr.cases.length);
    }
    return outage(fromPaired(test, pAdjusted, detectable, decidePaired(test, { ...levels, tolerance, minShared, keptShared, pAdjusted })), errorsOf.get(test.metric.name), pr.cases.length);
  });
  for (const { test, rule } of tests.ratios) {
    const pAdjusted = adjusted.get(test) ?? test.pRaw;
    const stop = rule.canFail ? stopped?.get(test.metric.name) : undefined;
    metrics.push(fromRatio(test, stop ? null : pAdjusted, stop ?? decideRatio(test, rule, { ...levels, pAdjusted })));
  }
  const compared = metrics.map((metric) => (changed.has(metric.name) && metric.baseline === null ? { ...metric, status: 'incomplete' as const, reason: 'not comparable: the evaluator changed (config, judge model or rubric); compared again after merge' } : metric));
  const problem = tests.sequential?.problem;
  const unrelied = problem ? [gap(pr.name, `its sequential record was not relied on (${problem}): the cases it did not run count as missing`, FIX.sequentialRecord)] : [];
  const gaps = [...compared.flatMap((metric) => metricGap(metric, tests, changed) ?? []), ...missingMetrics(tests), ...unrelied];
  const broken = compared.filter((metric) => metric.gating && metric.reason.startsWith('could not be evaluated'));
  const removedFailing = alignment.removed.filter((testCase) => testCase.wasFailing).length;
  const verdict = worst([...compared.filter((metric) => metric.gating && metric.status !== 'incomplete').map((metric) => metric.status), removedFailing ? 'warn' : 'pass', gaps.length ? 'incomplete' : 'pass']);
  const notes = [
    ...(broken.length ? [`${broken.map((metric) => metric.name).join(', ')} could not be evaluated (errors, not a regression): ${errorsOf.get(broken[0]?.name ?? '')?.messages[0]?.message ?? 'error'}`] : []),
    ...(removedFailing ? [`${removedFailing} removed case(s) were failing on the baseline: was a hard case dropped?`] : []),
  ];
  return {
    ...header(pr),
    outcome: base ? 'compared' : 'new',
    ...(notes.length ? { note: notes.join('. ') } : {}),
    verdict,
    shared: alignment.shared.length,
    metrics: compared,
    added: alignment.added,
    ...(alignment.changedInputs.length ? { changedInputs: alignment.changedInputs } : {}),
    removed: alignment.removed,
    regressedCases: regressedCases(tests.paired, tests.values, alignment),
    erroredCases: tests.erroredCases,
    metricErrors: tests.metricErrors,
    gateChanges: gateChanges(pr, base),
    notComparable: [...changed],
    ...(tests.regime ? { regime: tests.regime } : {}),
    ...(pr.sequential ? { sequential: sequentialSummary(pr, tests.sequential ?? {}) } : {}),
    gaps,
    spend: {
      flowUsd: spendOf(pr.cases, (sample) => sample.costUsd),
      evaluatorUsd: spendOf(pr.cases, (sample) => sample.evaluatorCostUsd),
      baselineFlowUsd: base ? spendOf(base.cases, (sample) => sample.costUsd) : null,
    },
  };
}
