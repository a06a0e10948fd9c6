import type { Comparison } from '../../compare/types.js';
import { escapeMarkdownText, escapeTableCell } from '../../report/escape.js';
import { formatDelta, formatValue, VERDICT_ICON, VERDICT_WORD } from '../../report/format.js';

/** What the drift issue records about one scheduled run. */
export interface DriftRun {
  /** ISO date of the run. */
  date: string;
  commit?: string;
  runUrl?: string;
  comparison: Comparison;
}

/** More rows than this in one run's table are summarised, so one run cannot fill the issue. */
const MAX_ROWS = 40;

function heading(run: DriftRun): string {
  const { verdict } = run.comparison;
  const when = run.date.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const parts = [`${VERDICT_ICON[verdict]} ${VERDICT_WORD[verdict]}`, escapeMarkdownText(when)];
  if (run.commit) parts.push(`commit \`${run.commit.replace(/[^0-9a-f]/gi, '').slice(0, 7)}\``);
  if (run.runUrl) parts.push(`[workflow run](${encodeURI(run.runUrl).replace(/[()]/g, encodeURIComponent)})`);
  return `### ${parts.join(' · ')}`;
}

/** Rows for every metric that did not pass, suite by suite; suites that did not compare get a note row. */
function rows(comparison: Comparison): string[] {
  const lines: string[] = [];
  for (const suite of comparison.suites) {
    const name = escapeTableCell(suite.name, 60);
    if (suite.outcome !== 'compared' && suite.verdict !== 'pass') {
      lines.push(`| ${name} | — | — | — | — | ${VERDICT_ICON[suite.verdict]} ${escapeTableCell(suite.note ?? suite.outcome)} |`);
    }
    for (const metric of suite.metrics.filter((candidate) => candidate.status !== 'pass')) {
      const values = [formatValue(metric.baseline, metric.scale), formatValue(metric.pr, metric.scale), formatDelta(metric)];
      lines.push(`| ${name} | \`${escapeTableCell(metric.name, 60).replace(/`/g, '')}\` | ${values.join(' | ')} | ${VERDICT_ICON[metric.status]} ${escapeTableCell(metric.reason)} |`);
    }
  }
  return lines;
}

/** One run's section of the drift issue: heading, headline and the table of what regressed. */
export function renderDriftRun(run: DriftRun): string {
  const all = rows(run.comparison);
  const shown = all.slice(0, MAX_ROWS);
  const lines = [heading(run), '', escapeMarkdownText(run.comparison.headline), ''];
  if (shown.length) {
    lines.push('| suite | metric | baseline | this run | change | status |', '|---|---|---|---|---|---|', ...shown);
    if (all.length > shown.length) lines.push('', `…and ${all.length - shown.length} more rows (see the workflow run's summary).`);
  }
  return lines.join('\n');
}
