import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { mcnemarOneSided } from '../../src/compare/stats.js';
import { binary, binaryCases, results, suite } from './build.js';

describe("PRODUCT.md's worked example", () => {
  // N = 50 binary. Baseline passes 45. PR: 3 of the baseline failures now pass (improved),
  // 7 baseline passes now fail (regressed) → 41/50.
  const base = binaryCases(50, (index) => index < 45);
  const pr = binaryCases(50, (index) => (index < 45 ? index >= 7 : index < 48));

  it('has the stated counts', () => {
    expect(base.filter((spec) => spec.values.exact === 1)).toHaveLength(45);
    expect(pr.filter((spec) => spec.values.exact === 1)).toHaveLength(41);
  });

  it('gives the exact one-sided McNemar p = 176/1024: neither FAIL nor WARN at the default levels (within noise above 2α)', () => {
    expect(mcnemarOneSided(3, 7)).toBeCloseTo(176 / 1024, 12);
    const comparison = compare(results(suite(base, [binary('exact')])), results(suite(pr, [binary('exact')])));
    const [metric] = comparison.suites[0]?.metrics ?? [];
    expect(metric).toMatchObject({ baseline: 0.9, pr: 0.82, improved: 3, regressed: 7, shared: 50, status: 'pass' });
    expect(metric?.pRaw).toBeCloseTo(0.171875, 12);
    expect(metric?.pHolm).toBeCloseTo(0.171875, 12);
    expect(metric?.delta).toBeCloseTo(-0.08, 12);
    expect(metric?.reason).toBe('dropped 8.0 pts, within noise (noise alone would do this about once in 6 runs)');
    expect(comparison.verdict).toBe('pass');
    // At α = 0.1 (warn level 0.2) it WARNs: 0.172 ≤ 2α.
    const looser = compare(results(suite(base, [binary('exact')], { alpha: 0.1 })), results(suite(pr, [binary('exact')])));
    expect(looser.suites[0]?.metrics[0]).toMatchObject({ status: 'warn', reason: 'dropped 8.0 pts, but it could be noise (noise alone would do this about once in 6 runs): not sure enough to fail' });
  });
});
