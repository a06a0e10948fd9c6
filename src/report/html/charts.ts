import { caseValues, presentValues } from '../../compare/case-values.js';
import type { MetricSeries } from '../../history/types.js';
import { shortCommit } from '../../history/series.js';
import type { Scale } from '../../metrics/types.js';
import type { ResultsFile } from '../../results/types.js';
import { formatValue } from '../format.js';
import { escapeHtml } from './safe-text.js';

/** Small inline SVG charts: per-case distributions (baseline vs PR) and a metric's trend. */
export interface Distribution {
  suite: string;
  metric: string;
  scale: Scale;
  baseline: number[];
  pr: number[];
}

const BINS = 10;
const label = (value: number, scale: Scale) => (scale.kind === 'amount' ? formatValue(value, scale) : `${Math.round(value * 100)}%`);

/** Per-case values (0–1 scores, amounts in their unit) of each metric of each suite that ran. */
export function distributions(pr: ResultsFile, baseline: ResultsFile | null): Distribution[] {
  return pr.suites.filter((suite) => suite.status === 'ran').flatMap((suite) => {
    const base = baseline?.suites.find((candidate) => candidate.name === suite.name && candidate.status === 'ran');
    return suite.metrics.map((metric) => {
      const baseMetric = base?.metrics.find((candidate) => candidate.name === metric.name && candidate.configHash === metric.configHash);
      return {
        suite: suite.name, metric: metric.name, scale: metric.scale,
        baseline: base && baseMetric ? [...presentValues(caseValues(base.cases, baseMetric))] : [],
        pr: [...presentValues(caseValues(suite.cases, metric))],
      };
    });
  });
}

function bins(values: readonly number[], low: number, high: number): number[] {
  const counts: number[] = Array.from({ length: BINS }, () => 0);
  for (const value of values) {
    const index = high > low ? Math.min(BINS - 1, Math.floor(((value - low) / (high - low)) * BINS)) : 0;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

export function histogramSvg(distribution: Distribution): string {
  const all = [...distribution.baseline, ...distribution.pr];
  const amount = distribution.scale.kind === 'amount';
  const low = amount ? Math.min(...all) : 0;
  const high = amount ? Math.max(...all) : 1;
  const [base, pr] = [bins(distribution.baseline, low, high), bins(distribution.pr, low, high)];
  const peak = Math.max(1, ...base, ...pr);
  const [width, height, slot] = [240, 64, 24];
  const bars = base.flatMap((count, index) => {
    const from = low + ((high - low) * index) / BINS;
    const to = low + ((high - low) * (index + 1)) / BINS;
    const range = `${label(from, distribution.scale)}–${label(to, distribution.scale)}`;
    const prCount = pr[index] ?? 0;
    const bar = (value: number, offset: number, kind: string, who: string) =>
      `<rect class="${kind}" x="${index * slot + offset}" y="${(height - (value / peak) * height).toFixed(1)}" width="10" height="${((value / peak) * height).toFixed(1)}"><title>${who} ${range}: ${value} case(s)</title></rect>`;
    return [bar(count, 1, 'bar-base', 'baseline'), bar(prCount, 12, 'bar-pr', 'PR')];
  });
  const axis = `<text x="0" y="${height + 13}">${escapeHtml(label(low, distribution.scale))}</text><text x="${width}" y="${height + 13}" text-anchor="end">${escapeHtml(label(high, distribution.scale))}</text>`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height + 16}" width="${width}" height="${height + 16}" role="img" aria-label="distribution of ${escapeHtml(distribution.metric)}"><line class="axis" x1="0" x2="${width}" y1="${height}" y2="${height}"/>${bars.join('')}${axis}</svg>`;
}

export function trendSvg(series: MetricSeries): string {
  const values = series.points.map((point) => point.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const [width, height, pad] = [240, 56, 6];
  const x = (index: number) => pad + (values.length > 1 ? (index * (width - 2 * pad)) / (values.length - 1) : (width - 2 * pad) / 2);
  const y = (value: number) => pad + (high > low ? ((high - value) / (high - low)) * (height - 2 * pad) : (height - 2 * pad) / 2);
  const path = values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const dots = series.points.map((point, index) =>
    `<circle cx="${x(index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3"><title>${escapeHtml(shortCommit(point.commit))} · ${escapeHtml(point.date.slice(0, 10))}: ${escapeHtml(formatValue(point.value, series.scale))}</title></circle>`,
  );
  const first = series.points[0];
  const last = series.points.at(-1);
  const axis = first && last ? `<text x="0" y="${height + 13}">${escapeHtml(shortCommit(first.commit))}</text><text x="${width}" y="${height + 13}" text-anchor="end">${escapeHtml(shortCommit(last.commit))}</text>` : '';
  return `<svg class="chart trend" viewBox="0 0 ${width} ${height + 16}" width="${width}" height="${height + 16}" role="img" aria-label="trend of ${escapeHtml(series.metric)}"><polyline points="${path}"/>${dots.join('')}${axis}</svg>`;
}
