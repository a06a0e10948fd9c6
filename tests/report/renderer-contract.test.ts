import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import type { Comparison } from '../../src/compare/types.js';
import { commentMarker, renderComment } from '../../src/report/comment.js';
import { VERDICT_WORD } from '../../src/report/format.js';
import { OUTPUT_FORMATS } from '../../src/report/formats.js';
import type { ResultsFile } from '../../src/results/types.js';
import { binaryCases, costMetric, latencyMetric, results, suite, unit } from '../compare/build.js';

/**
 * One contract, every renderer: for every suite outcome the rendered text states the same
 * verdict and headline as the comparison it renders.
 */
const exact = unit('exact', { scale: { kind: 'binary' }, threshold: 1 });
const METRICS = [exact, costMetric, latencyMetric];
const ran = (name: string, passing: (index: number) => boolean, extra = {}) =>
  suite(binaryCases(60, passing).map((spec) => ({ ...spec, values: { ...spec.values, cost: 0.001, latency: 100 } })), METRICS, { name, ...extra });

const OUTCOMES: Record<string, [ResultsFile | null, ResultsFile]> = {
  'compared, unchanged (pass)': [results(ran('faq', () => true)), results(ran('faq', () => true))],
  'compared, regressed (fail)': [results(ran('faq', () => true)), results(ran('faq', (index) => index % 3 !== 0))],
  'new suite': [results(ran('faq', () => true)), results(ran('faq', () => true), ran('fresh', () => true))],
  'skipped suite': [results(ran('faq', () => true)), results(ran('faq', () => true), suite([], METRICS, { name: 'chat', status: 'skipped', skipReason: 'needs a model API key' }))],
  'removed suite': [results(ran('faq', () => true), ran('gone', () => true)), results(ran('faq', () => true))],
  'could not run': [results(ran('faq', () => true)), results(suite(binaryCases(5, () => true).map((spec) => ({ ...spec, error: 'HTTP 503 from the provider' })), METRICS, { name: 'faq' }))],
  'no baseline': [null, results(ran('faq', () => true))],
};

const EXPECTED_VERDICT: Record<string, Comparison['verdict']> = {
  'compared, unchanged (pass)': 'pass',
  'compared, regressed (fail)': 'fail',
  'new suite': 'pass',
  'skipped suite': 'incomplete',
  'removed suite': 'incomplete',
  'could not run': 'error',
  'no baseline': 'pass',
};

const comparisonSchema = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(new URL('../../schema/comparison.schema.json', import.meta.url), 'utf8')) as object);

const renderers: Record<string, (comparison: Comparison, base: ResultsFile | null, pr: ResultsFile) => string> = {
  ...Object.fromEntries(Object.entries(OUTPUT_FORMATS).map(([name, format]) => [name, (comparison: Comparison, baseline: ResultsFile | null, pr: ResultsFile) => format.render(comparison, { color: false, results: pr, baseline })])),
  comment: (comparison) => renderComment(comparison, { marker: commentMarker('x') }),
};

describe.each(Object.entries(OUTCOMES))('%s', (outcome, [baseline, pr]) => {
  const comparison = compare(baseline, pr);

  it.each(Object.keys(renderers))('%s states the verdict and the headline', (name) => {
    const text = renderers[name]?.(comparison, baseline, pr) ?? '';
    if (name === 'json') {
      const document = JSON.parse(text) as { verdict: string; headline: string };
      expect(comparisonSchema(document), JSON.stringify(comparisonSchema.errors)).toBe(true);
      expect(document).toMatchObject({ verdict: comparison.verdict, headline: comparison.headline });
      return;
    }
    expect(text).toContain(VERDICT_WORD[comparison.verdict]);
    const firstWords = comparison.headline.split(/[—›:(]/)[0]?.trim() ?? '';
    expect(text).toContain(firstWords);
  });

  it('has the verdict its outcome calls for, and a headline that agrees with it', () => {
    expect(comparison.verdict).toBe(EXPECTED_VERDICT[outcome]);
    if (comparison.verdict === 'fail') expect(comparison.headline).toMatch(/regressed/);
    if (comparison.verdict === 'error') expect(comparison.headline).toMatch(/could not run/);
    if (comparison.verdict === 'pass' && comparison.hasBaseline) expect(comparison.headline).toMatch(/no significant regression/);
    if (comparison.verdict === 'incomplete') expect(comparison.headline).toMatch(/^not everything was compared/);
    if (comparison.suites.some((suite) => suite.outcome === 'removed')) expect(comparison.headline).toMatch(/gone: in the baseline but not run by this PR/);
  });
});
