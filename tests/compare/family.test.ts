import { describe, expect, it } from 'vitest';
import { anySize, discreteHolm, mcnemarSize, signFlipSize, testLevel } from '../../src/compare/family.js';
import { mcnemarOneSided } from '../../src/compare/stats.js';
import { mulberry32 } from '../../src/compare/rng.js';

const continuous = (p: number) => ({ p, sizeAt: anySize });

describe('discrete Holm: one error budget, spent only where a test can fail', () => {
  it("is Holm's step-down when every test can reach every level", () => {
    expect(discreteHolm([0.01, 0.04, 0.03, 0.005].map(continuous))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(discreteHolm([continuous(0.5)])).toEqual([0.5]);
    expect(discreteHolm([0.4, 0.6].map(continuous))).toEqual([0.8, 0.8]);
  });

  it('McNemar with too few discordant pairs to reach a level spends nothing at that level', () => {
    // 8 discordant pairs: the smallest p McNemar can give is 2⁻⁸ ≈ 0.0039.
    const size = mcnemarSize(8, 200, 0);
    expect(size(0.001)).toBe(0);
    expect(size(2 ** -8)).toBeCloseTo(2 ** -8, 15);
    // Between attainable p-values the size is the largest attainable one at or below the level:
    // 7 of 8 gives 9/256 ≈ 0.035, 8 of 8 gives 1/256.
    expect(size(0.03)).toBeCloseTo(2 ** -8, 15);
    expect(size(0.04)).toBeCloseTo(mcnemarOneSided(1, 7), 15);
  });

  it('McNemar spends only what reaching the tolerance allows', () => {
    // 40 discordant pairs of 200 cases, tolerance 0.1: a FAIL needs regressed − improved ≥ 20, i.e. ≥ 30 regressed.
    const size = mcnemarSize(40, 200, 0.1);
    expect(size(0.5)).toBeCloseTo(mcnemarOneSided(10, 30), 12);
    expect(size(1e-4)).toBeLessThanOrEqual(1e-4);
    // 10 discordant pairs can never make a 10-pt drop of 200 cases: size 0 at every level.
    expect(mcnemarSize(10, 200, 0.1)(1)).toBe(0);
  });

  it("a sign-flip test's size is Hoeffding's bound on reaching the tolerance", () => {
    expect(signFlipSize(4, 0)(0.01)).toBe(0.01);
    expect(signFlipSize(4, 4)(0.5)).toBeCloseTo(Math.exp(-2), 12);
    expect(signFlipSize(4, 4)(0.001)).toBe(0.001);
    expect(signFlipSize(0, 1)(0.5)).toBe(0);
  });

  it('tests that cannot fail leave the whole budget to the one that moved', () => {
    const moved = { p: 2 ** -12, sizeAt: mcnemarSize(12, 200, 0.03) };
    const still = Array.from({ length: 29 }, () => ({ p: 1, sizeAt: mcnemarSize(0, 200, 0.03) }));
    const [adjusted, ...others] = discreteHolm([moved, ...still]);
    expect(adjusted).toBeCloseTo(2 ** -12, 15);
    expect(others.every((value) => value === 1)).toBe(true);
  });

  it('is never below the raw p, never above Holm, and monotone in the raw p', () => {
    const random = mulberry32(7);
    for (let trial = 0; trial < 200; trial += 1) {
      const members = Array.from({ length: 1 + Math.floor(random() * 12) }, () => {
        const discordant = Math.floor(random() * 30);
        const regressed = Math.floor(random() * (discordant + 1));
        return { p: mcnemarOneSided(discordant - regressed, regressed), sizeAt: mcnemarSize(discordant, 100, random() < 0.5 ? 0 : 0.05) };
      });
      const adjusted = discreteHolm(members);
      const holm = discreteHolm(members.map(({ p }) => continuous(p)));
      members.forEach(({ p }, index) => {
        expect(adjusted[index]).toBeGreaterThanOrEqual(p);
        expect(adjusted[index]).toBeLessThanOrEqual((holm[index] as number) + 1e-15);
      });
      const order = members.map((member, index) => index).sort((a, b) => (members[a]?.p as number) - (members[b]?.p as number));
      order.slice(1).forEach((index, rank) => expect(adjusted[index]).toBeGreaterThanOrEqual(adjusted[order[rank] as number] as number));
    }
  });

  it("the level a moved test is judged at: Holm's α/(m+1) among tests that can reach anything, α among tests that cannot", () => {
    expect(testLevel(Array.from({ length: 9 }, () => continuous(0.5)), 0.05)).toBeCloseTo(0.005, 9);
    expect(testLevel(Array.from({ length: 9 }, () => ({ p: 1, sizeAt: mcnemarSize(0, 200, 0.05) })), 0.05)).toBe(0.05);
    const mixed = [...Array.from({ length: 4 }, () => continuous(0.5)), ...Array.from({ length: 5 }, () => ({ p: 1, sizeAt: mcnemarSize(3, 200, 0) }))];
    expect(testLevel(mixed, 0.05)).toBeCloseTo(0.01, 9);
  });

  it('keeps the chance that some unchanged test FAILs at or below α (simulated, 2,000 PRs of 30 discrete tests)', () => {
    const random = mulberry32(11);
    const alpha = 0.05;
    let falseFails = 0;
    for (let pr = 0; pr < 2000; pr += 1) {
      const members = Array.from({ length: 30 }, (_, index) => {
        // Discordant pairs from 0 to 60: some tests can reach α/30, some cannot.
        const discordant = index * 2;
        let regressed = 0;
        for (let pair = 0; pair < discordant; pair += 1) regressed += random() < 0.5 ? 1 : 0;
        const tolerance = 0.02;
        const fails = (2 * regressed - discordant) / 100 >= tolerance;
        return { p: mcnemarOneSided(discordant - regressed, regressed), sizeAt: mcnemarSize(discordant, 100, tolerance), fails };
      });
      const adjusted = discreteHolm(members);
      if (members.some((member, index) => member.fails && (adjusted[index] as number) <= alpha)) falseFails += 1;
    }
    // Binomial(2000, 0.05) exceeds 130 with probability < 1e-4: a procedure over its budget would show here.
    expect(falseFails).toBeLessThanOrEqual(130);
    expect(falseFails).toBeGreaterThan(0);
  });
});
