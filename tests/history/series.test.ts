import { describe, expect, it } from 'vitest';
import { buildSeries, shortCommit } from '../../src/history/series.js';
import { renderTrendMarkdown, trendChart } from '../../src/report/trend-mermaid.js';
import { renderTrendTable, sparkline } from '../../src/report/trend-terminal.js';
import type { HistoryEntry } from '../../src/history/types.js';
import { binary, costMetric, latencyMetric, results, suite } from '../compare/build.js';

const sha = (n: number) => `${n}`.repeat(40).slice(0, 40);

/** Four baselines: exact-match 50% → 75% → 100% → 75%, cost and latency growing. */
function entries(): HistoryEntry[] {
  const passing = [2, 3, 4, 3];
  return passing.map((pass, index) => {
    const cases = Array.from({ length: 4 }, (_, caseIndex) => ({ id: `c${caseIndex}`, values: { exact: caseIndex < pass ? 1 : 0, cost: 0.001 * (index + 1), latency: 100 * (index + 1) + caseIndex } }));
    const faq = suite(cases, [binary('exact'), costMetric, latencyMetric], { name: 'faq <b>@team' });
    const skipped = suite([], [binary('exact')], { name: 'chat', status: 'skipped' });
    return { commit: sha(index + 1), date: `2026-11-0${index + 1}T10:00:00Z`, results: results(faq, skipped) };
  });
}

describe('metric series over the baseline history', () => {
  const series = buildSeries(entries());

  it('gives each suite › metric its run-level values in commit order, named as the diff table names them', () => {
    expect(series.map((one) => `${one.suite} › ${one.metric}`)).toEqual(['faq <b>@team › exact', 'faq <b>@team › cost', 'faq <b>@team › latency p50']);
    expect(series[0]?.points.map((point) => point.value)).toEqual([0.5, 0.75, 1, 0.75]);
    expect(series[0]?.points.map((point) => point.commit)).toEqual([sha(1), sha(2), sha(3), sha(4)]);
    expect(series[1]?.points.map((point) => Number(point.value.toFixed(4)))).toEqual([0.004, 0.008, 0.012, 0.016]);
    expect(series[2]?.points.map((point) => point.value)).toEqual([101.5, 201.5, 301.5, 401.5]);
  });

  it('prints a terminal table with sparklines, first, last and change; untrusted names lose control characters', () => {
    const table = renderTrendTable([...series, { ...(series[0] as (typeof series)[number]), suite: 'evil\u001b[31m' }]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^suite\s+metric\s+trend\s+first\s+last\s+change\s+baselines$/);
    expect(lines[1]).toMatch(/^faq <b>@team\s+exact\s+▁▅█▅\s+50\.0%\s+75\.0%\s+\+25\.0 pts\s+4$/);
    expect(lines[2]).toMatch(/cost\s+▁▃▆█\s+\$0\.00400\s+\$0\.0160\s+×4\.00\s+4$/);
    expect(table).not.toContain('\u001b');
    expect(sparkline([1, 1, 1])).toBe('▄▄▄');
    expect(renderTrendTable([])).toBe('No metric values in the baseline history yet.');
  });

  it('renders mermaid xychart-beta blocks with plain chart text, scores in % first', () => {
    const markdown = renderTrendMarkdown(series);
    expect(markdown.startsWith('**Trend over the last 4 runs**')).toBe(true);
    expect(markdown.match(/```mermaid\nxychart-beta\n/g)).toHaveLength(3);
    expect(trendChart(series[0] as (typeof series)[number])).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "faq b team › exact: 50.0% to 75.0%"',
        '  x-axis ["1111111", "2222222", "3333333", "4444444"]',
        '  y-axis "score (%)" 42 --> 100',
        '  line [50, 75, 100, 75]',
        '```',
      ].join('\n'),
    );
    expect(markdown).toContain('y-axis "ms"');
    expect(renderTrendMarkdown(series.map((one) => ({ ...one, points: one.points.slice(0, 1) })))).toBe('');
  });

  it('labels commits by 7 hex digits and keeps other labels plain', () => {
    expect(shortCommit('ABCDEF1234567')).toBe('abcdef1');
    expect(shortCommit('this run')).toBe('this run');
    expect(shortCommit('"]\n<x>')).toBe('x');
  });
});
