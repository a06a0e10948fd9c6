import type { CaseResult, MetricInfo, SuiteResult } from '../results/types.js';
import type { CaseValues } from './case-values.js';
import { caseValues } from './case-values.js';
import { isGating } from './metric-policy.js';
import type { PairedTest } from './paired-test.js';
import type { CaseDiff, CaseRef, ChangedCase } from './types.js';

const TOP_REGRESSED = 10;

const key = (testCase: CaseResult) => testCase.id;
const ref = (testCase: CaseResult): CaseRef => ({ id: testCase.id, inputs: testCase.inputs });

/** The baseline's entry for a PR metric when the two measure the same thing (same metric, same evaluator config). */
export function comparable(metric: MetricInfo, base: SuiteResult | undefined): MetricInfo | undefined {
  const match = base?.metrics.find((candidate) => candidate.name === metric.name);
  return match && match.metric === metric.metric && match.configHash === metric.configHash ? match : undefined;
}

/** One metric's values: on the shared cases (aligned, id order) and on all of the PR's cases. */
export interface MetricValues {
  base: CaseValues;
  pr: CaseValues;
  prAll: CaseValues;
}

/** A case fails a metric when its value misses the metric's per-case pass mark. */
function wasFailing(testCase: CaseResult, metrics: readonly MetricInfo[]): boolean {
  return metrics.some((metric) => {
    const { threshold } = metric;
    if (threshold === undefined || !isGating(metric)) return false;
    return testCase.samples.some((sample) => {
      const value = sample.scores[metric.name]?.value;
      if (value === null || value === undefined) return sample.output === null;
      return metric.direction === 'higher-is-better' ? value < threshold : value > threshold;
    });
  });
}

/**
 * The PR's and the baseline's cases matched by id (the identity a user gives a case); shared
 * cases in id order. A renamed id is a removed case plus an added one.
 */
export interface Alignment {
  shared: CaseResult[];
  sharedBase: CaseResult[];
  sharedIndexes: number[];
  added: CaseRef[];
  removed: CaseRef[];
  /** Shared cases whose inputs changed, with the fields that did: compared by id, and flagged. */
  changedInputs: ChangedCase[];
  baseCount: number;
}

/** An input as the flow sees it in text: `3` from JSONL and `"3"` from CSV are the same input. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));

/**
 * The fields of a shared case whose value changed, or that the PR dropped. A field only the PR
 * has (a column added that the flow may not use) changes nothing; a number that became its text
 * (JSONL → CSV) is the same value.
 */
export function changedFields(base: Record<string, unknown>, pr: Record<string, unknown>): string[] {
  return Object.keys(base).filter((field) => !(field in pr) || asText(base[field]) !== asText(pr[field]));
}

export function align(pr: SuiteResult, base: SuiteResult | undefined): Alignment {
  const baseCases = new Map((base?.status === 'ran' ? base.cases : []).map((testCase) => [key(testCase), testCase]));
  const prKeys = pr.cases.map(key);
  const prKeySet = new Set(prKeys);
  // Shared cases in id order: resampling draws the same cases whatever order the suite lists them in.
  const sharedIndexes = prKeys.flatMap((caseKey, index) => (baseCases.has(caseKey) ? [index] : []));
  sharedIndexes.sort((a, b) => {
    const [left, right] = [pr.cases[a]?.id ?? '', pr.cases[b]?.id ?? ''];
    return left < right ? -1 : left > right ? 1 : 0;
  });
  return {
    sharedIndexes,
    shared: sharedIndexes.map((index) => pr.cases[index] as CaseResult),
    sharedBase: sharedIndexes.map((index) => baseCases.get(prKeys[index] as string) as CaseResult),
    added: pr.cases.filter((_, index) => !baseCases.has(prKeys[index] as string)).map(ref),
    removed: [...baseCases].filter(([caseKey]) => !prKeySet.has(caseKey)).map(([, testCase]) => ({ ...ref(testCase), wasFailing: wasFailing(testCase, base?.metrics ?? []) })),
    changedInputs: sharedIndexes.flatMap((index) => {
      const testCase = pr.cases[index] as CaseResult;
      const fields = changedFields((baseCases.get(testCase.id) as CaseResult).inputs, testCase.inputs);
      return fields.length ? [{ id: testCase.id, fields }] : [];
    }),
    baseCount: baseCases.size,
  };
}

export function metricValues(metric: MetricInfo, base: SuiteResult | undefined, pr: SuiteResult, alignment: Alignment): MetricValues {
  const prAll = caseValues(pr.cases, metric);
  const match = comparable(metric, base);
  return {
    prAll,
    pr: Float64Array.from(alignment.sharedIndexes, (index) => prAll[index] as number),
    base: match ? caseValues(alignment.sharedBase, match) : new Float64Array(alignment.sharedIndexes.length).fill(Number.NaN),
  };
}

export function regressedCases(tests: PairedTest[], values: Map<string, MetricValues>, alignment: Alignment): CaseDiff[] {
  const diffs: CaseDiff[] = [];
  alignment.shared.forEach((testCase, index) => {
    const deltas: Record<string, number> = {};
    let drop = 0;
    for (const { metric } of tests) {
      const b = values.get(metric.name)?.base[index] ?? Number.NaN;
      const p = values.get(metric.name)?.pr[index] ?? Number.NaN;
      if (Number.isNaN(b) || Number.isNaN(p) || b === p) continue;
      deltas[metric.name] = p - b;
      const oriented = metric.direction === 'lower-is-better' ? b - p : p - b;
      if (oriented < 0 && isGating(metric)) drop -= oriented;
    }
    if (drop > 0) {
      const before = alignment.sharedBase[index];
      diffs.push({ id: testCase.id, inputs: testCase.inputs, baselineOutput: before?.samples[0]?.output ?? null, prOutput: testCase.samples[0]?.output ?? null, deltas, drop });
    }
  });
  return diffs.sort((a, b) => b.drop - a.drop || (a.id < b.id ? -1 : 1)).slice(0, TOP_REGRESSED);
}

export function spendOf(cases: readonly CaseResult[], pick: (sample: CaseResult['samples'][number]) => number | undefined): number {
  let total = 0;
  for (const testCase of cases) for (const sample of testCase.samples) total += pick(sample) ?? 0;
  return total;
}
