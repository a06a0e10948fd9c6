import { formatValue } from './format.js';
import type { MetricSeries } from '../history/types.js';

const BARS = '▁▂▃▄▅▆▇█';

/** Untrusted names reach a terminal: no control characters or escape sequences. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

export function sparkline(values: readonly number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return values.map((value) => BARS[high === low ? 3 : Math.round(((value - low) / (high - low)) * (BARS.length - 1))] ?? '').join('');
}

function change(series: MetricSeries): string {
  const first = series.points[0]?.value;
  const last = series.points.at(-1)?.value;
  if (first === undefined || last === undefined || series.points.length < 2) return '—';
  if (series.scale.kind === 'amount') return first > 0 ? `×${(last / first).toFixed(2)}` : '—';
  const points = (last - first) * 100;
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(1)} pts`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}

/** One line per suite › metric: a sparkline, first and last value, change, number of baselines. */
export function renderTrendTable(series: readonly MetricSeries[]): string {
  if (series.length === 0) return 'No metric values in the baseline history yet.';
  const rows = [
    ['suite', 'metric', 'trend', 'first', 'last', 'change', 'baselines'],
    ...series.map((one) => [
      plain(one.suite),
      plain(one.metric),
      sparkline(one.points.map((point) => point.value)),
      formatValue(one.points[0]?.value ?? null, one.scale),
      formatValue(one.points.at(-1)?.value ?? null, one.scale),
      change(one),
      String(one.points.length),
    ]),
  ];
  return table(rows).join('\n');
}
