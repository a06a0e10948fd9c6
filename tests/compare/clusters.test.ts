import { describe, expect, it } from 'vitest';
import { clusterSums, clustersOf } from '../../src/compare/clusters.js';
import { compare } from '../../src/compare/index.js';
import { binary, results, suite } from './build.js';
import type { CaseSpec } from './build.js';

// 10 documents × 10 questions. The PR fails every question of 6 documents the baseline passed and
// passes every question of 4 documents the baseline failed: 60 cases worse, 40 better.
const spec = (side: 'base' | 'pr', field?: 'cluster' | 'group'): CaseSpec[] =>
  Array.from({ length: 100 }, (_, index) => {
    const documentIndex = Math.floor(index / 10);
    const worse = documentIndex < 6;
    const value = side === 'base' ? (worse ? 1 : 0) : worse ? 0 : 1;
    return { id: `q${String(index).padStart(3, '0')}`, values: { exact: value }, inputs: { q: `question ${index}`, ...(field ? { [field]: `doc-${documentIndex}` } : {}) } };
  });

describe('clustered cases', () => {
  it('numbers clusters by first appearance; unnamed cases are their own cluster; none named → null', () => {
    const cases = suite(spec('base', 'cluster').slice(0, 12), [binary('exact')]).cases;
    expect(Array.from(clustersOf(cases) ?? [])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(clustersOf(suite(spec('base'), [binary('exact')]).cases)).toBeNull();
    expect(Array.from(clusterSums([1, 2, 3, 4], Int32Array.from([0, 1, 0, 1])))).toEqual([4, 6]);
  });

  it('flips whole clusters: 6 of 10 documents worse is not significant, though 60 of 100 questions are', () => {
    const flat = compare(results(suite(spec('base'), [binary('exact')])), results(suite(spec('pr'), [binary('exact')])));
    expect(flat.suites[0]?.metrics[0]?.pRaw).toBeLessThan(0.05);
    for (const field of ['cluster', 'group'] as const) {
      const clustered = compare(results(suite(spec('base', field), [binary('exact')])), results(suite(spec('pr', field), [binary('exact')])));
      const metric = clustered.suites[0]?.metrics[0];
      // Exact: P(at least 6 of 10 fair coin flips negative) = 386/1024 ≈ 0.377.
      expect(metric?.pRaw).toBeGreaterThan(0.33);
      expect(metric?.pRaw).toBeLessThan(0.43);
      expect(metric?.status).not.toBe('fail');
      // The cluster bootstrap's interval is wider than ±0.2 (a case-level one is about ±0.16).
      const [low, high] = metric?.ci ?? [0, 0];
      expect(high - low).toBeGreaterThan(0.6);
    }
  });
});
