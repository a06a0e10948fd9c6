import { describe, expect, it } from 'vitest';
import { anySize, discreteHolm } from '../../src/compare/family.js';
import { methodSentence } from '../../src/compare/headline.js';
import { compare } from '../../src/compare/index.js';
import { mulberry32 } from '../../src/compare/rng.js';
import { allocate, PRIMARY_SHARE } from '../../src/compare/weights.js';
import { binary, binaryCases, results, suite } from './build.js';
import type { CaseSpec } from './build.js';

const member = (p: number) => ({ p, sizeAt: anySize });

describe('primary metrics: a weighted Holm with fallback', () => {
  it('is the plain discrete Holm when no metric is primary', () => {
    const members = [0.01, 0.2, 0.03].map(member);
    expect(allocate(members, [false, false, false], 0.05).adjusted).toEqual(discreteHolm(members));
  });

  it('gives the primary tests 80 % of α and the others the rest — all of it once every primary test is rejected', () => {
    const members = [0.001, 0.04, 0.009].map(member);
    // Primary 0.001 → 0.00125; the others: Holm 2 × 0.009 = 0.018 and 0.04, each the smaller of
    // p / 0.2 and max(p, 0.00125): the primary test is rejected first, so they keep Holm's own.
    expect(allocate(members, [true, false, false], 0.05).adjusted.map((p) => Number(p.toFixed(6)))).toEqual([0.00125, 0.04, 0.018]);
    // A primary test still open (p = 0.3): the others are judged within 20 % of the budget.
    const open = allocate([member(0.3), member(0.009)], [true, false], 0.05).adjusted;
    expect(open[0]).toBeCloseTo(0.375, 12);
    expect(open[1]).toBeCloseTo(0.045, 12);
  });

  it('keeps an unchanged PR’s chance of any FAIL ≤ α (simulated: 20,000 families of 12 independent uniform tests, 3 primary)', () => {
    const random = mulberry32(23);
    let rejected = 0;
    for (let run = 0; run < 20_000; run += 1) {
      const members = Array.from({ length: 12 }, () => member(random()));
      if (allocate(members, members.map((_, index) => index < 3), 0.05).adjusted.some((p) => p <= 0.05)) rejected += 1;
    }
    // Exactly α for independent continuous tests: 5 % ± 0.15 pts (one standard error).
    expect(rejected / 20_000).toBeLessThan(0.05 + 3 * Math.sqrt(0.05 * 0.95 / 20_000));
  });

  it("a drop in a primary metric beside 29 noisy unchanged suites keeps most of a lone test's power", () => {
    const named = (name: string, cases: CaseSpec[], primary: boolean) => suite(cases, [binary('exact', primary ? { gate: { primary: true } } : {})], { name, file: `evals/${name}.eval.yaml` });
    const quiet = binaryCases(100, (index) => index % 2 === 0);
    const jittered = binaryCases(100, (index) => (index % 2 === 0) !== index < 20);
    const six = binaryCases(100, (index) => index >= 6);
    const many = (first: CaseSpec[], rest: CaseSpec[], primary: boolean) => results(...Array.from({ length: 30 }, (_, index) => named(`s${index}`, index === 0 ? first : rest, primary && index === 0)));
    // Not primary: p = 2⁻⁶ plus 29 noisy tests' shares ≈ 0.19 → not significant.
    expect(compare(many(binaryCases(100, () => true), quiet, false), many(six, jittered, false)).suites[0]?.metrics[0]?.status).toBe('pass');
    // Primary: judged within 80 % of α, alone in its group: 2⁻⁶ / 0.8 ≈ 0.0195 → FAIL.
    const primary = compare(many(binaryCases(100, () => true), quiet, true), many(six, jittered, true));
    expect(primary.suites[0]?.metrics[0]).toMatchObject({ status: 'fail', pHolm: expect.closeTo(2 ** -6 / PRIMARY_SHARE, 12) });
    expect(primary.family).toMatchObject({ tests: 30, primaryTests: 1 });
    expect(methodSentence(primary)).toContain('30 gating test(s) share one error budget α = 5 % (Holm; the 1 test(s) of primary metrics share 4 % of it, with fallback)');
    // The others (no drop: p = 1 in the family) still PASS.
    expect(primary.suites[1]?.metrics[0]).toMatchObject({ status: 'pass', reason: 'no significant change' });
  });
});
