import type { Comparison, SuiteComparison } from '../compare/types.js';
import { escapeTerminal } from './escape.js';
import { sequentialLines } from './sequential-lines.js';
import { callCostsLine, explainLines, metricCells, metricErrorLines, sortByFamily, spendLine, VERDICT_WORD } from './format.js';

const COLORS = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
type Color = keyof typeof COLORS;

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}

function suiteLines(suite: SuiteComparison, paint: (text: string, color: Color) => string): string[] {
  const status = { pass: paint('pass', 'green'), warn: paint('warn', 'yellow'), fail: paint('FAIL', 'red') } as const;
  const title = `${paint(escapeTerminal(suite.name), 'bold')}  ${suite.outcome === 'compared' ? `${suite.shared} shared cases` : suite.outcome}`;
  if (suite.outcome === 'skipped' || suite.outcome === 'could-not-run' || suite.outcome === 'removed') {
    const label = { 'could-not-run': paint('could not run', 'red'), removed: paint('removed', 'yellow'), skipped: 'skipped' }[suite.outcome];
    const errored = suite.outcome === 'could-not-run' ? erroredLines(suite.erroredCases.length, suite.erroredCases[0]?.error ?? '', paint) : [];
    return [title, `  ${label}: ${escapeTerminal(suite.note ?? '')}`, ...errored, ''];
  }
  const rows = [
    ['family', 'metric', 'baseline', 'PR', 'Δ', '90% CI', 'p raw/Holm', 'status'],
    ...sortByFamily(suite.metrics).map((metric) => [
      escapeTerminal(metric.family),
      escapeTerminal(metric.name) + (metric.gating ? '' : ' (report only)'),
      ...metricCells(metric),
      `${metric.status}`,
    ]),
  ];
  const lines = table(rows).map((line, index) => {
    const metric = index > 0 ? sortByFamily(suite.metrics)[index - 1] : undefined;
    if (!metric) return `  ${paint(line, 'dim')}`;
    const reason = metric.status === 'pass' && ['no significant change', 'nothing to compare with'].includes(metric.reason) ? '' : `  ${paint(escapeTerminal(metric.reason), 'dim')}`;
    return `  ${line.replace(/(pass|warn|fail)$/, (word) => status[word as keyof typeof status])}${reason}`;
  });
  return [
    title,
    ...lines,
    ...sequentialLines(suite).map((line) => `  ${escapeTerminal(line)}`),
    ...(suite.regime ? [`  regime: ${escapeTerminal(suite.regime.reason)}`] : []),
    ...(spendLine(suite.spend) ? [`  ${spendLine(suite.spend)}`] : []),
    ...(callCostsLine(suite.calls) ? [`  ${paint(callCostsLine(suite.calls) ?? '', 'dim')}`] : []),
    ...(suite.regressedCases.length ? [`  most regressed: ${suite.regressedCases.slice(0, 5).map((diff) => escapeTerminal(diff.id)).join(', ')}`] : []),
    ...(suite.added.length || suite.removed.length ? [`  cases: ${suite.added.length} added, ${suite.removed.length} removed`] : []),
    ...erroredLines(suite.erroredCases.length, suite.erroredCases[0]?.error ?? '', paint),
    ...[...suite.gateChanges, ...metricErrorLines(suite), ...(suite.notComparable.length ? [`not comparable (evaluator changed): ${suite.notComparable.join(', ')}`] : [])].map((line) => `  ${paint(escapeTerminal(line), 'yellow')}`),
    ...(suite.note && suite.outcome === 'compared' ? [`  ${paint(escapeTerminal(suite.note), 'yellow')}`] : []),
    '',
  ];
}

/** How many cases failed to run, and the first one's whole error (a Python traceback's cause is on its last lines), a line each. */
function erroredLines(count: number, error: string, paint: (text: string, color: Color) => string): string[] {
  if (count === 0) return [];
  const [head = '', ...rest] = error.trim().split('\n').filter((line) => line.trim());
  const shown = rest.length > ERROR_LINES ? [...rest.slice(0, 2), '…', ...rest.slice(-(ERROR_LINES - 3))] : rest;
  return [`  ${paint(`${count} case(s) failed to run`, 'yellow')}: ${escapeTerminal(head)}`, ...shown.map((line) => `    ${escapeTerminal(line)}`)];
}

const ERROR_LINES = 12;

/** How the gate decided, with `--explain`; otherwise one dim line saying where to find it. */
function explainPart(comparison: Comparison, explain: boolean, paint: (text: string, color: Color) => string): string[] {
  const lines = explainLines(comparison);
  if (!lines.length) return [];
  if (!explain) return [paint('(--explain: how sure, and how the gate decided)', 'dim')];
  return ['How sure, and how the gate decided:', ...lines.map((line) => `  ${escapeTerminal(line)}`), ''];
}

/** The metric-diff table for a terminal; colour only when asked (a TTY without NO_COLOR); the method with `explain`. */
export function renderTerminalTable(comparison: Comparison, options: { color: boolean; explain?: boolean }): string {
  const paint = (text: string, color: Color) => (options.color ? `\x1b[${COLORS[color]}m${text}\x1b[0m` : text);
  const verdictColor: Record<Comparison['verdict'], Color> = { pass: 'green', warn: 'yellow', fail: 'red', incomplete: 'red', error: 'red' };
  return [
    ...comparison.suites.flatMap((suite) => suiteLines(suite, paint)),
    ...explainPart(comparison, options.explain === true, paint),
    `${paint(VERDICT_WORD[comparison.verdict], verdictColor[comparison.verdict])}  ${escapeTerminal(comparison.headline)}`,
  ].join('\n');
}
