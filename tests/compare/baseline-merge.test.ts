import { describe, expect, it } from 'vitest';
import { mergeBaseline, unfitReason } from '../../src/compare/baseline-merge.js';
import { binary, binaryCases, likert, results, suite } from '../compare/build.js';

const good = (name: string, n = 30) => suite(binaryCases(n, () => true), [binary('exact')], { name, file: `evals/${name}.eval.yaml` });

describe('baseline merge', () => {
  it('replaces suites that ran cleanly and reports the diff', () => {
    const merged = mergeBaseline(results(good('a', 30)), results(good('a', 32)));
    expect(merged.updated).toEqual(['a']);
    expect(merged.results.suites[0]?.cases).toHaveLength(32);
    expect(merged.diff).toEqual(['~ a: replaced (cases 30 → 32)']);
  });

  it('keeps the previous entry of a skipped suite and says so', () => {
    const skipped = suite([], [binary('exact')], { name: 'a', status: 'skipped', skipReason: 'needs a model API key' });
    const previous = results(good('a'));
    const merged = mergeBaseline(previous, results(skipped));
    expect(merged.results.suites).toEqual(previous.suites);
    expect(merged.updated).toEqual([]);
    expect(merged.kept).toEqual([expect.objectContaining({ suite: 'a', reason: 'skipped (needs a model API key)', previousKept: true, blocking: true })]);
    expect(merged.diff).toEqual(['= a: kept the previous entry — this run skipped (needs a model API key)']);
  });

  it('never stores a run whose flow could not reach its provider over a good entry', () => {
    const broken = suite(binaryCases(30, () => true).map((spec) => ({ ...spec, error: 'connect ECONNREFUSED 127.0.0.1:443' })), [binary('exact')], { name: 'a' });
    const previous = results(good('a'));
    const merged = mergeBaseline(previous, results(broken, good('b')));
    expect(merged.results.suites.map((entry) => entry.name)).toEqual(['a', 'b']);
    expect(merged.results.suites[0]).toBe(previous.suites[0]);
    expect(merged.kept).toEqual([expect.objectContaining({ suite: 'a', reason: expect.stringMatching(/^could not run: infrastructure failures on 30 of 30 cases/) })]);
    expect(merged.updated).toEqual(['b']);
  });

  it('does not store a skipped suite that has no previous entry, and records why in run.unstored', () => {
    const skipped = suite([], [binary('exact')], { name: 'chat', status: 'skipped', skipReason: 'needs a model API key' });
    const merged = mergeBaseline(results(good('a')), results(good('a'), skipped));
    expect(merged.results.suites.map((entry) => entry.name)).toEqual(['a']);
    expect(merged.results.run.unstored).toEqual([{ suite: 'chat', reason: 'skipped (needs a model API key)' }]);
    expect(merged.kept).toEqual([expect.objectContaining({ suite: 'chat', previousKept: false, blocking: true })]);
  });

  it('keeps the previous values of a metric skipped in this run, case by case, and refreshes the others', () => {
    const metrics = [binary('exact'), likert('relevance')];
    const previous = suite(binaryCases(30, () => true).map((spec) => ({ ...spec, values: { ...spec.values, relevance: 4 } })), metrics, { name: 'a' });
    const fresh = suite(binaryCases(30, (index) => index > 0), metrics, { name: 'a' });
    for (const testCase of fresh.cases) for (const sample of testCase.samples) sample.scores.relevance = { status: 'skipped', reason: 'needs a model API key' };
    const merged = mergeBaseline(results(previous), results(fresh));
    const [stored] = merged.results.suites;
    expect(stored?.cases[0]?.samples[0]?.scores).toEqual({ exact: { status: 'ok', value: 0 }, relevance: { status: 'ok', value: 4 } });
    expect(stored?.metrics.find((metric) => metric.name === 'relevance')).toBe(previous.metrics[1]);
    expect(merged.kept).toEqual([expect.objectContaining({ suite: 'a', metric: 'relevance', reason: 'relevance was skipped on every case (needs a model API key)', previousKept: true, blocking: true })]);
    expect(merged.diff[0]).toMatch(/relevance kept its previous values/);
  });

  it('drops a metric skipped with no previous values instead of storing a placeholder; an always-n/a metric does not block', () => {
    const fresh = suite(binaryCases(30, () => true), [binary('exact'), likert('relevance'), binary('contains')], { name: 'a' });
    for (const testCase of fresh.cases) for (const sample of testCase.samples) sample.scores.relevance = { status: 'skipped', reason: 'no key' };
    const merged = mergeBaseline(null, results(fresh));
    expect(merged.results.suites[0]?.metrics.map((metric) => metric.name)).toEqual(['exact']);
    expect(merged.kept.map((entry) => [entry.metric, entry.blocking])).toEqual([['relevance', true], ['contains', false]]);
  });

  it('drops suites the run no longer has when asked (the action\'s push runs every suite)', () => {
    const merged = mergeBaseline(results(good('a'), good('b')), results(good('b')), { dropUnrun: true });
    expect(merged.results.suites.map((entry) => entry.name)).toEqual(['b']);
    expect(merged.diff).toContain('- a: no longer run, removed from the baseline');
  });

  it('never stores a judge outage: a metric that errored on most cases keeps its previous values', () => {
    const previous = suite(Array.from({ length: 30 }, (_, index) => ({ id: `c${index}`, values: { relevance: 4 } })), [likert('relevance')], { name: 'a' });
    const outage = suite(Array.from({ length: 30 }, (_, index) => ({ id: `c${index}`, values: { relevance: 5 } })), [likert('relevance')], { name: 'a' });
    for (const testCase of outage.cases) for (const sample of testCase.samples) sample.scores.relevance = { status: 'error', error: 'HTTP 401' };
    expect(unfitReason(outage)).toBeUndefined();
    const merged = mergeBaseline(results(previous), results(outage));
    expect(merged.kept).toEqual([expect.objectContaining({ metric: 'relevance', reason: 'relevance errored on 30 of 30 cases (HTTP 401)', previousKept: true })]);
    expect(merged.results.suites[0]?.cases[0]?.samples[0]?.scores.relevance).toEqual({ status: 'ok', value: 4 });
  });

  it('merges a subset run into the existing baseline instead of dropping the other suites', () => {
    const merged = mergeBaseline(results(good('a'), good('b')), results(good('b', 40)));
    expect(merged.results.suites.map((entry) => [entry.name, entry.cases.length])).toEqual([['b', 40], ['a', 30]]);
    expect(merged.diff).toEqual(['~ b: replaced (cases 30 → 40)', '= a: not run this time, kept']);
  });

  it('lists metric and gate changes of a replaced suite, and new suites', () => {
    const changed = suite(binaryCases(30, () => true).map((spec) => ({ ...spec, values: { ...spec.values, f1: 1 } })), [binary('exact', { gate: { tolerance: 0.5 } }), binary('f1')], { name: 'a' });
    const merged = mergeBaseline(results(good('a')), results(changed, good('c')));
    expect(merged.diff).toEqual(['~ a: replaced (cases 30 → 30; metrics added: f1; evaluator or gate changed: exact)', '+ c: new (30 cases, metrics exact)']);
  });
});
