import type { Comparison, MetricComparison, SuiteComparison } from '../../compare/types.js';
import type { MetricSeries } from '../../history/types.js';
import type { ResultsFile } from '../../results/types.js';
import { callCostsLine, detectableLine, formatDelta, formatInterval, formatP, formatValue, sortByFamily, spendLine, VERDICT_WORD } from '../format.js';
import type { Distribution } from './charts.js';
import { histogramSvg, trendSvg } from './charts.js';
import { escapeHtml } from './safe-text.js';
import { SEQUENTIAL_METHOD, sequentialLines } from '../sequential-lines.js';

/** The static parts of the HTML report; every untrusted string goes through escapeHtml. */
const pill = (status: string, text = status) => `<span class="pill ${escapeHtml(status)}">${escapeHtml(text)}</span>`;

export function header(comparison: Comparison, pr: ResultsFile, baseline: ResultsFile | null): string {
  const run = (results: ResultsFile) => `${escapeHtml(results.run.commit?.slice(0, 7) ?? 'local')} · ${escapeHtml(results.run.date.slice(0, 16).replace('T', ' '))}`;
  const failing = comparison.suites.flatMap((suite) => suite.metrics.filter((metric) => metric.status === 'fail' && metric.gating)).length;
  const cases = comparison.suites.reduce((sum, suite) => sum + suite.shared, 0);
  return `<header class="top ${comparison.verdict}">
  <div class="verdict">${pill(comparison.verdict, VERDICT_WORD[comparison.verdict])}<h1>EvalGate report</h1></div>
  <p class="headline">${escapeHtml(comparison.headline)}</p>
  <dl class="meta"><div><dt>this run</dt><dd>${run(pr)}</dd></div><div><dt>baseline</dt><dd>${baseline ? run(baseline) : 'none yet'}</dd></div>
  <div><dt>suites</dt><dd>${comparison.suites.length}</dd></div><div><dt>shared cases</dt><dd>${cases}</dd></div><div><dt>failing metrics</dt><dd>${failing}</dd></div>
  <div><dt>models</dt><dd>${escapeHtml(pr.run.models.join(', ') || '—')}</dd></div></dl>
</header>`;
}

function metricRow(metric: MetricComparison): string {
  const cells = [
    escapeHtml(metric.family),
    `<code>${escapeHtml(metric.name)}</code>${metric.gating ? '' : ' <small>(report only)</small>'}`,
    formatValue(metric.baseline, metric.scale),
    formatValue(metric.pr, metric.scale),
    formatDelta(metric),
    formatInterval(metric),
    formatP(metric),
    metric.pRaw === null ? '—' : `${metric.improved} / ${metric.regressed}`,
  ];
  const numeric = cells.map((cell, index) => `<td${index >= 2 ? ' class="num"' : ''}>${index >= 2 ? escapeHtml(cell) : cell}</td>`);
  return `<tr class="${metric.status}">${numeric.join('')}<td>${pill(metric.status)} ${escapeHtml(metric.reason)}</td></tr>`;
}

function metricTable(suite: SuiteComparison): string {
  const head = ['family', 'metric', 'baseline', 'PR', 'Δ (pts or ×)', '90% CI', 'p (raw / Holm)', 'better / worse', 'status'];
  return `<table class="metrics"><thead><tr>${head.map((name, index) => `<th${index >= 2 && index < 8 ? ' class="num"' : ''}>${name}</th>`).join('')}</tr></thead><tbody>${sortByFamily(suite.metrics).map(metricRow).join('')}</tbody></table>`;
}

function metricCards(suite: SuiteComparison, shapes: readonly Distribution[], series: readonly MetricSeries[]): string {
  const cards = shapes.filter((shape) => shape.suite === suite.name && (shape.pr.length > 0 || shape.baseline.length > 0)).map((shape) => {
    const trends = series.filter((one) => one.suite === suite.name && (one.metric === shape.metric || one.metric === `${shape.metric} p50`) && one.points.length > 1);
    return `<figure class="card"><figcaption><code>${escapeHtml(shape.metric)}</code> <small>${shape.baseline.length} baseline / ${shape.pr.length} PR cases</small></figcaption>${histogramSvg(shape)}${trends
      .map((one) => `<div class="trend-label">trend over ${one.points.length} runs</div>${trendSvg(one)}`)
      .join('')}</figure>`;
  });
  if (cards.length === 0) return '';
  return `<div class="legend"><span class="key base"></span> baseline <span class="key pr"></span> this run <span class="key line"></span> baseline history</div><div class="cards">${cards.join('')}</div>`;
}

export function suiteSection(suite: SuiteComparison, shapes: readonly Distribution[], series: readonly MetricSeries[]): string {
  const status = suite.outcome === 'skipped' ? 'skipped' : suite.verdict;
  const title = `<h2>${pill(status, suite.outcome === 'skipped' ? 'SKIPPED' : VERDICT_WORD[suite.verdict])} ${escapeHtml(suite.name)} <small>${escapeHtml(suite.file)}</small></h2>`;
  if (suite.outcome === 'skipped' || suite.outcome === 'removed' || suite.outcome === 'could-not-run') {
    const why = { skipped: 'Skipped', removed: 'Removed', 'could-not-run': 'The evaluation could not run' }[suite.outcome];
    return `<section class="suite">${title}<p>${why}: ${escapeHtml(suite.note ?? '')}</p></section>`;
  }
  const lines = [
    suite.outcome === 'new' ? 'New suite: no baseline to compare with; absolute floors apply.' : `${suite.shared} shared cases · ${suite.added.length} added · ${suite.removed.length} removed.`,
    ...sequentialLines(suite),
    suite.outcome === 'compared' ? detectableLine(suite)?.replace(/`/g, '') : undefined,
    suite.regime ? `Regime: ${suite.regime.reason}.` : undefined,
    spendLine(suite.spend)?.replace(/`/g, ''),
    callCostsLine(suite.calls),
    suite.note,
  ].filter((line): line is string => Boolean(line));
  const method = suite.sequential && sequentialLines(suite).length ? `<details class="note"><summary>How stopping early works</summary><p>${escapeHtml(SEQUENTIAL_METHOD)}</p></details>` : '';
  return `<section class="suite">${title}${lines.map((line) => `<p class="note">${escapeHtml(line)}</p>`).join('')}${method}${metricTable(suite)}${metricCards(suite, shapes, series)}</section>`;
}

export function errorSection(comparison: Comparison): string {
  const items = comparison.suites.flatMap((suite) => [
    ...(suite.outcome === 'could-not-run' ? [`<li><b>${escapeHtml(suite.name)}</b>: could not run — ${escapeHtml(suite.note ?? '')}</li>`] : []),
    ...suite.erroredCases.map((errored) => `<li><b>${escapeHtml(suite.name)}</b> › <code>${escapeHtml(errored.id)}</code>: <span class="error-text">${escapeHtml(errored.error)}</span></li>`),
  ]);
  if (items.length === 0) return '';
  return `<section class="errors"><h2>Errors (${items.length})</h2><p class="note">Cases whose flow failed count as 0 for quality, not as a regression of the model.</p><ul>${items.join('')}</ul></section>`;
}

export function casesSection(metricNames: readonly string[], suiteNames: readonly string[]): string {
  const options = (values: readonly string[]) => values.map((value) => `<option value="${escapeHtml(value)}">${escapeHtml(value)}</option>`).join('');
  return `<section class="cases"><h2>Cases</h2>
<div class="controls">
  <label>suite <select id="f-suite"><option value="">all</option>${options(suiteNames)}</select></label>
  <label>metric <select id="f-metric"><option value="">all</option>${options(metricNames)}</select></label>
  <label>status <select id="f-status"><option value="">all</option>${options(['regressed', 'improved', 'unchanged', 'added', 'removed', 'errored'])}</select></label>
  <label class="grow">text <input id="f-text" type="search" placeholder="id, input or output contains…"></label>
  <label>sort <select id="f-sort"><option value="change">by change, worst first</option><option value="-change">by change, best first</option><option value="id">by id</option></select></label>
</div>
<p class="exports"><span id="case-count" class="note"></span> <button type="button" id="export-csv" class="more">download CSV</button> <button type="button" id="export-json" class="more">download JSON</button></p>
<table class="case-list"><thead><tr><th>suite</th><th>case</th><th>status</th><th class="num">change (pts)</th><th>metrics that moved</th></tr></thead><tbody id="case-rows"></tbody></table>
</section>`;
}
