import { describe, expect, it } from 'vitest';
import type { Comparison, MetricComparison, SuiteComparison } from '../../src/compare/types.js';
import { COMMENT_LIMIT, commentMarker, renderComment } from '../../src/report/comment.js';
import { renderWithin } from '../../src/report/markdown.js';
import { renderSummary, SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js';

const CJK = '評価結果の説明文字列'.repeat(20);

const metric = (index: number): MetricComparison => ({
  name: `指標${index}`, metric: 'f1', family: 'quality', scale: { kind: 'unit' }, direction: 'higher-is-better', gating: true, baseline: 0.9, pr: 0.8, delta: -0.1,
  ci: [-0.14, -0.06], pRaw: 0.0004, pHolm: 0.0012, improved: 1, regressed: 9, shared: 50, detectableDrop: 0.06, status: 'fail', reason: CJK,
});

/** Enough CJK text that even the least detailed rendering is over both limits. */
function huge(): Comparison {
  const suites: SuiteComparison[] = Array.from({ length: 600 }, (_, index) => ({
    name: `スイート${index}`, file: `evals/${index}.eval.yaml`, outcome: 'compared', verdict: 'fail', shared: 50,
    metrics: Array.from({ length: 3 }, (_, m) => metric(m)), added: [], removed: [], regressedCases: [], erroredCases: [], metricErrors: [], gateChanges: [], notComparable: [], gaps: [],
  }));
  return { verdict: 'fail', hasBaseline: true, bootstrap: false, coverage: [], suites, regressions: 600, headline: '600 suites regressed', family: { alpha: 0.05, warnAlpha: 0.2, tests: 1800 } };
}

describe('size limits', () => {
  const comparison = huge();
  const runUrl = 'https://github.com/o/r/actions/runs/99';

  it('the job summary fits 1 MiB in UTF-8 bytes (CJK is 3 bytes a character) and keeps the footer', () => {
    const summary = renderSummary(comparison, { runUrl });
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(Buffer.byteLength(summary, 'utf8')).toBeGreaterThan(SUMMARY_LIMIT_BYTES * 0.9);
    expect(summary).toMatch(/…\(trimmed: the report is longer than this allows; see the full report\)\n\n---\n<sub>EvalGate · .*actions\/runs\/99\)<\/sub>$/);
  });

  it('the comment hard cut keeps whole lines, the footer and the run link', () => {
    const body = renderComment(comparison, { marker: commentMarker('evals'), runUrl });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith('<!-- evalgate:evals -->\n')).toBe(true);
    expect(body).toContain('[workflow run and job summary](https://github.com/o/r/actions/runs/99)');
    const lines = body.split('\n');
    const cut = lines.indexOf('…(trimmed: the report is longer than this allows; see the full report)');
    // Every line kept before the cut is a whole line of the untrimmed report.
    const whole = new Set(renderWithin(comparison, { runUrl }, Number.POSITIVE_INFINITY).split('\n'));
    expect(cut).toBeGreaterThan(10);
    expect(lines.slice(1, cut - 1).filter((line) => !whole.has(line))).toEqual([]);
  });
});
