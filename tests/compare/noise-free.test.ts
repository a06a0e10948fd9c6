import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { commentMarker, renderComment } from '../../src/report/comment.js';
import { renderHtmlReport } from '../../src/report/html/index.js';
import type { Determinism } from '../../src/results/types.js';
import { binary, binaryCases, results, suite } from './build.js';

const evidence: Determinism = { hash: 'x', source: 'refresh', cases: 20, metrics: ['exact'] };
const base = (determinism?: Determinism) => suite(binaryCases(20, () => true), [binary('exact')], determinism ? { determinism } : {});
// The PR changed the prompt (another suite hash) and broke 3 of the 20 answers.
const broken = suite(binaryCases(20, (index) => index >= 3), [binary('exact')], { hash: 'y' });

describe('no noise where there is none', () => {
  it('a deterministic app that breaks 3 of 20 answers FAILs on the measured drop, and the comment names the regime', () => {
    const comparison = compare(results(base(evidence)), results(broken));
    const [metric] = comparison.suites[0]?.metrics ?? [];
    expect(metric).toMatchObject({ status: 'fail', pHolm: null, detectableDrop: 0.05, reason: 'dropped 15.0 pts on a noise-free flow: the measured drop reaches the tolerance of 5.0 pts (3 of 20 cases worse, 0 better)' });
    expect(comparison.verdict).toBe('fail');
    // It takes no share of the PR's error budget.
    expect(comparison.family.tests).toBe(0);
    expect(comparison.suites[0]?.regime).toMatchObject({ kind: 'noise-free', metrics: ['exact'] });
    expect(renderComment(comparison, { marker: commentMarker('x') })).toContain('Regime: noise-free: identical answers and scores on 20 unchanged cases across two baseline runs, so exact gate the measured drop against the tolerance directly');
  });

  it('without the evidence the same PR is judged by the test: 3 of 3 discordant pairs is p = 1/8, no FAIL', () => {
    const comparison = compare(results(base()), results(broken));
    expect(comparison.suites[0]?.metrics[0]).toMatchObject({ status: 'pass', pRaw: 0.125 });
    expect(comparison.suites[0]?.regime).toBeUndefined();
  });

  it('a drop below the tolerance passes, saying so', () => {
    const one = suite(binaryCases(40, (index) => index >= 1), [binary('exact')], { hash: 'y' });
    const comparison = compare(results(suite(binaryCases(40, () => true), [binary('exact')], { determinism: { ...evidence, cases: 40 } })), results(one));
    expect(comparison.suites[0]?.metrics[0]).toMatchObject({ status: 'pass', reason: expect.stringMatching(/^dropped 2\.5 pts on a noise-free flow, below the tolerance/) });
  });

  it('the same flow answering an unchanged case differently contradicts the evidence: statistical, saying why', () => {
    const same = suite(binaryCases(20, (index) => index >= 3), [binary('exact')]);
    const sample = same.cases[10]?.samples[0];
    if (sample) sample.output = 'another answer';
    const comparison = compare(results(base(evidence)), results(same));
    expect(comparison.suites[0]?.regime).toMatchObject({ kind: 'statistical', reason: expect.stringMatching(/answered an unchanged case differently/) });
    expect(comparison.suites[0]?.metrics[0]).toMatchObject({ status: 'pass', pRaw: 0.125 });
  });

  it('the team’s own app (a command flow) breaking 3 of 20 answers on the same suite hash: the PR’s change, not noise — FAIL, noise-free', () => {
    // The app's code is outside the suite file, so the PR that broke it kept the suite hash.
    const app = suite(binaryCases(20, (index) => index >= 3), [binary('exact')], { flow: { kind: 'command', ownCode: true } });
    const comparison = compare(results(base(evidence)), results(app));
    expect(comparison.verdict).toBe('fail');
    expect(comparison.suites[0]?.metrics[0]).toMatchObject({ status: 'fail', pHolm: null, reason: 'dropped 15.0 pts on a noise-free flow: the measured drop reaches the tolerance of 5.0 pts (3 of 20 cases worse, 0 better)' });
    expect(comparison.suites[0]?.regime).toMatchObject({ kind: 'noise-free', reason: expect.stringMatching(/every answer that changed is taken as this PR’s change to the app$/) });
    const html = renderHtmlReport({ comparison, pr: results(app), baseline: results(base(evidence)) });
    expect(html).toContain('Regime: noise-free: identical answers and scores on 20 unchanged cases across two baseline runs');
    // The headline says on which cases, in words.
    expect(comparison.headline).toMatch(/^1 metric\(s\) regressed — suite › exact: dropped 15\.0 pts .*\(worst: case-0000, case-0001, case-0002\)$/);
  });

  it('evidence measured at another suite hash than the base entry’s own is ignored', () => {
    const comparison = compare(results(base({ ...evidence, hash: 'old' })), results(broken));
    expect(comparison.suites[0]?.regime).toBeUndefined();
    expect(comparison.suites[0]?.metrics[0]?.status).toBe('pass');
  });
});
