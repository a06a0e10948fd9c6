import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { settleMetrics } from '../../src/evaluate/settle.js';
import type { CaseResult, SuiteResult } from '../../src/results/types.js';
import { costMetric, results, suite, unit } from '../compare/build.js';

/** A run of an unpriced local model: every sample has tokens and a "no price" n/a cost record, no USD. */
function unpricedRun(completion: (index: number) => number): SuiteResult {
  const ran = suite(Array.from({ length: 40 }, (_, index) => ({ id: `c${index}`, values: { f1: 0.9 } })), [unit('f1'), costMetric]);
  const cases: CaseResult[] = ran.cases.map((testCase, index) => ({
    ...testCase,
    samples: testCase.samples.map((sample) => ({ ...sample, model: 'llama3.1:8b', usage: { prompt: 200, completion: completion(index), cached: 0, reasoning: 0 }, scores: { ...sample.scores, cost: { status: 'not-applicable' as const } } })),
  }));
  const settled = settleMetrics(ran.metrics, cases, 'llama3.1:8b');
  return { ...ran, ...settled };
}

describe('cost of a model with no price', () => {
  it('is measured in tokens (prompt + completion) and says so; no sample keeps a cost error', () => {
    const run = unpricedRun(() => 50);
    const cost = run.metrics.find((metric) => metric.name === 'cost');
    expect(cost?.scale).toEqual({ kind: 'amount', unit: 'tokens' });
    expect(cost?.note).toMatch(/no price for model "llama3\.1:8b": gating tokens \(prompt \+ completion\) instead of USD/);
    expect(cost?.configHash).not.toBe(costMetric.configHash);
    expect(run.cases.every((testCase) => testCase.samples.every((sample) => sample.scores.cost === undefined))).toBe(true);
  });

  it('keeps USD when every sample was priced', () => {
    const priced = suite([{ id: 'a', values: { cost: 0.001 } }], [costMetric]);
    expect(settleMetrics(priced.metrics, priced.cases, 'gpt-4o-mini').metrics).toEqual([costMetric]);
  });

  it('gates tokens with the ratio rule: twice the tokens fails, the same tokens pass, and the reason names why', () => {
    const base = unpricedRun(() => 50);
    const doubled = compare(results(base), results(unpricedRun(() => 450)));
    const cost = doubled.suites[0]?.metrics.find((metric) => metric.name === 'cost');
    expect(cost).toMatchObject({ status: 'fail', baseline: 40 * 250, pr: 40 * 650 });
    expect(cost?.reason).toContain('gating tokens (prompt + completion)');
    const same = compare(results(base), results(unpricedRun(() => 50)));
    expect(same.suites[0]?.metrics.find((metric) => metric.name === 'cost')?.status).toBe('pass');
  });
});
