import type { RatioPolicy } from '../metrics/types.js';
import type { CaseResult, MetricInfo, SuiteResult } from '../results/types.js';
import { policyOf } from './metric-policy.js';
import type { RatioTest } from './amount-test.js';
import { ratioTest } from './amount-test.js';
import type { CaseValues } from './case-values.js';
import { caseErrored, caseValues, presentValues } from './case-values.js';
import { decidePaired, decideRatio } from './decide.js';
import type { PairedTest } from './paired-test.js';
import { pairedTest } from './paired-test.js';
import { holm, mean } from './stats.js';
import type { CaseDiff, CaseRef, MetricComparison, SuiteComparison, Verdict } from './types.js';

const TOP_REGRESSED = 10;
const RANK: Record<Verdict, number> = { pass: 0, warn: 1, error: 2, fail: 3 };

export function worst(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');
}

const key = (testCase: CaseResult) => `${testCase.id}\u0000${testCase.hash}`;
const ref = (testCase: CaseResult): CaseRef => ({ id: testCase.id, inputs: testCase.inputs });
const isPaired = (metric: MetricInfo) => policyOf(metric).test === 'paired';

function comparable(metric: MetricInfo, base: SuiteResult | undefined): MetricInfo | undefined {
  const match = base?.metrics.find((candidate) => candidate.name === metric.name);
  return match && match.metric === metric.metric && match.configHash === metric.configHash ? match : undefined;
}

function fromPaired(test: PairedTest, pHolm: number | null, decision: { status: MetricComparison['status']; reason: string }): MetricComparison {
  const { metric } = test;
  return {
    name: metric.name, metric: metric.metric, family: metric.family, scale: metric.scale, direction: metric.direction,
    gating: metric.gate.gate !== false, baseline: test.baseline, pr: test.shared ? test.pr : test.prAll, delta: test.delta,
    ci: test.ci, pRaw: test.pRaw, pHolm, improved: test.improved, regressed: test.regressed, shared: test.shared,
    detectableDrop: test.detectableDrop, ...decision,
  };
}

function fromRatio(test: RatioTest, rule: RatioPolicy['statistics'][number]): MetricComparison {
  const { metric } = test;
  const label = test.statistic === 'sum' ? metric.name : `${metric.name} ${test.statistic}`;
  return {
    name: label, metric: metric.metric, family: metric.family, scale: metric.scale, direction: metric.direction,
    gating: metric.gate.gate !== false, baseline: test.baseline,
    pr: test.pr,
    delta: test.baseline !== null && test.pr !== null ? test.pr - test.baseline : null, ratio: test.ratio, ci: test.ci,
    pRaw: null, pHolm: null, improved: 0, regressed: 0, shared: test.shared, detectableDrop: null, ...decideRatio(test, rule),
  };
}

/** One metric's values: on the shared cases (aligned, id order) and on all of the PR's cases. */
interface MetricValues {
  base: CaseValues;
  pr: CaseValues;
  prAll: CaseValues;
}

function regressedCases(tests: PairedTest[], values: Map<string, MetricValues>, shared: CaseResult[], sharedBase: CaseResult[]): CaseDiff[] {
  const diffs: CaseDiff[] = [];
  shared.forEach((testCase, index) => {
    const deltas: Record<string, number> = {};
    let drop = 0;
    for (const { metric } of tests) {
      const b = values.get(metric.name)?.base[index] ?? Number.NaN;
      const p = values.get(metric.name)?.pr[index] ?? Number.NaN;
      if (Number.isNaN(b) || Number.isNaN(p) || b === p) continue;
      deltas[metric.name] = p - b;
      const oriented = metric.direction === 'lower-is-better' ? b - p : p - b;
      if (oriented < 0 && metric.gate.gate !== false) drop -= oriented;
    }
    if (drop > 0) {
      const before = sharedBase[index];
      diffs.push({ id: testCase.id, inputs: testCase.inputs, baselineOutput: before?.samples[0]?.output ?? null, prOutput: testCase.samples[0]?.output ?? null, deltas, drop });
    }
  });
  return diffs.sort((a, b) => b.drop - a.drop || (a.id < b.id ? -1 : 1)).slice(0, TOP_REGRESSED);
}

function metricValues(metric: MetricInfo, base: SuiteResult | undefined, pr: SuiteResult, sharedIndexes: number[], sharedBase: CaseResult[]): MetricValues {
  const prAll = caseValues(pr.cases, metric);
  const match = comparable(metric, base);
  return {
    prAll,
    pr: Float64Array.from(sharedIndexes, (index) => prAll[index] as number),
    base: match ? caseValues(sharedBase, match) : new Float64Array(sharedIndexes.length).fill(Number.NaN),
  };
}

/** A case fails a metric when its value misses the metric's per-case pass mark. */
function wasFailing(testCase: CaseResult, metrics: readonly MetricInfo[]): boolean {
  return metrics.some((metric) => {
    const { threshold } = metric;
    if (threshold === undefined || metric.gate.gate === false) return false;
    return testCase.samples.some((sample) => {
      const value = sample.scores[metric.name]?.value;
      if (value === null || value === undefined) return sample.output === null;
      return metric.direction === 'higher-is-better' ? value < threshold : value > threshold;
    });
  });
}

function spendOf(cases: readonly CaseResult[], pick: (sample: CaseResult['samples'][number]) => number | undefined): number {
  let total = 0;
  for (const testCase of cases) for (const sample of testCase.samples) total += pick(sample) ?? 0;
  return total;
}

/** compare one suite: align cases, test every metric, decide. */
export function compareSuite(pr: SuiteResult, base: SuiteResult | undefined): SuiteComparison {
  const header = { name: pr.name, file: pr.file, shared: 0, metrics: [], added: [], removed: [], regressedCases: [], erroredCases: [] };
  if (pr.status === 'skipped') return { ...header, outcome: 'skipped', verdict: 'pass', note: pr.skipReason ?? 'skipped' };
  const erroredCases = pr.cases.flatMap((testCase) => {
    const error = caseErrored(testCase);
    return error === undefined ? [] : [{ id: testCase.id, error }];
  });
  if (pr.cases.length > 0 && erroredCases.length === pr.cases.length) {
    return { ...header, erroredCases, outcome: 'could-not-run', verdict: 'error', note: `every case failed to run, e.g. ${erroredCases[0]?.error ?? ''}` };
  }
  const baseCases = new Map((base?.status === 'ran' ? base.cases : []).map((testCase) => [key(testCase), testCase]));
  const prKeys = pr.cases.map(key);
  const prKeySet = new Set(prKeys);
  // Shared cases in id order: resampling draws the same cases whatever order the suite lists them in.
  const sharedIndexes = prKeys.flatMap((caseKey, index) => (baseCases.has(caseKey) ? [index] : []));
  sharedIndexes.sort((a, b) => {
    const [left, right] = [pr.cases[a]?.id ?? '', pr.cases[b]?.id ?? ''];
    return left < right ? -1 : left > right ? 1 : 0;
  });
  const shared = sharedIndexes.map((index) => pr.cases[index] as CaseResult);
  const sharedBase = sharedIndexes.map((index) => baseCases.get(prKeys[index] as string) as CaseResult);
  const added = pr.cases.filter((_, index) => !baseCases.has(prKeys[index] as string)).map(ref);
  const removed = [...baseCases].filter(([caseKey]) => !prKeySet.has(caseKey)).map(([, testCase]) => testCase).map((testCase) => ({ ...ref(testCase), wasFailing: wasFailing(testCase, base?.metrics ?? []) }));

  const values = new Map(pr.metrics.map((metric) => [metric.name, metricValues(metric, base, pr, sharedIndexes, sharedBase)]));
  const valuesOf = (metric: MetricInfo) => values.get(metric.name) as MetricValues;
  const paired = pr.metrics.filter(isPaired).map((metric) => {
    const { base: b, pr: p, prAll } = valuesOf(metric);
    const present = presentValues(prAll);
    return pairedTest(metric, b, p, present.length ? mean(present) : null, pr.alpha, pr.repeat);
  });
  const holmFamily = paired.filter((test) => test.pRaw !== null && test.metric.gate.gate !== false && policyOf(test.metric).multipleTesting);
  const adjusted = holm(holmFamily.map((test) => test.pRaw ?? 1));
  const minShared = Math.max(20, Math.ceil(baseCases.size / 2));
  const metrics: MetricComparison[] = paired.map((test) => {
    const index = holmFamily.indexOf(test);
    const pHolm = index >= 0 ? adjusted[index] ?? null : null;
    return fromPaired(test, pHolm, decidePaired(test, { alpha: pr.alpha, suiteTolerance: pr.tolerance, minShared, pHolm }));
  });
  for (const metric of pr.metrics) {
    const policy = policyOf(metric);
    if (policy.test !== 'ratio') continue;
    const { base: b, pr: p, prAll } = valuesOf(metric);
    for (const rule of policy.statistics) metrics.push(fromRatio(ratioTest(metric, rule.statistic, b, p, prAll), rule));
  }
  const removedFailing = removed.filter((testCase) => testCase.wasFailing).length;
  const verdict = worst([...metrics.filter((metric) => metric.gating).map((metric) => metric.status), removedFailing ? 'warn' : 'pass']);
  return {
    ...header,
    outcome: base && base.status === 'ran' ? 'compared' : 'new',
    ...(removedFailing ? { note: `${removedFailing} removed case(s) were failing on the baseline: was a hard case dropped?` } : {}),
    verdict,
    shared: shared.length,
    metrics,
    added,
    removed,
    regressedCases: regressedCases(paired, values, shared, sharedBase),
    erroredCases,
    spend: {
      flowUsd: spendOf(pr.cases, (sample) => sample.costUsd),
      evaluatorUsd: spendOf(pr.cases, (sample) => sample.evaluatorCostUsd),
      baselineFlowUsd: base?.status === 'ran' ? spendOf(base.cases, (sample) => sample.costUsd) : null,
    },
  };
}
