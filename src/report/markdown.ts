import type { CaseDiff, CaseRef, Comparison, SuiteComparison } from '../compare/types.js';
import { escapeCodeSpan, escapeMarkdownInline, escapeTableCell, fencedBlock } from './escape.js';
import { gapLine } from '../compare/coverage.js';
import { SEQUENTIAL_METHOD, sequentialLines } from './sequential-lines.js';
import { callCostsLine, explainLines, metricCells, metricErrorLines, sortByFamily, spendLine, VERDICT_ICON, VERDICT_WORD } from './format.js';

/** How much detail a rendering keeps; lowered step by step to fit a size limit. */
interface Detail {
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
      escapeTableCell(metric.family, 40),
      `${escapeCodeSpan(metric.name)}${metric.gating ? '' : ' (report only)'}`,
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
    `<details><summary>${escapeMarkdownInline(diff.id, 120)} — ${escapeMarkdownInline(moved)}</summary>`,
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
  const names = cases.slice(0, 50).map((testCase) => `${escapeCodeSpan(testCase.id, 60)}${testCase.wasFailing ? ' (was failing)' : ''}`);
  return [`**${title} (${cases.length})**: ${names.join(', ')}${cases.length > 50 ? ', …' : ''}`, ''];
}

function suiteSection(suite: SuiteComparison, detail: Detail): string[] {
  const icon = suite.outcome === 'skipped' ? '⏭️' : VERDICT_ICON[suite.verdict];
  const heading = `### ${icon} ${escapeMarkdownInline(suite.name, 120)}`;
  if (suite.outcome === 'skipped') return [heading, '', `Skipped: ${escapeMarkdownInline(suite.note ?? '', 2000)}`, ''];
  if (suite.outcome === 'could-not-run' || suite.outcome === 'removed') {
    return [heading, '', `${suite.outcome === 'removed' ? 'Removed' : 'The evaluation could not run'}: ${escapeMarkdownInline(suite.note ?? '', 2000)}`, ''];
  }
  const lines = [heading, '', suite.outcome === 'new' ? '_New suite: no baseline to compare with; absolute floors apply._' : `${suite.shared} shared cases.`, '', ...metricTable(suite), ''];
  const stopped = sequentialLines(suite);
  if (stopped.length) {
    lines.push(...stopped.map((line) => `🏁 ${escapeMarkdownInline(line, 2000)}`), '');
    lines.push('<details><summary>How stopping early works</summary>', '', SEQUENTIAL_METHOD, '', '</details>', '');
  }
  if (suite.regime) lines.push(`Regime: ${escapeMarkdownInline(suite.regime.reason, 2000)}.`, '');
  const spend = spendLine(suite.spend);
  if (spend) lines.push(spend, '');
  const calls = callCostsLine(suite.calls);
  if (calls) lines.push(`⏱️ ${calls}`, '');
  if (suite.note) lines.push(`⚠️ ${escapeMarkdownInline(suite.note, 2000)}`, '');
  for (const change of suite.gateChanges) lines.push(`🔒 ${escapeMarkdownInline(change, 2000)}`, '');
  const changed = changedInputsLine(suite);
  if (changed) lines.push(`⚠️ ${changed}`, '');
  if (suite.notComparable.length) lines.push(`⚠️ **Not comparable** (evaluator changed: config, judge model or rubric): ${escapeMarkdownInline(suite.notComparable.join(', '), 2000)}`, '');
  for (const line of metricErrorLines(suite)) lines.push(`⚠️ ${escapeMarkdownInline(line, 2000)}`, '');
  const cases = suite.regressedCases.slice(0, detail.casesPerSuite);
  if (cases.length) {
    lines.push(`**Top regressed cases** (${cases.length} of ${suite.regressedCases.length} shown)`, '');
    for (const diff of cases) lines.push(...caseDetails(diff, detail), '');
  }
  if (detail.listCases) {
    lines.push(...caseList('Added cases', suite.added), ...caseList('Removed cases', suite.removed));
    if (suite.erroredCases.length) {
      lines.push(`**Cases whose flow failed (${suite.erroredCases.length})**: infrastructure failures (timeouts, 429/5xx, connection) are left out of the comparison; application failures count as failed cases.`, '');
      for (const errored of suite.erroredCases.slice(0, 10)) lines.push(`- ${escapeCodeSpan(errored.id, 60)} (${errored.kind}): ${escapeTableCell(errored.error, 200)}`);
      lines.push('');
    }
  }
  return lines;
}

/** Shared cases whose inputs changed since the baseline: still compared by id, named so a reviewer can check them. */
function changedInputsLine(suite: SuiteComparison): string | undefined {
  const changed = suite.changedInputs ?? [];
  if (!changed.length) return undefined;
  const shown = changed.slice(0, 5).map((entry) => `${escapeCodeSpan(entry.id, 60)} (${escapeMarkdownInline(entry.fields.join(', '), 120)})`);
  const more = changed.length > shown.length ? ` and ${changed.length - shown.length} more` : '';
  return `**${changed.length} case(s) changed their inputs** since the baseline and are compared by id: ${shown.join(', ')}${more}. A case that is now another question deserves a new id.`;
}

/** The method, one click away: the error budget and each compared suite's power, in a closed `<details>` block. */
function methodDetails(comparison: Comparison): string[] {
  const lines = explainLines(comparison);
  if (!lines.length) return [];
  return ['<details><summary>How sure, and how EvalGate decided</summary>', '', ...lines.flatMap((line) => [escapeMarkdownInline(line, 2000), '']), '</details>', ''];
}

function renderMarkdown(comparison: Comparison, options: MarkdownOptions, detail: Detail): string {
  const lines = [
    `## ${VERDICT_ICON[comparison.verdict]} EvalGate: ${VERDICT_WORD[comparison.verdict]}`,
    '',
    escapeMarkdownInline(comparison.headline, 2000),
    '',
  ];
  if (comparison.coverage.length) {
    lines.push(`**Not compared (${comparison.coverage.length})** — the verdict is ${VERDICT_WORD.incomplete} until each is compared:`, '');
    for (const entry of comparison.coverage) lines.push(`- ${escapeMarkdownInline(gapLine(entry), 600)}`);
    lines.push('');
  }
  for (const note of options.notes ?? []) lines.push(`> [!NOTE]`, `> ${escapeMarkdownInline(note, 2000)}`, '');
  for (const suite of comparison.suites) lines.push(...suiteSection(suite, detail));
  lines.push(...methodDetails(comparison));
  if (options.trend) lines.push(options.trend, '');
  const link = options.runUrl ? ` · [workflow run and job summary](${options.runUrl})` : '';
  lines.push('---', `<sub>EvalGate${link}</sub>`);
  return lines.join('\n');
}

type SizeUnit = 'characters' | 'bytes';

const MEASURE: Record<SizeUnit, (text: string) => number> = {
  characters: (text) => text.length,
  bytes: (text) => Buffer.byteLength(text, 'utf8'),
};

/** The longest run of whole lines from the start of `body` that fits `budget`. */
function wholeLinesWithin(body: string, budget: number, measure: (text: string) => number): string {
  const kept: string[] = [];
  let size = 0;
  for (const line of body.split('\n')) {
    size += measure(line) + (kept.length ? 1 : 0);
    if (size > budget) break;
    kept.push(line);
  }
  return kept.join('\n');
}

/**
 * Renders at the most detail that fits `limit` (characters for a comment, UTF-8 bytes for the
 * job summary), saying what was trimmed. The last resort cuts whole lines and keeps the footer
 * with its links.
 */
export function renderWithin(comparison: Comparison, options: MarkdownOptions, limit: number, prefix = '', unit: SizeUnit = 'characters'): string {
  const measure = MEASURE[unit];
  const levels: [Detail, string][] = [
    [FULL_DETAIL, ''],
    [{ casesPerSuite: 3, outputChars: 400, listCases: true }, 'case outputs shortened'],
    [{ casesPerSuite: 0, outputChars: 0, listCases: true }, 'regressed-case details left out'],
    [{ casesPerSuite: 0, outputChars: 0, listCases: false }, 'case details and case lists left out'],
  ];
  for (const [detail, trimmed] of levels) {
    const note = trimmed ? [`Trimmed to fit ${limit.toLocaleString('en-US')} ${unit}: ${trimmed}; see the full report.`] : [];
    const text = prefix + renderMarkdown(comparison, { ...options, notes: [...(options.notes ?? []), ...note] }, detail);
    if (measure(text) <= limit) return text;
  }
  const notice = '\n\n…(trimmed: the report is longer than this allows; see the full report)\n';
  const text = prefix + renderMarkdown(comparison, options, levels[3]?.[0] ?? FULL_DETAIL);
  const footerAt = text.lastIndexOf('\n---\n');
  const footer = text.slice(footerAt);
  return wholeLinesWithin(text.slice(0, footerAt), limit - measure(notice) - measure(footer), measure) + notice + footer;
}
