import { createHash } from 'node:crypto';
import type { Comparison } from '../../compare/types.js';
import type { MetricSeries } from '../../history/types.js';
import type { ResultsFile } from '../../results/types.js';
import { VERDICT_WORD } from '../format.js';
import { htmlCases } from './case-data.js';
import { distributions } from './charts.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { escapeHtml, jsonForScript, visibleText } from './safe-text.js';
import { casesSection, errorSection, header, suiteSection } from './sections.js';
import { STYLES } from './styles.js';
import { variantMatrices, variantsSection } from './variants.js';

export interface HtmlReportInput {
  comparison: Comparison;
  pr: ResultsFile;
  baseline: ResultsFile | null;
  /** Each metric's values over the baseline's history (src/history), plotted per metric. */
  history?: MetricSeries[];
}

/**
 * The HTML report: one self-contained page (inline CSS and script, no network) with the verdict,
 * the metric-diff table per suite, per-metric distributions and trends, the errors, variants
 * side by side (suites that ran the same cases), and every case with both outputs, a word-level
 * diff and each metric's reason, exportable as CSV or JSON. Its Content-Security-Policy loads nothing and
 * runs only the report's own script, so even text that escaped escaping could not act.
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const { comparison, pr, baseline } = input;
  const series = input.history ?? [];
  const cases = htmlCases(pr, baseline);
  const shapes = distributions(pr, baseline);
  const metricNames = [...new Set(pr.suites.flatMap((suite) => suite.metrics.map((metric) => visibleText(metric.name))))];
  const suiteNames = [...new Set(cases.map((testCase) => testCase.suite))];
  const scriptHash = createHash('sha256').update(CLIENT_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>EvalGate ${VERDICT_WORD[comparison.verdict]} — ${escapeHtml(comparison.headline.slice(0, 120))}</title>
<style>${STYLES}</style>
</head>
<body>
${header(comparison, pr, baseline)}
<main>
${comparison.suites.map((suite) => suiteSection(suite, shapes, series)).join('\n')}
${errorSection(comparison)}
${variantsSection(variantMatrices(pr))}
${casesSection(metricNames, suiteNames)}
<footer>EvalGate ${escapeHtml(pr.tool.version)} · paired tests on shared cases, Holm-corrected at each suite's α · this page is self-contained and loads nothing from the network.</footer>
</main>
<script type="application/json" id="evalgate-data">${jsonForScript({ cases })}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
