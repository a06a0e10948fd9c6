import { describe, expect, it } from 'vitest';
import { mergeBaseline, unfitReason } from '../../src/results/merge-baseline.js';
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
    expect(merged.kept).toEqual([{ suite: 'a', reason: 'skipped (needs a model API key)' }]);
    expect(merged.diff).toEqual(['= a: kept the previous entry — this run skipped (needs a model API key)']);
  });

  it('never stores a run whose flow could not reach its provider over a good entry', () => {
    const broken = suite(binaryCases(30, () => true).map((spec) => ({ ...spec, error: 'connect ECONNREFUSED 127.0.0.1:443' })), [binary('exact')], { name: 'a' });
    const previous = results(good('a'));
    const merged = mergeBaseline(previous, results(broken, good('b')));
    expect(merged.results.suites.map((entry) => entry.name)).toEqual(['a', 'b']);
    expect(merged.results.suites[0]).toBe(previous.suites[0]);
    expect(merged.kept).toEqual([{ suite: 'a', reason: 'could not run: infrastructure failures on 30 of 30 cases' }]);
    expect(merged.updated).toEqual(['b']);
  });

  it('never stores a judge outage: a metric that errored on most cases keeps the previous entry', () => {
    const outage = suite(Array.from({ length: 30 }, (_, index) => ({ id: `c${index}`, values: { relevance: 5 } })), [likert('relevance')], { name: 'a' });
    for (const testCase of outage.cases) for (const sample of testCase.samples) sample.scores.relevance = { status: 'error', error: 'HTTP 401' };
    expect(unfitReason(outage)).toBe('could not run: relevance errored on 30 of 30 cases');
    expect(mergeBaseline(results(good('a')), results(outage)).updated).toEqual([]);
  });

  it('merges a subset run into the existing baseline instead of dropping the other suites', () => {
    const merged = mergeBaseline(results(good('a'), good('b')), results(good('b', 40)));
    expect(merged.results.suites.map((entry) => [entry.name, entry.cases.length])).toEqual([['b', 40], ['a', 30]]);
    expect(merged.diff).toEqual(['~ b: replaced (cases 30 → 40)', '= a: not run this time, kept']);
  });

  it('lists metric and gate changes of a replaced suite, and new suites', () => {
    const changed = suite(binaryCases(30, () => true), [binary('exact', { gate: { tolerance: 0.5 } }), binary('f1')], { name: 'a' });
    const merged = mergeBaseline(results(good('a')), results(changed, good('c')));
    expect(merged.diff).toEqual(['~ a: replaced (cases 30 → 30; metrics added: f1; evaluator or gate changed: exact)', '+ c: new (30 cases, metrics exact)']);
  });
});
