import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { compare } from '../../../src/compare/index.js';
import type { Comparison } from '../../../src/compare/types.js';
import { commentMarker, renderComment } from '../../../src/report/comment.js';
import { VERDICT_WORD } from '../../../src/report/format.js';
import type { OutputFormat } from '../../../src/report/formats.js';
import { escapeHtml } from '../../../src/report/html/safe-text.js';
import type { ResultsFile } from '../../../src/results/types.js';
import { binaryCases, costMetric, latencyMetric, results, suite, unit } from '../../compare/build.js';

/**
 * One contract, every renderer (every output format of OUTPUT_FORMATS, and the PR comment), by
 * its declared kind: for every suite outcome a prose format states the comparison's verdict and
 * headline in words; a data format parses as its media type and holds every suite and metric.
 */
const exact = unit('exact', { scale: { kind: 'binary' }, threshold: 1 });
const METRICS = [exact, costMetric, latencyMetric];
const ran = (name: string, passing: (index: number) => boolean, extra = {}) =>
  suite(binaryCases(60, passing).map((spec) => ({ ...spec, values: { ...spec.values, cost: 0.001, latency: 100 } })), METRICS, { name, ...extra });

const OUTCOMES: Record<string, [ResultsFile | null, ResultsFile]> = {
  'compared, unchanged (pass)': [results(ran('faq', () => true)), results(ran('faq', () => true))],
  'compared, regressed (fail)': [results(ran('faq', () => true)), results(ran('faq', (index) => index % 3 !== 0))],
  'new suite': [results(ran('faq', () => true)), results(ran('faq', () => true), ran('fresh', () => true))],
  'skipped suite': [results(ran('faq', () => true), ran('chat', () => true)), results(ran('faq', () => true), suite([], METRICS, { name: 'chat', status: 'skipped', skipReason: 'needs a model API key' }))],
  'new suite, skipped': [results(ran('faq', () => true)), results(ran('faq', () => true), suite([], METRICS, { name: 'chat', status: 'skipped', skipReason: 'needs a model API key' }))],
  'removed suite': [results(ran('faq', () => true), ran('gone', () => true)), results(ran('faq', () => true))],
  'could not run': [results(ran('faq', () => true)), results(suite(binaryCases(5, () => true).map((spec) => ({ ...spec, error: 'HTTP 503 from the provider' })), METRICS, { name: 'faq' }))],
  'no baseline': [null, results(ran('faq', () => true))],
};

const EXPECTED_VERDICT: Record<string, Comparison['verdict']> = {
  'compared, unchanged (pass)': 'pass',
  'compared, regressed (fail)': 'fail',
  'new suite': 'pass',
  'skipped suite': 'incomplete',
  'new suite, skipped': 'pass',
  'removed suite': 'incomplete',
  'could not run': 'error',
  'no baseline': 'pass',
};

const comparisonSchema = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(new URL('../../../schema/comparison.schema.json', import.meta.url), 'utf8')) as object);

type Renderer = Pick<OutputFormat, 'kind' | 'mediaType'> & { render(comparison: Comparison, baseline: ResultsFile | null, pr: ResultsFile): string };

/** Every output format, by its declared kind, and the PR comment (prose). */
const renderersOf = (formats: Readonly<Record<string, OutputFormat>>): Record<string, Renderer> => ({
  ...Object.fromEntries(
    Object.entries(formats).map(([name, format]: [string, OutputFormat]) => [
      name,
      { kind: format.kind, mediaType: format.mediaType, render: (comparison: Comparison, baseline: ResultsFile | null, pr: ResultsFile) => format.render(comparison, { color: false, results: pr, baseline }) },
    ]),
  ),
  comment: { kind: 'prose', mediaType: 'text/markdown', render: (comparison) => renderComment(comparison, { marker: commentMarker('x') }) },
});

/** A data format's text parsed as its media type (a parse error fails the test); its values, flattened to text. */
async function parsedValues(mediaType: OutputFormat['mediaType'], text: string): Promise<string> {
  if (mediaType === 'application/json') {
    const document = JSON.parse(text) as unknown;
    expect(comparisonSchema(document), JSON.stringify(comparisonSchema.errors)).toBe(true);
    return JSON.stringify(document);
  }
  if (mediaType === 'application/xml') {
    const { valid, errors } = await validateXML({ xml: [{ fileName: 'report.xml', contents: text }], normalization: 'format' });
    expect(valid, JSON.stringify(errors)).toBe(true);
    return text;
  }
  if (mediaType === 'text/csv') return JSON.stringify(parseCsv(text, { relaxColumnCount: false }));
  throw new Error(`no parser for data in ${mediaType}: add one here`);
}

/** The renderer contract over every format of a format map (OUTPUT_FORMATS), plus the PR comment. */
export function testAllFormats(formats: Readonly<Record<string, OutputFormat>>): void {
  const renderers = renderersOf(formats);
  describe.each(Object.entries(OUTCOMES))('%s', (outcome, [baseline, pr]) => {
    const comparison = compare(baseline, pr);

    it.each(Object.keys(renderers).filter((name) => renderers[name]?.kind === 'prose'))('%s (prose) states the verdict and the headline in words', (name) => {
      const text = renderers[name]?.render(comparison, baseline, pr) ?? '';
      expect(text).toContain(VERDICT_WORD[comparison.verdict]);
      const firstWords = escapeHtml(comparison.headline.split(/[—›:(]/)[0]?.trim() ?? '');
      expect(text).toContain(firstWords);
    });

    it.each(Object.keys(renderers).filter((name) => renderers[name]?.kind === 'data'))('%s (data) parses as its media type and holds every suite and metric', async (name) => {
      const renderer = renderers[name] as Renderer;
      const values = await parsedValues(renderer.mediaType, renderer.render(comparison, baseline, pr));
      for (const suite of comparison.suites) {
        expect(values, suite.name).toContain(suite.name);
        for (const metric of suite.metrics) expect(values, metric.name).toContain(metric.name);
      }
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
}
