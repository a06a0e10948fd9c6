import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import type { SuiteResult } from '../../src/results/types.js';
import { binary, binaryCases, likert, results, suite } from './build.js';
import type { CaseSpec } from './build.js';

const judgeCases = (n: number, score: (index: number) => number): CaseSpec[] => Array.from({ length: n }, (_, index) => ({ id: `c${String(index).padStart(3, '0')}`, values: { relevance: score(index), exact: 1 } }));

/** The PR's judge fails on the cases `failing` picks, with `message`. */
function judgeErrors(run: SuiteResult, failing: (index: number) => boolean, message: (index: number) => string): SuiteResult {
  run.cases.forEach((testCase, index) => {
    if (!failing(index)) return;
    for (const sample of testCase.samples) sample.scores.relevance = { status: 'error', error: message(index) };
  });
  return run;
}

describe('errors are their own outcome, never a score', () => {
  it('leaves errored scores out of the metric’s test and lists them with their messages', () => {
    const metrics = [likert('relevance'), binary('exact')];
    const base = suite(judgeCases(100, () => 4), metrics);
    const pr = judgeErrors(suite(judgeCases(100, () => 4), metrics), (index) => index < 10, (index) => (index < 7 ? 'judge: HTTP 401 invalid_api_key' : 'judge answer is not a number: "N/A"'));
    const comparison = compare(results(base), results(pr));
    const [compared] = comparison.suites;
    expect(compared?.metrics.find((metric) => metric.name === 'relevance')).toMatchObject({ shared: 90, delta: 0, status: 'pass' });
    expect(compared?.metricErrors).toEqual([{ metric: 'relevance', count: 10, cases: 10, messages: [{ message: 'judge: HTTP 401 invalid_api_key', count: 7 }, { message: 'judge answer is not a number: "N/A"', count: 3 }] }]);
  });

  it('a judge outage in the PR is never a regression: the metric is not compared (incomplete) and the headline names it', () => {
    const metrics = [likert('relevance'), binary('exact')];
    const base = suite(judgeCases(100, () => 5), metrics);
    const pr = judgeErrors(suite(judgeCases(100, () => 5), metrics), () => true, () => 'judge: temperature is not supported with this model');
    const comparison = compare(results(base), results(pr));
    expect(comparison.verdict).toBe('incomplete');
    expect(comparison.regressions).toBe(0);
    expect(comparison.suites[0]?.metrics.find((metric) => metric.name === 'relevance')).toMatchObject({ status: 'incomplete', reason: expect.stringContaining('temperature is not supported') });
    expect(comparison.coverage).toEqual([expect.objectContaining({ suite: 'suite', metric: 'relevance', reason: expect.stringMatching(/^errored: errors on 100 of 100 cases \(judge: temperature is not supported/) })]);
    expect(comparison.headline).toMatch(/^not everything was compared \(1\): suite › relevance: errored/);
  });

  it('a judge that errors more on the answers that would pass: could not be evaluated (incomplete), never FAIL, whatever its p', () => {
    const metrics = [likert('relevance'), binary('exact')];
    // Baseline: half the cases score 5, half 1. PR: the same answers, but the judge errors on 60 %
    // of the good ones — what is left scores far lower (p tiny), and the outage note must stay.
    const base = suite(judgeCases(100, (index) => (index % 2 ? 5 : 1)), metrics);
    const pr = judgeErrors(suite(judgeCases(100, (index) => (index % 2 ? 5 : 1)), metrics), (index) => index % 2 === 1 && index % 10 !== 1 && index % 10 !== 3, () => 'judge: HTTP 503 overloaded');
    const broken = compare(results(base), results(pr));
    expect(broken.suites[0]?.metricErrors[0]).toMatchObject({ metric: 'relevance', cases: 30 });
    expect(broken.regressions).toBe(0);
    expect(broken.verdict).toBe('incomplete');
    expect(broken.suites[0]?.metrics.find((metric) => metric.name === 'relevance')).toMatchObject({ status: 'incomplete', reason: expect.stringMatching(/^could not be evaluated: errors on 30 of 100 cases \(judge: HTTP 503 overloaded\)/) });
    expect(broken.headline).toMatch(/^not everything was compared \(1\): .*relevance.*errors on 30 of 100 cases \(judge: HTTP 503 overloaded\)/);
  });

  it('errors below the share that could explain the drop (counted at their best) never make a FAIL', () => {
    const metrics = [likert('relevance'), binary('exact')];
    // Base: 70 cases score 5, 30 score 1. PR: 20 of the 70 fall to 1, 20 of the 30 rise to 5 —
    // no change overall — but the judge errors on 18 of the 20 that rose (answers it would score well).
    const base = suite(judgeCases(100, (index) => (index < 70 ? 5 : 1)), metrics);
    const pr = judgeErrors(suite(judgeCases(100, (index) => (index < 20 ? 1 : index < 70 ? 5 : index < 90 ? 5 : 1)), metrics), (index) => index >= 70 && index < 88, () => 'judge: HTTP 503 overloaded');
    const comparison = compare(results(base), results(pr));
    const relevance = comparison.suites[0]?.metrics.find((metric) => metric.name === 'relevance');
    // What is left looks like a 22-pt drop with a tiny p; with the 18 errors counted at 5 there is none.
    expect(relevance?.pRaw).toBeLessThan(1e-4);
    expect(relevance).toMatchObject({ status: 'pass', pHolm: 1, reason: expect.stringMatching(/^dropped 22\.0 pts, but the 18 sample\(s\) it could not score could explain it: counted at their best, no drop/) });
    expect(comparison.verdict).toBe('pass');
    // A real 20-pt drop survives a few errors: 5 errored cases counted at 5 still leave 15 pts.
    const real = judgeErrors(suite(judgeCases(100, (index) => (index < 20 ? 1 : index < 70 ? 5 : 1)), metrics), (index) => index >= 70 && index < 75, () => 'judge: HTTP 503 overloaded');
    expect(compare(results(base), results(real)).suites[0]?.metrics.find((metric) => metric.name === 'relevance')).toMatchObject({ status: 'fail' });
  });

  it('a suite with more than 20 % infrastructure failures could not run; fewer are left out', () => {
    const base = binaryCases(50, () => true);
    const flaky = (share: number): CaseSpec[] => binaryCases(50, () => true).map((spec, index) => (index < share * 50 ? { ...spec, error: 'HTTP 429 rate limited (after 3 retries)' } : spec));
    const many = compare(results(suite(base, [binary('exact')])), results(suite(flaky(0.3), [binary('exact')])));
    expect(many.suites[0]).toMatchObject({ outcome: 'could-not-run', verdict: 'error', note: expect.stringMatching(/^infrastructure failures on 15 of 50 cases/) });
    const few = compare(results(suite(base, [binary('exact')])), results(suite(flaky(0.1), [binary('exact')])));
    expect(few.suites[0]).toMatchObject({ outcome: 'compared', verdict: 'pass', shared: 50 });
    expect(few.suites[0]?.metrics[0]).toMatchObject({ regressed: 0, status: 'pass' });
  });

  it('application failures are a regression, even when every case crashed', () => {
    const base = binaryCases(50, () => true);
    const crashed = binaryCases(50, () => true).map((spec) => ({ ...spec, error: 'command exited with code 1: Traceback (most recent call last)' }));
    const comparison = compare(results(suite(base, [binary('exact')])), results(suite(crashed, [binary('exact')])));
    expect(comparison.verdict).toBe('fail');
    expect(comparison.suites[0]?.metrics[0]).toMatchObject({ regressed: 50, status: 'fail' });
  });
});

describe('the gate comes from the base', () => {
  it('a PR that loosens its own tolerance is still judged by the baseline’s, and the change is listed', () => {
    const f1 = (tolerance?: number) => binary('f1', tolerance === undefined ? {} : { gate: { tolerance } });
    const base = suite(binaryCases(200, () => true, 'f1'), [f1(0.05)]);
    const pr = suite(binaryCases(200, (index) => index >= 30, 'f1'), [f1(0.5)]);
    const comparison = compare(results(base), results(pr));
    expect(comparison.suites[0]?.metrics[0]).toMatchObject({ status: 'fail' });
    expect(comparison.suites[0]?.gateChanges).toEqual(['this PR loosens f1 tolerance 0.05 → 0.5; takes effect after merge']);
  });

  it('lists a PR that turns stopping early on or off for its suite (the base’s setting decides this run)', () => {
    const base = suite(binaryCases(50, () => true), [binary('exact')]);
    const off = { ...base, stopEarly: false };
    expect(compare(results(base), results(off)).suites[0]?.gateChanges).toEqual(['this PR tightens the suite sequential unset → false; takes effect after merge']);
    expect(compare(results(off), results(base)).suites[0]?.gateChanges).toEqual(['this PR loosens the suite sequential false → unset; takes effect after merge']);
    expect(compare(results(off), results(off)).suites[0]?.gateChanges).toEqual([]);
  });

  it('uses the baseline’s suite alpha and tolerance and lists the PR’s changes', () => {
    const base = suite(binaryCases(200, () => true), [binary('exact')], { tolerance: 0.05 });
    const pr = suite(binaryCases(200, (index) => index >= 30), [binary('exact')], { tolerance: 0.3, alpha: 0.001 });
    const comparison = compare(results(base), results(pr));
    expect(comparison.verdict).toBe('fail');
    expect(comparison.family.alpha).toBe(0.05);
    expect(comparison.suites[0]?.gateChanges).toEqual([
      'this PR loosens the suite alpha 0.05 → 0.001; takes effect after merge',
      'this PR loosens the suite tolerance 0.05 → 0.3; takes effect after merge',
    ]);
  });
});
