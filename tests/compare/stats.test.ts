import { describe, expect, it } from 'vitest';
import { mulberry32, resampler, seedFrom } from '../../src/compare/rng.js';
import { bootstrapInterval, mcnemarOneSided, quantile, signFlipPValue, weightedMean, weightedQuantile } from '../../src/compare/stats.js';

describe('statistics', () => {
  it('McNemar: exact binomial tails', () => {
    expect(mcnemarOneSided(0, 5)).toBeCloseTo(1 / 32, 12);
    expect(mcnemarOneSided(1, 4)).toBeCloseTo(6 / 32, 12);
    expect(mcnemarOneSided(4, 0)).toBe(1);
    expect(mcnemarOneSided(0, 0)).toBe(1);
    expect(mcnemarOneSided(100, 140)).toBeGreaterThan(0.005);
    expect(mcnemarOneSided(100, 140)).toBeLessThan(0.008);
  });


  it('sign-flip test matches full enumeration of the 2^n sign patterns on a small sample', () => {
    const differences = [-0.5, -0.25, 0.25, -1, -0.75, 0.5, -0.25, -0.5];
    const observed = differences.reduce((a, b) => a + b, 0);
    let atOrBelow = 0;
    for (let mask = 0; mask < 2 ** differences.length; mask += 1) {
      const sum = differences.reduce((total, d, index) => total + (mask & (1 << index) ? d : -d), 0);
      if (sum <= observed + 1e-12) atOrBelow += 1;
    }
    const exact = atOrBelow / 2 ** differences.length;
    const estimate = signFlipPValue(differences, mulberry32(seedFrom('f1')), 10_000);
    expect(Math.abs(estimate - exact)).toBeLessThan(0.01);
  });

  it('is reproducible: the same seed gives the same p and interval', () => {
    const differences = Array.from({ length: 60 }, (_, index) => Math.sin(index) * 0.3 - 0.05);
    const p1 = signFlipPValue(differences, mulberry32(seedFrom('relevance')));
    const p2 = signFlipPValue(differences, mulberry32(seedFrom('relevance')));
    expect(p1).toBe(p2);
    const mean = (counts: Uint32Array) => weightedMean(differences, counts);
    expect(bootstrapInterval(60, mean, resampler(7))).toEqual(bootstrapInterval(60, mean, resampler(7)));
    expect(seedFrom('relevance')).not.toBe(seedFrom('coherence'));
  });

  it('treats all-zero differences as no evidence', () => {
    expect(signFlipPValue([0, 0, 0], mulberry32(1))).toBe(1);
  });

  it('uses the normal limit beyond the exact permutation size', () => {
    const random = mulberry32(3);
    const differences = Array.from({ length: 20_000 }, () => (random() < 0.52 ? -1 : 1));
    const p = signFlipPValue(differences, mulberry32(1));
    const sum = differences.reduce((a, b) => a + b, 0);
    expect(p).toBeCloseTo(0.5 * (1 + erf(sum / Math.sqrt(2 * 20_000))), 4);
  });

  it('quantiles interpolate linearly (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48, 12);
  });
});

function erf(x: number): number {
  // Reference series for the check above (|x| is small here).
  let sum = 0;
  let term = x;
  for (let n = 0; n < 60; n += 1) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

describe('seeded resampling', () => {
  it('mulberry32 gives the reference sequence', () => {
    const random = mulberry32(123);
    expect([random(), random(), random()]).toEqual([0.7872516233474016, 0.1785435655619949, 0.49531551403924823]);
  });

  it('the resampler counts exactly the draws mulberry32 would make', () => {
    const random = mulberry32(99);
    const expected = new Uint32Array(10);
    for (let draw = 0; draw < 20; draw += 1) {
      const index = Math.floor(random() * 10);
      expected[index] = (expected[index] as number) + 1;
    }
    const resample = resampler(99);
    const first = new Uint32Array(10);
    resample(first);
    const twice = new Uint32Array(10);
    resample(twice);
    const counts = first.map((count, index) => count + (twice[index] as number));
    expect([...counts]).toEqual([...expected]);
  });

  it('weighted mean and quantile equal those of the expanded resample', () => {
    const values = Float64Array.from([5, 1, 4, 2, 3, 9, 7]);
    const order = Uint32Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number));
    const random = mulberry32(4);
    for (let trial = 0; trial < 200; trial += 1) {
      const counts = new Uint32Array(values.length);
      const expanded: number[] = [];
      for (let draw = 0; draw < values.length; draw += 1) {
        const index = Math.floor(random() * values.length);
        counts[index] = (counts[index] as number) + 1;
        expanded.push(values[index] as number);
      }
      expect(weightedMean(values, counts)).toBeCloseTo(expanded.reduce((a, b) => a + b, 0) / expanded.length, 12);
      for (const q of [0.05, 0.5, 0.95]) expect(weightedQuantile(values, order, counts, q)).toBeCloseTo(quantile(expanded, q), 12);
    }
  });
});

