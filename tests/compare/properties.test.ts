import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { binary, likert, results, suite } from './build.js';
import type { CaseSpec } from './build.js';

const caseValues = fc.array(fc.record({ exact: fc.integer({ min: 0, max: 1 }), judge: fc.integer({ min: 1, max: 5 }) }), { minLength: 20, maxLength: 120 });
const metrics = [binary('exact'), likert('judge')];
const specs = (values: { exact: number; judge: number }[]): CaseSpec[] => values.map((value, index) => ({ id: `c${index}`, values: value }));

describe('gate properties', () => {
  it('identical runs never fail', () => {
    fc.assert(
      fc.property(caseValues, (values) => {
        const run = results(suite(specs(values), metrics));
        return compare(run, run).verdict === 'pass';
      }),
      { numRuns: 60 },
    );
  });

  it('shuffling the case order never changes the verdict or the p-values', () => {
    fc.assert(
      fc.property(caseValues, caseValues, fc.integer(), (before, after, seed) => {
        const n = Math.min(before.length, after.length);
        const base = specs(before.slice(0, n));
        const pr = specs(after.slice(0, n));
        const shuffled = [...pr].sort((a, b) => ((Number(a.id.slice(1)) * 2654435761) ^ seed) % 97 - ((Number(b.id.slice(1)) * 2654435761) ^ seed) % 97);
        const one = compare(results(suite(base, metrics)), results(suite(pr, metrics)));
        const two = compare(results(suite(base, metrics)), results(suite(shuffled, metrics)));
        expect(two.verdict).toBe(one.verdict);
        expect(two.suites[0]?.metrics.map((metric) => metric.pRaw)).toEqual(one.suites[0]?.metrics.map((metric) => metric.pRaw));
      }),
      { numRuns: 30 },
    );
  });

  it('a uniform large drop always fails', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 300 }), (n) => {
        const base: CaseSpec[] = Array.from({ length: n }, (_, index) => ({ id: `c${index}`, values: { exact: 1, judge: 5 } }));
        const pr: CaseSpec[] = Array.from({ length: n }, (_, index) => ({ id: `c${index}`, values: { exact: index % 4 === 0 ? 1 : 0, judge: 3 } }));
        const comparison = compare(results(suite(base, metrics)), results(suite(pr, metrics)));
        return comparison.verdict === 'fail' && comparison.suites[0]?.metrics.every((metric) => metric.status === 'fail');
      }),
      { numRuns: 25 },
    );
  });
});
