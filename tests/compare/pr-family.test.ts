import { describe, expect, it } from 'vitest';
import { methodSentence } from '../../src/compare/headline.js';
import { compare } from '../../src/compare/index.js';
import { mcnemarOneSided } from '../../src/compare/stats.js';
import { binary, binaryCases, costMetric, latencyMetric, results, suite } from './build.js';
import type { CaseSpec } from './build.js';

const named = (name: string, cases: CaseSpec[], extra = {}) => suite(cases, [binary('exact')], { name, file: `evals/${name}.eval.yaml`, ...extra });
// 200 cases, 12 regressed and none improved: McNemar p = 2⁻¹² ≈ 0.00024, a 6-pt drop.
const base200 = binaryCases(200, () => true);
const drop12 = binaryCases(200, (index) => index >= 12);
// 200 cases, 8 regressed: p = 2⁻⁸ ≈ 0.0039, a 4-pt drop... with tolerance 0.03.
const drop8 = binaryCases(200, (index) => index >= 8);
// An unchanged but noisy suite: the first `flips` cases change, half for the better, half for the worse.
const quiet = (n: number) => binaryCases(n, (index) => index % 2 === 0);
const jittered = (n: number, flips: number) => binaryCases(n, (index) => (index % 2 === 0) !== index < flips);

describe('one error budget per pull request', () => {
  it('adjusts every gating test of every suite together (Holm over the PR), not suite by suite', () => {
    const suites = (cases: CaseSpec[][]) => results(...cases.map((spec, index) => named(`s${index}`, spec, { tolerance: 0.03 })));
    const base = suites([base200, base200, base200]);
    const pr = suites([drop12, drop8, base200]);
    const comparison = compare(base, pr);
    expect(comparison.family).toEqual({ alpha: 0.05, warnAlpha: 0.1, tests: 3 });
    // Holm counting what each test can reach: at 2⁻¹² only the 12-pair test can fail (8 discordant
    // pairs give at best 2⁻⁸; an unchanged suite with none can never fail), so 2⁻¹² stays 2⁻¹²
    // (plain Holm: 3 × 2⁻¹²); at 2⁻⁸ the 8-pair test alone spends 2⁻⁸ (Holm: 2 × 2⁻⁸).
    expect(comparison.suites.map((entry) => entry.metrics[0]?.pHolm)).toEqual([2 ** -12, 2 ** -8, 1]);
    expect(comparison.suites.map((entry) => entry.metrics[0]?.status)).toEqual(['fail', 'fail', 'pass']);
    // The method is said apart from the headline (a <details> block, --explain).
    expect(methodSentence(comparison)).toContain('3 gating test(s) share one error budget α = 5 % (Holm): a 5 % chance that an unchanged PR fails');
    expect(comparison.headline).not.toMatch(/error budget|Holm|α/);
  });

  it('a borderline drop that passes alone fails to reach significance among many noisy suites', () => {
    // p = 2⁻⁶ ≈ 0.016 alone (FAIL at 0.05).
    const six = binaryCases(100, (index) => index >= 6);
    const alone = compare(results(named('a', binaryCases(100, () => true))), results(named('a', six)));
    expect(alone.suites[0]?.metrics[0]?.status).toBe('fail');
    // Beside 29 unchanged suites whose 20 flipped cases could each have given p ≤ 2⁻⁶ (16 or more
    // of 20 for the worse): each spends P(X ≥ 16), X ~ Bin(20, ½), of the budget → 0.187: not
    // significant at 0.05, and above the warn level 2α = 0.1: PASS, "within noise".
    const many = (first: CaseSpec[], rest: CaseSpec[]) => results(...Array.from({ length: 30 }, (_, index) => named(`s${index}`, index === 0 ? first : rest)));
    const pr = compare(many(binaryCases(100, () => true), quiet(100)), many(six, jittered(100, 20)));
    expect(pr.suites[0]?.metrics[0]).toMatchObject({ status: 'pass', reason: expect.stringMatching(/within noise/), pHolm: expect.closeTo(2 ** -6 + 29 * mcnemarOneSided(4, 16), 12) });
    expect(pr.verdict).toBe('pass');
    // Beside 29 suites that did not move at all (no case changed), nothing else could have failed: FAIL.
    const still = compare(many(binaryCases(100, () => true), quiet(100)), many(six, quiet(100)));
    expect(still.suites[0]?.metrics[0]).toMatchObject({ status: 'fail', pHolm: 2 ** -6 });
  });

  it('a test significant but below the tolerance enters the step-down with p = 1: it cannot FAIL, and its share is still charged', () => {
    // a: 500 cases, 62 regressed and 38 improved: a 4.8-pt drop (below 5), raw p ≈ 0.01. It could
    // reach the tolerance with 63 of the 100 discordant pairs: size P(X ≥ 63 | Bin(100, ½)).
    const aBase = binaryCases(500, (index) => index < 300);
    const aPr = binaryCases(500, (index) => (index < 300 ? index >= 62 : index < 338));
    // b: 100 cases, 20 regressed and 10 improved: a 10-pt drop, p = P(X ≥ 20 | Bin(30, ½)) ≈ 0.049.
    const bBase = binaryCases(100, (index) => index < 50);
    const bPr = binaryCases(100, (index) => (index < 50 ? index >= 20 : index < 60));
    const comparison = compare(results(named('a', aBase), named('b', bBase)), results(named('a', aPr), named('b', bPr)));
    const [a, b] = comparison.suites.map((entry) => entry.metrics[0]);
    expect(a).toMatchObject({ status: 'pass', pRaw: expect.closeTo(mcnemarOneSided(38, 62), 12), pHolm: 1, reason: 'dropped 4.8 pts, below the tolerance of 5.0 pts (a real change: noise alone would do this about once in 95 runs)' });
    // Were a's small p let into the step-down, b would be judged alone at its own 0.049 and FAIL;
    // with p = 1 b is charged a's size as well: 0.049 + 0.006 > α → WARN.
    expect(b?.pRaw).toBeCloseTo(mcnemarOneSided(10, 20), 12);
    expect(b).toMatchObject({ status: 'warn', pHolm: expect.closeTo(mcnemarOneSided(10, 20) + mcnemarOneSided(37, 63), 12) });
  });

  it('takes the PR-wide alpha from the baselines: the strictest suite alpha', () => {
    const base = results(named('a', base200, { alpha: 0.01 }), named('b', base200));
    const pr = results(named('a', base200, { alpha: 0.2 }), named('b', base200));
    expect(compare(base, pr).family.alpha).toBe(0.01);
  });

  it('puts cost in the family with a permutation p-value', () => {
    const cases = (factor: number): CaseSpec[] => Array.from({ length: 60 }, (_, index) => ({ id: `c${index}`, values: { cost: 0.001 * factor * (index % 7 === 0 ? 20 : 1 + (index % 5) / 10) } }));
    const comparison = compare(results(suite(cases(1), [costMetric])), results(suite(cases(1.3), [costMetric])));
    const cost = comparison.suites[0]?.metrics.find((metric) => metric.name === 'cost');
    expect(cost?.pRaw).toBeLessThan(0.001);
    expect(cost?.pHolm).toBe(cost?.pRaw);
    expect(comparison.family.tests).toBe(1);
    expect(cost?.status).toBe('fail');
  });

  it('keeps latency report-only by default: a slower runner never fails the PR', () => {
    const cases = (factor: number): CaseSpec[] => Array.from({ length: 80 }, (_, index) => ({ id: `c${index}`, values: { latency: factor * (300 + 40 * (index % 9)) } }));
    const slower = compare(results(suite(cases(1), [latencyMetric])), results(suite(cases(1.6), [latencyMetric])));
    expect(slower.suites[0]?.metrics.find((metric) => metric.name === 'latency p50')).toMatchObject({ gating: false, status: 'pass', reason: expect.stringMatching(/^report only/) });
    expect(slower.verdict).toBe('pass');
    expect(slower.family.tests).toBe(0);
    const gated = { ...latencyMetric, gate: { gate: true } };
    expect(compare(results(suite(cases(1), [gated])), results(suite(cases(1.6), [gated]))).verdict).toBe('fail');
  });
});

describe('WARN means something', () => {
  it('warns on a drop past the tolerance whose adjusted p is at most 2α, passes above it', () => {
    // 200 cases, 2 improved and 9 regressed: a 3.5-pt drop, p = P(X ≥ 9 | Bin(11, ½)) ≈ 0.033: above α = 0.02, below 2α (tolerance 0.03).
    const base = binaryCases(200, (index) => index >= 2);
    const worse = binaryCases(200, (index) => (index < 2 ? true : index >= 11));
    const alone = compare(results(named('a', base, { tolerance: 0.03, alpha: 0.02 })), results(named('a', worse, { tolerance: 0.03 })));
    expect(alone.suites[0]?.metrics[0]).toMatchObject({ status: 'warn', pHolm: expect.closeTo(mcnemarOneSided(2, 9), 12) });
    expect(alone.family.warnAlpha).toBe(0.04);
    // The worked example (3 improved, 7 regressed of 50): p = 0.172 > 2α = 0.1 → PASS, "within noise".
    const worked = compare(results(named('a', binaryCases(50, (index) => index < 45))), results(named('a', binaryCases(50, (index) => (index < 45 ? index >= 7 : index < 48)))));
    expect(worked.suites[0]?.metrics[0]).toMatchObject({ status: 'pass', reason: 'dropped 8.0 pts, within noise (noise alone would do this about once in 6 runs)' });
  });
});

describe('repeat-safe, float-safe', () => {
  it('uses the sign-flip test when the baseline had k = 3 and the PR k = 1', () => {
    const base: CaseSpec[] = Array.from({ length: 60 }, (_, index) => ({ id: `c${index}`, values: { exact: [1, 1, 0] } }));
    const pr: CaseSpec[] = Array.from({ length: 60 }, (_, index) => ({ id: `c${index}`, values: { exact: index % 3 ? 1 : 0 } }));
    const comparison = compare(results(suite(base, [binary('exact')], { repeat: 3 })), results(suite(pr, [binary('exact')])));
    const metric = comparison.suites[0]?.metrics[0];
    // 40 cases +1/3, 20 cases −2/3: no change in the mean. McNemar on "better/worse" counts would
    // say p ≈ 0.9995 (40 better, 20 worse); the sign-flip test on the per-case means says ≈ 0.5.
    expect(metric?.delta).toBeCloseTo(0, 12);
    expect(metric?.pRaw).toBeGreaterThan(0.3);
    expect(metric?.pRaw).toBeLessThan(0.8);
    expect(metric?.status).toBe('pass');
  });

  it('a drop of exactly the tolerance counts as reaching it, whatever the float rounding', () => {
    // 0.7 → 0.6 is a drop of 0.09999999999999998 in floating point; tolerance 0.1.
    const base = binaryCases(1000, (index) => index < 700);
    const pr = binaryCases(1000, (index) => index < 600);
    const comparison = compare(results(suite(base, [binary('exact')], { tolerance: 0.1 })), results(suite(pr, [binary('exact')], { tolerance: 0.1 })));
    expect(0.7 - 0.6).toBeLessThan(0.1);
    expect(comparison.suites[0]?.metrics[0]?.status).toBe('fail');
  });
});
