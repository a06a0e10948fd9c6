import type { ResultsFile, SuiteResult } from '../../results/types.js';
import { inputText, shown, valuesByKey } from './case-data.js';
import { clip, escapeHtml, visibleText } from './safe-text.js';

/**
 * Variants side by side: suites that ran the same cases (the same ids) — a promptfoo prompt ×
 * provider matrix, or one dataset under several flows or models — are one matrix with a column
 * per suite, each cell the output and the metrics the variants share. Pure; every text escaped.
 */
interface VariantMatrix {
  title: string;
  variants: string[];
  metrics: string[];
  rows: { id: string; input: string; cells: ({ output: string | null; error: string | null; values: string[] } | undefined)[] }[];
  /** Rows left out beyond the limit. */
  omitted: number;
}

const ROW_LIMIT = 500;
const OUTPUT_LIMIT = 1_500;

/** The shared start of the names, up to a separator (`qa: short × gpt-4o`, `qa: long × gpt-4o` → `qa`). */
function commonTitle(names: readonly string[]): string {
  const first = names[0] ?? '';
  let length = 0;
  while (length < first.length && names.every((name) => name[length] === first[length])) length += 1;
  const prefix = first.slice(0, length).replace(/[\s:×|/-]+$/, '').trim();
  return prefix.length >= 2 ? prefix : names.join(' · ');
}

function matrixOf(suites: readonly SuiteResult[]): VariantMatrix {
  const metrics = (suites[0]?.metrics ?? []).map((metric) => metric.name).filter((name) => suites.every((suite) => suite.metrics.some((metric) => metric.name === name)));
  const columns = suites.map((suite) => ({
    byId: new Map(suite.cases.map((testCase) => [testCase.id, testCase])),
    values: metrics.map((name) => {
      const metric = suite.metrics.find((candidate) => candidate.name === name);
      const values = valuesByKey(suite, (candidate) => candidate.name === name);
      return (key: string) => (metric ? shown(values.get(key), metric) : '—');
    }),
  }));
  const ids = (suites[0]?.cases ?? []).map((testCase) => testCase.id);
  const rows = ids.slice(0, ROW_LIMIT).map((id) => {
    const first = columns[0]?.byId.get(id);
    return {
      id: visibleText(id),
      input: clip(visibleText(first ? inputText(first.inputs) : ''), OUTPUT_LIMIT),
      cells: columns.map((column) => {
        const testCase = column.byId.get(id);
        if (!testCase) return undefined;
        const sample = testCase.samples[0];
        return {
          output: sample?.output === null || sample?.output === undefined ? null : clip(visibleText(sample.output), OUTPUT_LIMIT),
          error: sample?.error ? clip(visibleText(sample.error), OUTPUT_LIMIT) : null,
          values: column.values.map((value) => value(testCase.id)),
        };
      }),
    };
  });
  const names = suites.map((suite) => visibleText(suite.name));
  return { title: commonTitle(names), variants: names, metrics: metrics.map(visibleText), rows, omitted: Math.max(0, ids.length - ROW_LIMIT) };
}

/** One matrix per group of two or more suites that ran exactly the same case ids. */
export function variantMatrices(pr: ResultsFile): VariantMatrix[] {
  const groups = new Map<string, SuiteResult[]>();
  for (const suite of pr.suites) {
    if (suite.status !== 'ran' || suite.cases.length === 0) continue;
    const key = suite.cases.map((testCase) => testCase.id).sort().join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), suite]);
  }
  return [...groups.values()].filter((group) => group.length >= 2).map(matrixOf);
}

/** The matrices as HTML tables (nothing when no suites share their cases). */
export function variantsSection(matrices: readonly VariantMatrix[]): string {
  if (matrices.length === 0) return '';
  const cell = (value: VariantMatrix['rows'][number]['cells'][number], metrics: readonly string[]) => {
    if (!value) return '<td class="variant missing">not in this variant</td>';
    const text = value.error ? `<pre class="error-text">${escapeHtml(value.error)}</pre>` : `<pre>${escapeHtml(value.output ?? '(no output)')}</pre>`;
    const scores = metrics.map((metric, index) => `<span class="score">${escapeHtml(metric)} <b>${escapeHtml(value.values[index] ?? '—')}</b></span>`).join(' ');
    return `<td class="variant">${text}<div class="scores">${scores}</div></td>`;
  };
  const tables = matrices.map((matrix) => {
    const head = `<tr><th>case</th><th>input</th>${matrix.variants.map((name) => `<th>${escapeHtml(name)}</th>`).join('')}</tr>`;
    const body = matrix.rows.map((row) => `<tr><td><code>${escapeHtml(row.id)}</code></td><td><pre>${escapeHtml(row.input)}</pre></td>${row.cells.map((value) => cell(value, matrix.metrics)).join('')}</tr>`).join('\n');
    const omitted = matrix.omitted ? `<p class="note">${matrix.omitted} more cases not shown (first ${matrix.rows.length}).</p>` : '';
    return `<h3>${escapeHtml(matrix.title)} — ${matrix.variants.length} variants, ${matrix.rows.length + matrix.omitted} cases</h3><div class="matrix-wrap"><table class="matrix">${head}\n${body}</table></div>${omitted}`;
  });
  return `<section class="variants" id="variants"><h2>Variants side by side</h2><p class="note">Suites that ran the same cases, one column each: this run's output and scores.</p>${tables.join('\n')}</section>`;
}
