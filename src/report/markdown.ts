import type { CaseDiff, CaseRef, Comparison, SuiteComparison } from '../compare/types.js';
import { escapeMarkdownText, escapeTableCell, fencedBlock } from './escape.js';
import { detectableLine, metricCells, metricErrorLines, sortByFamily, spendLine, VERDICT_ICON, VERDICT_WORD } from './format.js';

/** How much detail a rendering keeps; lowered step by step to fit a size limit. */
export interface Detail {
  casesPerSuite: number;
  outputChars: number;
  listCases: boolean;
}

const FULL_DETAIL: Detail = { casesPerSuite: 5, outputChars: 1500, listCases: true };

export interface MarkdownOptions {
  runUrl?: string;
  notes?: string[];
  /** Trend charts (src/history/mermaid.ts: chart text already reduced to plain characters). */
  trend?: string;
}

function metricTable(suite: SuiteComparison): string[] {
  const rows = sortByFamily(suite.metrics).map((metric) =>
    [
      metric.family,
      `${escapeTableCell(metric.name, 80)}${metric.gating ? '' : ' (report only)'}`,
      ...metricCells(metric),
      metric.pRaw === null ? '—' : `${metric.improved} / ${metric.regressed}`,
      `${VERDICT_ICON[metric.status]} ${escapeTableCell(metric.reason, 200)}`,
    ].join(' | '),
  );
  return [
    '| family | metric | baseline | PR | Δ (pts or ×) | 90% CI | p (raw / Holm) | better / worse | status |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((row) => `| ${row} |`),
  ];
}

function inputsText(inputs: Record<string, unknown>, limit: number): string {
  const text = Object.entries(inputs).map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('\n');
  return text.length > limit ? `${text.slice(0, limit)}…(truncated)` : text;
}

function caseDetails(diff: CaseDiff, detail: Detail): string[] {
  const moved = Object.entries(diff.deltas).map(([name, delta]) => `${name} ${delta > 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(0)} pts`).join(', ');
  return [
    `<details><summary>${escapeMarkdownText(diff.id)} — ${escapeMarkdownText(moved)}</summary>`,
    '',
    '**Input**',
    '',
    fencedBlock(inputsText(diff.inputs, detail.outputChars), detail.outputChars + 20),
    '',
    '| baseline output | PR output |',
    '|---|---|',
    `| ${escapeTableCell(diff.baselineOutput ?? '(no output)', detail.outputChars)} | ${escapeTableCell(diff.prOutput ?? '(no output)', detail.outputChars)} |`,
    '',
    '</details>',
  ];
}

function caseList(title: string, cases: readonly CaseRef[]): string[] {
  if (cases.length === 0) return [];
  const names = cases.slice(0, 50).map((testCase) => `\`${escapeTableCell(testCase.id, 60).replace(/`/g, "'")}\`${testCase.wasFailing ? ' (was failing)' : ''}`);
  return [`**${title} (${cases.length})**: ${names.join(', ')}${cases.length > 50 ? ', …' : ''}`, ''];
}

function suiteSection(suite: SuiteComparison, detail: Detail): string[] {
  const icon = suite.outcome === 'skipped' ? '⏭️' : VERDICT_ICON[suite.verdict];
  const heading = `### ${icon} ${escapeMarkdownText(suite.name)}`;
  if (suite.outcome === 'skipped') return [heading, '', `Skipped: ${escapeMarkdownText(suite.note ?? '')}`, ''];
  if (suite.outcome === 'could-not-run' || suite.outcome === 'removed') {
    return [heading, '', `${suite.outcome === 'removed' ? 'Removed' : 'The evaluation could not run'}: ${escapeMarkdownText(suite.note ?? '')}`, ''];
  }
  const lines = [heading, '', suite.outcome === 'new' ? '_New suite: no baseline to compare with; absolute floors apply._' : `${suite.shared} shared cases.`, '', ...metricTable(suite), ''];
  const detectable = detectableLine(suite.metrics);
  if (detectable && suite.outcome === 'compared') lines.push(`_${detectable}_`, '');
  const spend = spendLine(suite.spend);
  if (spend) lines.push(spend, '');
  if (suite.note) lines.push(`⚠️ ${escapeMarkdownText(suite.note)}`, '');
  for (const change of suite.gateChanges) lines.push(`🔒 ${escapeMarkdownText(change)}`, '');
  if (suite.notComparable.length) lines.push(`⚠️ **Not comparable** (evaluator changed: config, judge model or rubric): ${escapeMarkdownText(suite.notComparable.join(', '))}`, '');
  for (const line of metricErrorLines(suite)) lines.push(`⚠️ ${escapeMarkdownText(line)}`, '');
  const cases = suite.regressedCases.slice(0, detail.casesPerSuite);
  if (cases.length) {
    lines.push(`**Top regressed cases** (${cases.length} of ${suite.regressedCases.length} shown)`, '');
    for (const diff of cases) lines.push(...caseDetails(diff, detail), '');
  }
  if (detail.listCases) {
    lines.push(...caseList('Added cases', suite.added), ...caseList('Removed cases', suite.removed));
    if (suite.erroredCases.length) {
      lines.push(`**Cases whose flow failed (${suite.erroredCases.length})**: infrastructure failures (timeouts, 429/5xx, connection) are left out of the comparison; application failures count as failed cases.`, '');
      for (const errored of suite.erroredCases.slice(0, 10)) lines.push(`- \`${escapeTableCell(errored.id, 60).replace(/`/g, "'")}\` (${errored.kind}): ${escapeTableCell(errored.error, 200)}`);
      lines.push('');
    }
  }
  return lines;
}

function renderMarkdown(comparison: Comparison, options: MarkdownOptions, detail: Detail): string {
  const lines = [
    `## ${VERDICT_ICON[comparison.verdict]} EvalGate: ${VERDICT_WORD[comparison.verdict]}`,
    '',
    escapeMarkdownText(comparison.headline),
    '',
  ];
  for (const note of options.notes ?? []) lines.push(`> [!NOTE]`, `> ${escapeMarkdownText(note)}`, '');
  for (const suite of comparison.suites) lines.push(...suiteSection(suite, detail));
  if (options.trend) lines.push(options.trend, '');
  const link = options.runUrl ? ` · [workflow run and job summary](${options.runUrl})` : '';
  lines.push('---', `<sub>EvalGate · paired tests on shared cases, one Holm family over every gating test of the PR${link}</sub>`);
  return lines.join('\n');
}

/** Renders at the most detail that fits `limit` characters, saying what was trimmed. */
export function renderWithin(comparison: Comparison, options: MarkdownOptions, limit: number, prefix = ''): string {
  const levels: [Detail, string][] = [
    [FULL_DETAIL, ''],
    [{ casesPerSuite: 3, outputChars: 400, listCases: true }, 'case outputs shortened'],
    [{ casesPerSuite: 0, outputChars: 0, listCases: true }, 'regressed-case details left out'],
    [{ casesPerSuite: 0, outputChars: 0, listCases: false }, 'case details and case lists left out'],
  ];
  for (const [detail, trimmed] of levels) {
    const note = trimmed ? [`Trimmed to fit ${limit.toLocaleString('en-US')} characters: ${trimmed}; see the full report.`] : [];
    const text = prefix + renderMarkdown(comparison, { ...options, notes: [...(options.notes ?? []), ...note] }, detail);
    if (text.length <= limit) return text;
  }
  const notice = '\n\n…(trimmed: the report is longer than this comment allows; see the full report)';
  const text = prefix + renderMarkdown(comparison, options, levels[3]?.[0] ?? FULL_DETAIL);
  return text.slice(0, limit - notice.length) + notice;
}
