import { describe, expect, it } from 'vitest';
import { determinismOf } from '../../src/results/determinism.js';
import { mergeBaseline } from '../../src/compare/baseline-merge.js';
import type { SuiteResult } from '../../src/results/types.js';
import { binary, binaryCases, likert, results, suite } from '../compare/build.js';

const metrics = [binary('exact'), likert('relevance')];
const run = (n = 30, extra: Partial<SuiteResult> = {}) => suite(binaryCases(n, (index) => index % 3 > 0).map((spec, index) => ({ ...spec, values: { ...spec.values, relevance: 1 + (index % 5) } })), metrics, extra);

describe('evidence of a noise-free flow, stored in the baseline', () => {
  it('a refresh whose unchanged cases gave identical answers and scores stores it for the suite hash', () => {
    const merged = mergeBaseline(results(run()), results(run()));
    expect(merged.results.suites[0]?.determinism).toEqual({ hash: 'x', source: 'refresh', cases: 30, metrics: ['exact', 'relevance'] });
  });

  it('keeps only the metrics that agreed: a judge that scored one case differently is not noise-free', () => {
    const noisy = run();
    const sample = noisy.cases[4]?.samples[0];
    if (sample) sample.scores.relevance = { status: 'ok', value: 2 };
    expect(determinismOf(run(), noisy)).toMatchObject({ source: 'refresh', metrics: ['exact'] });
  });

  it('one unchanged case that answered differently withdraws it, even evidence stored before', () => {
    const previous = { ...run(), determinism: { hash: 'x', source: 'refresh' as const, cases: 30, metrics: ['exact'] } };
    const changed = run();
    const sample = changed.cases[7]?.samples[0];
    if (sample) sample.output = 'another answer';
    expect(determinismOf(previous, changed)).toBeUndefined();
  });

  it('expires when the flow or an evaluator changes (another suite hash)', () => {
    const previous = { ...run(), determinism: { hash: 'x', source: 'refresh' as const, cases: 30, metrics: ['exact'] } };
    expect(determinismOf(previous, run(30, { hash: 'y' }))).toBeUndefined();
  });

  it('cached answers prove nothing; too few comparable cases keep what was known', () => {
    const cached = run();
    for (const testCase of cached.cases) for (const sample of testCase.samples) sample.cached = true;
    expect(determinismOf(run(), cached)).toBeUndefined();
    expect(determinismOf(run(10), run(10))).toBeUndefined();
    const known = { hash: 'x', source: 'refresh' as const, cases: 30, metrics: ['exact'] };
    expect(determinismOf({ ...run(), determinism: known }, cached)).toEqual(known);
  });

  it('the repeat: k samples of every case agreeing is evidence too', () => {
    const repeated = suite(binaryCases(25, () => true).map((spec) => ({ ...spec, values: { exact: [1, 1] } })), [binary('exact')], { repeat: 2 });
    expect(determinismOf(undefined, repeated)).toEqual({ hash: 'x', source: 'repeat', cases: 25, metrics: ['exact'] });
    const differing = suite(binaryCases(25, () => true).map((spec, index) => ({ ...spec, values: { exact: index === 3 ? [1, 0] : [1, 1] } })), [binary('exact')], { repeat: 2 });
    expect(determinismOf(undefined, differing)).toBeUndefined();
  });

  it('a run stores only the evidence the merge measured: evidence a run claims for itself is dropped', () => {
    const claimed = { ...run(), determinism: { hash: 'x', source: 'refresh' as const, cases: 99, metrics: ['exact'] } };
    expect(mergeBaseline(null, results(claimed)).results.suites[0]?.determinism).toBeUndefined();
  });
});
