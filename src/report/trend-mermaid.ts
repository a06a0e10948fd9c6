import { formatValue } from './format.js';
import { UNITS } from '../metrics/units.js';
import { shortCommit } from '../history/series.js';
import type { MetricSeries } from '../history/types.js';

/**
 * Mermaid `xychart-beta` blocks (GitHub renders them in comments and job summaries), one per
 * metric: suite and metric names are untrusted, so only plain characters reach the chart text.
 */
function chartText(text: string): string {
  return text.replace(/[^\p{L}\p{N} _.\-/›:()%]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
}

const isScore = (series: MetricSeries) => series.scale.kind !== 'amount';

/** The value as the chart plots it: scores in %, amounts in their unit. */
function plotted(series: MetricSeries, value: number): number {
  const shown = isScore(series) ? value * 100 : value;
  return Number(shown.toPrecision(4));
}

function axisRange(values: readonly number[], score: boolean): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.15, Math.abs(high) * 0.02, score ? 1 : 1e-6);
  const from = score ? Math.max(0, Math.floor(low - pad)) : Math.max(0, low - pad);
  const to = score ? Math.min(100, Math.ceil(high + pad)) : high + pad;
  return [Number(from.toPrecision(3)), Number(to.toPrecision(3))];
}

function unitLabel(series: MetricSeries): string {
  if (series.scale.kind !== 'amount') return 'score (%)';
  return UNITS[series.scale.unit].label;
}

export function trendChart(series: MetricSeries): string {
  const values = series.points.map((point) => plotted(series, point.value));
  const [from, to] = axisRange(values, isScore(series));
  const first = series.points[0];
  const last = series.points.at(-1);
  const span = first && last ? ` ${formatValue(first.value, series.scale)} to ${formatValue(last.value, series.scale)}` : '';
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${chartText(`${series.suite} › ${series.metric}:${span}`)}"`,
    `  x-axis [${series.points.map((point) => `"${chartText(shortCommit(point.commit))}"`).join(', ')}]`,
    `  y-axis "${unitLabel(series)}" ${from} --> ${to}`,
    `  line [${values.join(', ')}]`,
    '```',
  ].join('\n');
}

/** Charts for the series with at least two points, scores first; at most `maxCharts`. */
export function renderTrendMarkdown(series: readonly MetricSeries[], maxCharts = 4): string {
  const shown = series.filter((candidate) => candidate.points.length >= 2).sort((a, b) => Number(isScore(b)) - Number(isScore(a))).slice(0, maxCharts);
  if (shown.length === 0) return '';
  const commits = Math.max(...shown.map((candidate) => candidate.points.length));
  return [`**Trend over the last ${commits} runs**`, ...shown.map(trendChart)].join('\n\n');
}
