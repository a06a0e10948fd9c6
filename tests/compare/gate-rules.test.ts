import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { renderWithin } from '../../src/report/markdown.js';
import { binary, binaryCases, costMetric, latencyMetric, likert, results, suite, unit } from './build.js';
import type { CaseSpec } from './build.js';

const metricOf = (comparison: ReturnType<typeof compare>, name: string) => comparison.suites[0]?.metrics.find((metric) => metric.name === name);

describe('gate rules', () => {
  it('fails a large, significant drop (binary, McNemar)', () => {
    const base = binaryCases(200, (index) => index < 180);
    const pr = binaryCases(200, (index) => index < 150);
    const comparison = compare(results(suite(base, [binary('exact')])), results(suite(pr, [binary('exact')])));
    expect(metricOf(comparison, 'exact')).toMatchObject({ status: 'fail', regressed: 30, improved: 0 });
    expect(comparison).toMatchObject({ verdict: 'fail', regressions: 1 });
    expect(comparison.headline).toMatch(/1 metric\(s\) regressed — suite › exact: dropped 15\.0 pts/);
  });

  it('passes a significant drop smaller than the tolerance', () => {
    const base = binaryCases(1000, () => true);
    const pr = binaryCases(1000, (index) => index >= 20);
    const metric = metricOf(compare(results(suite(base, [binary('exact')])), results(suite(pr, [binary('exact')]))), 'exact');
    expect(metric?.pRaw).toBeLessThan(0.001);
    expect(metric).toMatchObject({ status: 'pass', reason: expect.stringMatching(/below the tolerance/) });
  });

  it('applies floors to the PR’s full case set, even without a significant drop', () => {
    const base = binaryCases(40, (index) => index < 30);
    const pr = binaryCases(40, (index) => index < 30);
    const metrics = [binary('exact', { gate: { min: 0.8 } })];
    expect(metricOf(compare(results(suite(base, metrics)), results(suite(pr, metrics))), 'exact')).toMatchObject({ status: 'fail', reason: '0.750 is below the floor 0.8' });
  });

  it('is inconclusive with too few shared cases', () => {
    const base = binaryCases(10, () => true);
    const pr = binaryCases(10, (index) => index > 6);
    expect(metricOf(compare(results(suite(base, [binary('exact')])), results(suite(pr, [binary('exact')]))), 'exact')).toMatchObject({ status: 'warn', reason: 'inconclusive: only 10 shared cases (need 20)' });
  });

  it('never fails on a report-only metric and keeps it out of the verdict', () => {
    const base = binaryCases(200, () => true);
    const pr = binaryCases(200, (index) => index < 100);
    const comparison = compare(results(suite(base, [binary('exact', { gate: { gate: false } })])), results(suite(pr, [binary('exact', { gate: { gate: false } })])));
    expect(metricOf(comparison, 'exact')).toMatchObject({ status: 'pass', gating: false, reason: expect.stringMatching(/^report only/) });
    expect(comparison.verdict).toBe('pass');
  });

  it('maps 1–5 judge scores to (s − 1)/4 and uses the sign-flip test', () => {
    const spec = (shift: number): CaseSpec[] => Array.from({ length: 60 }, (_, index) => ({ id: `c${index}`, values: { relevance: Math.max(1, 5 - ((index % 3) + shift)) } }));
    const comparison = compare(results(suite(spec(0), [likert('relevance')])), results(suite(spec(1), [likert('relevance')])));
    const metric = metricOf(comparison, 'relevance');
    expect(metric?.baseline).toBeCloseTo(0.75, 12);
    expect(metric?.delta).toBeCloseTo(-0.25, 12);
    expect(metric?.pRaw).toBeCloseTo(1 / 10_001, 12);
    expect(metric?.status).toBe('fail');
  });

  it('averages k repeats per case before testing', () => {
    const base: CaseSpec[] = Array.from({ length: 30 }, (_, index) => ({ id: `c${index}`, values: { exact: [1, 1, index % 2] } }));
    const pr: CaseSpec[] = Array.from({ length: 30 }, (_, index) => ({ id: `c${index}`, values: { exact: [1, 0, index % 2] } }));
    const metric = metricOf(compare(results(suite(base, [binary('exact')], { repeat: 3 })), results(suite(pr, [binary('exact')], { repeat: 3 }))), 'exact');
    expect(metric?.delta).toBeCloseTo(-1 / 3, 12);
    expect(metric?.regressed).toBe(30);
    expect(metric?.status).toBe('fail');
  });

  it('counts application failures of the flow as 0 and leaves infrastructure failures out; lists both apart', () => {
    const base = binaryCases(40, () => true);
    const errors = ['command exited with code 1', 'HTTP 503 Service Unavailable', 'timed out: operation aborted'];
    const pr: CaseSpec[] = binaryCases(40, () => true).map((spec, index) => (index < 3 ? { ...spec, error: errors[index] as string } : spec));
    const comparison = compare(results(suite(base, [binary('exact')])), results(suite(pr, [binary('exact')])));
    expect(metricOf(comparison, 'exact')).toMatchObject({ regressed: 1, shared: 38 });
    expect(comparison.suites[0]?.erroredCases).toEqual([
      { id: 'case-0000', error: 'command exited with code 1', kind: 'application' },
      { id: 'case-0001', error: 'HTTP 503 Service Unavailable', kind: 'infrastructure' },
      { id: 'case-0002', error: 'timed out: operation aborted', kind: 'infrastructure' },
    ]);
  });

  it('counts an application failure as a defect for lower-is-better metrics', () => {
    const harm = binary('pii', { family: 'harm', direction: 'lower-is-better' });
    const base = binaryCases(60, () => false, 'pii');
    const pr: CaseSpec[] = binaryCases(60, () => false, 'pii').map((spec, index) => (index < 12 ? { ...spec, error: 'invalid JSON output' } : spec));
    expect(metricOf(compare(results(suite(base, [harm])), results(suite(pr, [harm]))), 'pii')).toMatchObject({ regressed: 12, status: 'fail' });
  });

  it('keeps "could not run" apart from "regressed"', () => {
    const base = binaryCases(30, () => true);
    const pr = binaryCases(30, () => true).map((spec) => ({ ...spec, error: 'connection refused' }));
    const comparison = compare(results(suite(base, [binary('exact')])), results(suite(pr, [binary('exact')])));
    expect(comparison.verdict).toBe('error');
    expect(comparison.regressions).toBe(0);
    expect(comparison.suites[0]).toMatchObject({ outcome: 'could-not-run', verdict: 'error' });
    expect(comparison.headline).toContain('could not run');
  });

  it('fails a significant rise of a harm defect rate', () => {
    const harm = binary('pii', { family: 'harm', direction: 'lower-is-better' });
    const base = binaryCases(100, () => false, 'pii');
    const pr = binaryCases(100, (index) => index < 8, 'pii');
    expect(metricOf(compare(results(suite(base, [harm])), results(suite(pr, [harm]))), 'pii')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/defect rate rose 8\.0 pts/) });
  });

  it('fails cost ×1.10+ significant by the permutation test, and latency p50 ×1.25+ when the suite gates latency', () => {
    const cases = (cost: number, ms: number): CaseSpec[] => Array.from({ length: 50 }, (_, index) => ({ id: `c${index}`, values: { cost: cost * (1 + (index % 5) / 10), latency: ms + (index % 7) } }));
    const gatedLatency = { ...latencyMetric, gate: { gate: true } };
    const comparison = compare(results(suite(cases(0.001, 100), [costMetric, gatedLatency])), results(suite(cases(0.0012, 140), [costMetric, gatedLatency])));
    expect(metricOf(comparison, 'cost')?.pRaw).toBeLessThan(0.001);
    expect(metricOf(comparison, 'cost')).toMatchObject({ status: 'fail' });
    expect(metricOf(comparison, 'cost')?.ratio).toBeCloseTo(1.2, 10);
    expect(metricOf(comparison, 'latency p50')).toMatchObject({ status: 'fail' });
    expect(metricOf(comparison, 'latency p95')).toMatchObject({ status: 'pass' });
  });

  it('passes cost within ×1.10 and warns on p95 latency alone when latency gates; report-only latency passes, saying what moved', () => {
    const cases = (ms: (index: number) => number): CaseSpec[] => Array.from({ length: 50 }, (_, index) => ({ id: `c${index}`, values: { cost: 0.001, latency: ms(index) } }));
    const run = (latency: typeof latencyMetric) => compare(results(suite(cases(() => 100), [costMetric, latency])), results(suite(cases((index) => (index > 45 ? 400 : 100)), [costMetric, latency])));
    const gated = run({ ...latencyMetric, gate: { gate: true } });
    expect(metricOf(gated, 'cost')).toMatchObject({ status: 'pass', ratio: 1 });
    expect(metricOf(gated, 'latency p50')).toMatchObject({ status: 'pass' });
    expect(metricOf(gated, 'latency p95')).toMatchObject({ status: 'warn' });
    expect(metricOf(run(latencyMetric), 'latency p95')).toMatchObject({ status: 'pass', reason: expect.stringMatching(/^report only \(by default; `gate: true` gates it\): p95 ×\d\.\d\d > ×1\.50/) });
  });

  it('aligns by id: a renamed id is removed + added; warns when a removed case was failing', () => {
    const base = suite(binaryCases(30, (index) => index !== 3), [binary('exact')]);
    const pr = suite(binaryCases(30, () => true), [binary('exact')]);
    pr.cases[3] = { ...(pr.cases[3] as (typeof pr.cases)[number]), id: 'case-0003-renamed' };
    pr.cases.push({ ...(pr.cases[0] as (typeof pr.cases)[number]), id: 'brand-new', hash: 'h-new' });
    const comparison = compare(results(base), results(pr));
    const [compared] = comparison.suites;
    expect(compared).toMatchObject({ shared: 29, added: [{ id: 'case-0003-renamed' }, { id: 'brand-new' }], removed: [{ id: 'case-0003', wasFailing: true }] });
    expect(compared?.verdict).not.toBe('pass');
  });

  it('keeps cases shared when a field is added or numbers became text (JSONL → CSV); flags a case whose inputs changed', () => {
    const specs = (inputs: (index: number) => Record<string, unknown>): CaseSpec[] => binaryCases(30, () => true).map((spec, index) => ({ ...spec, inputs: inputs(index) }));
    const base = suite(specs((index) => ({ question: `q${index}`, quantity: index })), [binary('exact')]);
    const csv = suite(specs((index) => ({ question: index === 7 ? 'another question' : `q${index}`, quantity: String(index), locale: 'en' })), [binary('exact')]);
    csv.cases.forEach((testCase) => Object.assign(testCase, { hash: `${testCase.hash}-csv` }));
    const [compared] = compare(results(base), results(csv)).suites;
    expect(compared).toMatchObject({ shared: 30, added: [], removed: [], changedInputs: [{ id: 'case-0007', fields: ['question'] }] });
    expect(renderWithin(compare(results(base), results(csv)), {}, 65_000)).toContain('**1 case(s) changed their inputs** since the baseline and are compared by id: `case-0007` (question)');
  });

  it('compares a metric only while its evaluator config is unchanged, and says so loudly when it changed', () => {
    const base = suite(binaryCases(30, () => true), [binary('exact', { configHash: 'old' })]);
    const pr = suite(binaryCases(30, () => false), [binary('exact', { configHash: 'new' })]);
    const comparison = compare(results(base), results(pr));
    expect(metricOf(comparison, 'exact')).toMatchObject({ baseline: null, status: 'incomplete', reason: expect.stringMatching(/^not comparable: the evaluator changed/) });
    expect(comparison.suites[0]?.notComparable).toEqual(['exact']);
    expect(comparison.verdict).toBe('incomplete');
    expect(comparison.headline).toMatch(/^not everything was compared \(1\): suite › exact: the evaluator changed/);
  });

  it('bootstrap (the base has no suites): reports and passes, saying nothing is gated yet; skipped and new suites are their own outcomes', () => {
    const comparison = compare(null, results(suite(binaryCases(30, () => false), [binary('exact')]), suite([], [unit('f1')], { name: 'model-suite', status: 'skipped', skipReason: 'needs a model API key' })));
    expect(comparison).toMatchObject({ verdict: 'pass', hasBaseline: false, bootstrap: true, coverage: [] });
    expect(comparison.suites.map((entry) => entry.outcome)).toEqual(['new', 'skipped']);
    expect(comparison.headline).toMatch(/^nothing is gated yet/);
  });

  it('reports the smallest drop that fails with 80 % power: never below the tolerance', () => {
    const base = binaryCases(200, (index) => index < 180);
    const metric = metricOf(compare(results(suite(base, [binary('exact')])), results(suite(base, [binary('exact')]))), 'exact');
    expect(metric?.detectableDrop).toBeCloseTo(0.05, 12);
  });
});
