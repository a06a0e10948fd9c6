import type { CaseResult, ResultsFile, SequentialRecord, SuiteResult } from '../results/types.js';
import { caseValues } from './case-values.js';
import { clustersOf } from './clusters.js';
import type { SequentialLevels, Sums, TrackedTest } from './sequential-tests.js';
import { addPair, interimLooks, efficacyP, emptySums, futility, sequentialLevels, STAGE_ONE, trackedTests } from './sequential-tests.js';
import { efficacyReason, futileReason, testFutileReason } from './sequential-reasons.js';
import { comparable } from './suite-align.js';
import type { SuiteComparison } from './types.js';

/**
 * Compare's reading of a PR suite's sequential record (SuiteResult.sequential). The record is
 * untrusted JSON (`evalgate compare` accepts files), so compare believes none of its claims: it
 * checks the record against the stored cases and recomputes every stop from the data — a stop
 * the data do not support voids the record, and the cases it did not run are then plain missing
 * cases (an incomplete verdict, never a pass).
 */

/** PR-wide: the levels every sequential suite of the PR was run with (the monitor computes the same from its plans). */
export interface SequentialContext {
  levels: SequentialLevels;
  tracked: Map<string, TrackedTest[] | null>;
}

export function sequentialContext(pr: ResultsFile, baseSuites: Map<string, SuiteResult>): SequentialContext | undefined {
  if (!pr.suites.some((suite) => suite.sequential !== undefined)) return undefined;
  const compared = pr.suites.flatMap((suite) => {
    const base = baseSuites.get(suite.name);
    return base?.status === 'ran' && suite.status === 'ran' ? [{ suite, base }] : [];
  });
  const tracked = new Map(compared.map(({ suite, base }) => [suite.name, trackedTests(suite.metrics, base)]));
  const alpha = compared.length ? Math.min(...compared.map(({ base }) => base.alpha)) : (pr.suites[0]?.alpha ?? 0.05);
  return { levels: sequentialLevels([...tracked.values()].flatMap((entry) => entry ?? []), alpha), tracked };
}

/** A record that matches the data: what compare may rely on. */
export interface VerifiedRun {
  record: SequentialRecord;
  /** Cases of the plan the run did not reach: not removed, not coverage gaps. */
  notRun: Set<string>;
  /** Per stopped test (by metric name): the PASS or FAIL compare gives it, in words recomputed from the data. */
  stopped?: { decision: 'futile' | 'fail'; reason: string; reasons: Map<string, { status: 'pass' | 'fail'; reason: string }> };
  /** Stage one's case ids when stage two ran with more samples (the tests then combine the two stages). */
  stageOne?: Set<string>;
  /** Stage one's planned share of the cases: the combination's weights are √share and √(1 − share). */
  share: number;
}

/** The sums of every tracked test over `cases` (the stored values; samples collapsed as compare does). */
function sumsOver(tests: readonly TrackedTest[], cases: readonly CaseResult[], base: SuiteResult): Sums[] {
  const graded = new Set(base.cases.filter((testCase) => testCase.samples.length > 1).map((testCase) => testCase.id));
  return tests.map((test) => {
    const stored = comparable(test.metric, base) ?? test.metric;
    const baseValues = caseValues(base.cases, stored);
    const byId = new Map(base.cases.map((testCase, index) => [testCase.id, baseValues[index] as number]));
    const prValues = caseValues(cases, test.metric);
    const sums = emptySums();
    cases.forEach((testCase, index) => {
      const b = byId.get(testCase.id);
      const p = prValues[index] as number;
      if (b === undefined || Number.isNaN(b) || Number.isNaN(p)) return;
      addPair(sums, test, { base: b, pr: p, graded: testCase.samples.length > 1 || graded.has(testCase.id) || test.metric.scale.kind !== 'binary' });
    });
    return sums;
  });
}

/** The record's own consistency with the stored cases; the problem in words, or undefined. */
function shapeProblem(record: SequentialRecord, pr: SuiteResult): string | undefined {
  const ids = new Set(record.order);
  if (ids.size !== record.order.length || record.of !== record.order.length) return 'its case order repeats a case or does not match its case count';
  if (record.ran !== pr.cases.length || record.ran > record.of) return `it says ${record.ran} cases ran, the results hold ${pr.cases.length}`;
  const first = new Set(record.order.slice(0, record.ran));
  if (pr.cases.some((testCase) => !first.has(testCase.id))) return 'the cases that ran are not the first of its order';
  if (!record.stopped && record.ran < record.of) return `${record.of - record.ran} cases did not run and it names no stop`;
  return undefined;
}

/** Checks a PR suite's record against its data; `problem` says why it cannot be relied on. */
export function verifySequential(pr: SuiteResult, base: SuiteResult | undefined, context: SequentialContext): { run?: VerifiedRun; problem?: string } {
  const record = pr.sequential;
  if (!record) return {};
  if (!base || base.status !== 'ran') return { problem: 'there is no baseline to have stopped against' };
  const shape = shapeProblem(record, pr);
  if (shape) return { problem: shape };
  const notRun = new Set(record.order.slice(record.ran));
  const tests = context.tracked.get(pr.name) ?? null;
  const share = Math.ceil(STAGE_ONE * record.of) / record.of;
  const stage = stageOf(record, pr, base);
  if (stage === 'inconsistent') return { problem: 'its stage-one cases did not all run at the suite\'s repeat (or the cases are clustered)' };
  const run: VerifiedRun = { record, notRun, share, ...stage };
  if (!record.stopped) return { run };
  if (!tests || tests.length === 0) return { problem: 'it stopped a suite whose tests the monitor cannot follow' };
  const levelOf = (test: TrackedTest) => (test.primary ? context.levels.share.primary : context.levels.share.other);
  if (record.stopped.decision === 'fail') {
    const look = record.stopped.look ?? 0;
    const index = tests.findIndex((test) => test.metric.name === record.stopped?.metric);
    const test = tests[index];
    if (!test || !interimLooks(record.of).includes(look)) return { problem: 'its interim look or metric is not one of the design' };
    const ids = new Set(record.order.slice(0, look));
    const sums = sumsOver([test], pr.cases.filter((testCase) => ids.has(testCase.id)), base)[0] as Sums;
    const p = efficacyP(test, sums);
    if (p > context.levels.efficacy) return { problem: `its interim FAIL of ${test.metric.name} is not in the data (p=${p.toPrecision(3)})` };
    const reasons = new Map<string, { status: 'pass' | 'fail'; reason: string }>([[test.metric.name, { status: 'fail', reason: efficacyReason(test, sums, { p, level: context.levels.efficacy, look, of: record.of }) }]]);
    for (const other of tests.filter((entry) => entry !== test)) reasons.set(other.metric.name, { status: 'pass', reason: `not decided: the suite stopped after ${record.ran} of ${record.of} cases when ${test.metric.name} failed` });
    return { run: { ...run, stopped: { decision: 'fail', reason: (reasons.get(test.metric.name) as { reason: string }).reason, reasons } } };
  }
  const baseIds = new Set(base.cases.map((testCase) => testCase.id));
  const remaining = [...notRun].filter((id) => baseIds.has(id)).length;
  const sums = sumsOver(tests, pr.cases, base);
  const cachedIds = new Set(record.order.slice(0, record.cached ?? 0));
  const noise = sumsOver(tests, pr.cases.filter((testCase) => !cachedIds.has(testCase.id)), base);
  const reasons = new Map<string, { status: 'pass' | 'fail'; reason: string }>();
  const whys: ('curtailed' | 'conditional-power')[] = [];
  for (const [index, test] of tests.entries()) {
    const why = futility(test, sums[index] as Sums, remaining, levelOf(test), noise[index] as Sums);
    if (!why) return { problem: `${test.metric.name} could still FAIL on the ${remaining} shared cases it did not run` };
    whys.push(why);
    reasons.set(test.metric.name, { status: 'pass', reason: testFutileReason(test, why, sums[index] as Sums, { ran: record.ran, of: record.of }) });
  }
  return { run: { ...run, stopped: { decision: 'futile', reason: futileReason(tests, whys, record.ran, record.of), reasons } } };
}

/**
 * Stage one, when stage two ran with more samples than the suite's repeat: stage-one cases ran
 * at the suite's repeat, stage-two cases with at least it. Otherwise the run is one stage.
 */
function stageOf(record: SequentialRecord, pr: SuiteResult, base: SuiteResult): { stageOne?: Set<string> } | 'inconsistent' {
  const after = Math.ceil(STAGE_ONE * record.of);
  const first = new Set(record.order.slice(0, after));
  const raised = pr.cases.some((testCase) => !first.has(testCase.id) && testCase.samples.length > pr.repeat);
  if (!raised) return {};
  const plain = pr.cases.every((testCase) => (first.has(testCase.id) ? testCase.samples.length === pr.repeat : testCase.samples.length >= pr.repeat));
  return plain && clustersOf(base.cases) === null ? { stageOne: first } : 'inconsistent';
}

/** How the suite's sequential run went, as compare checked it (calls counted from the stored samples, never the record's). */
export function sequentialSummary(pr: SuiteResult, checked: { run?: VerifiedRun; problem?: string }): NonNullable<SuiteComparison['sequential']> {
  const { run, problem } = checked;
  const of = run ? run.record.of : pr.cases.length;
  return {
    ran: pr.cases.length, of,
    ...(run?.stopped ? { stopped: { decision: run.stopped.decision, reason: run.stopped.reason } } : {}),
    staged: run?.stageOne !== undefined,
    resampled: pr.cases.filter((testCase) => testCase.samples.length > pr.repeat).map((testCase) => ({ id: testCase.id, samples: testCase.samples.length })),
    calls: { made: pr.cases.reduce((sum, testCase) => sum + testCase.samples.length, 0), full: of * pr.repeat },
    ...(problem ? { problem } : {}),
  };
}
