import { methodSentence } from '../compare/headline.js';
import type { Comparison, MetricComparison, SuiteComparison, Verdict } from '../compare/types.js';
import type { Scale } from '../metrics/types.js';
import { FAMILIES } from '../metrics/types.js';
import { UNITS } from '../metrics/units.js';
import type { ModelCallCosts } from '../results/types.js';


export const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌', incomplete: '🚧', error: '🛑' };
export const VERDICT_WORD: Record<Verdict, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', incomplete: 'INCOMPLETE', error: 'COULD NOT RUN' };

/** A run-level value in its unit: 0–1 scores as percentages, USD, ms. */
export function formatValue(value: number | null, scale: Scale): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (scale.kind === 'amount') return UNITS[scale.unit].format(value);
  return `${(value * 100).toFixed(1)}%`;
}

export function formatDelta(metric: MetricComparison): string {
  if (metric.scale.kind === 'amount') return metric.ratio === null || metric.ratio === undefined ? '—' : `×${metric.ratio.toFixed(2)}`;
  if (metric.delta === null) return '—';
  const points = metric.delta * 100;
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(1)}`;
}

export function formatInterval(metric: MetricComparison): string {
  if (!metric.ci) return '—';
  const [low, high] = metric.ci;
  if (metric.scale.kind === 'amount') return `×${low.toFixed(2)} … ×${high.toFixed(2)}`;
  const points = (value: number) => `${value < 0 ? '−' : ''}${Math.abs(value * 100).toFixed(1)}`;
  return `${points(low)} … ${points(high)}`;
}

export function formatP(metric: MetricComparison): string {
  if (metric.pRaw === null) return '—';
  const raw = metric.pRaw < 0.001 ? '<0.001' : metric.pRaw.toFixed(3);
  if (metric.pHolm === null) return raw;
  return `${raw} / ${metric.pHolm < 0.001 ? '<0.001' : metric.pHolm.toFixed(3)}`;
}

export function sortByFamily(metrics: readonly MetricComparison[]): MetricComparison[] {
  return [...metrics].sort((a, b) => FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family));
}

/**
 * How big a change the suite can see, in plain words, over its gating 0–1 metrics: the smallest
 * true drop that FAILs with 80 % power (the gate's tolerance and the PR-wide family included),
 * also as a number of cases, and what to do about smaller ones. Metrics judged noise-free have
 * no power to speak of: any measured drop of their tolerance FAILs, and the line says that.
 */
export function detectableLine(suite: Pick<SuiteComparison, 'metrics' | 'regime'>): string | undefined {
  const noiseFree = new Set(suite.regime?.kind === 'noise-free' ? suite.regime.metrics : []);
  const gating = suite.metrics.filter((metric) => metric.detectableDrop !== null && metric.gating);
  const shared = suite.metrics[0]?.shared ?? 0;
  const casesFor = (drop: number) => Math.min(shared, Math.max(1, Math.ceil(drop * shared - 1e-9)));
  const tested = gating.filter((metric) => !noiseFree.has(metric.name));
  const exact = gating.filter((metric) => noiseFree.has(metric.name));
  const exactLine = exact.length ? `Its flow is noise-free, so a measured drop of ${Number((Math.max(...exact.map((metric) => metric.detectableDrop as number)) * 100).toFixed(1))} points or more in ${exact.map((metric) => metric.name).join(', ')} FAILs — ${casesFor(Math.max(...exact.map((metric) => metric.detectableDrop as number)))} of ${shared} cases going from right to wrong.` : undefined;
  if (tested.length === 0) return exactLine;
  const worst = Math.max(...tested.map((metric) => metric.detectableDrop as number));
  const power = `With ${shared} shared cases this suite catches a drop of ${Number((worst * 100).toFixed(1))} points or more 8 times in 10 — about ${casesFor(worst)} of ${shared} cases going from right to wrong; a smaller drop can pass as chance. To see smaller changes, add cases, run each case more than once (\`repeat: 3\`) or set a floor (\`min:\`).`;
  return exactLine ? `${power} ${exactLine}` : power;
}

/** "Spend: flow $0.0123 (baseline $0.0119) · judges and moderation $0.0040, apart" */
export function spendLine(spend: SuiteComparison['spend']): string | undefined {
  if (!spend || (spend.flowUsd === 0 && spend.evaluatorUsd === 0)) return undefined;
  const usd = (value: number) => formatValue(value, { kind: 'amount', unit: 'usd' });
  const baseline = spend.baselineFlowUsd === null ? '' : ` (baseline ${usd(spend.baselineFlowUsd)})`;
  const evaluators = spend.evaluatorUsd > 0 ? ` · judges and moderation ${usd(spend.evaluatorUsd)}, not counted as the flow's cost` : '';
  return `Spend of this run: flow ${usd(spend.flowUsd)}${baseline}${evaluators}.`;
}

/**
 * The method behind the verdict, for `<details>` and `--explain`: the PR's error budget, then what
 * each compared suite can detect. Empty when nothing was tested.
 */
export function explainLines(comparison: Comparison): string[] {
  const method = methodSentence(comparison);
  const power = comparison.suites.flatMap((suite) => {
    const line = suite.outcome === 'compared' ? detectableLine(suite) : undefined;
    return line ? [`${suite.name}: ${line.replace(/`/g, '')}`] : [];
  });
  return [...(method ? [method] : []), ...power];
}

/** Waits shorter than this in all are not worth a line in a report (the CI log still says them). */
const CALL_WAIT_WORTH_SHOWING_MS = 1000;

const seconds = (ms: number) => `${ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s`;

/** "14 retries (3.1 s), 9 rate-limit waits (41 s), 2 hedges": what a suite's model calls met, in words; undefined when nothing. */
export function callCostsText(calls: ModelCallCosts | undefined): string | undefined {
  if (!calls) return undefined;
  const parts = [
    ...(calls.retries ? [`${calls.retries} ${calls.retries === 1 ? 'retry' : 'retries'} after server errors or timeouts (${seconds(calls.retryWaitMs)} waiting)`] : []),
    ...(calls.rateLimitWaits ? [`${calls.rateLimitWaits} rate-limit ${calls.rateLimitWaits === 1 ? 'wait' : 'waits'} (${seconds(calls.rateLimitWaitMs)})`] : []),
    ...(calls.hedges ? [`${calls.hedges} slow ${calls.hedges === 1 ? 'request' : 'requests'} hedged`] : []),
  ];
  return parts.length ? `model calls: ${parts.join(', ')}` : undefined;
}

/** The report line about a suite's retries and waits, only when they cost time worth a reviewer's notice. */
export function callCostsLine(calls: ModelCallCosts | undefined): string | undefined {
  if (!calls || calls.retryWaitMs + calls.rateLimitWaitMs < CALL_WAIT_WORTH_SHOWING_MS) return undefined;
  const text = callCostsText(calls);
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)} — time spent waiting, not a change in quality.` : undefined;
}

/** baseline, PR, Δ, CI and p: the cells every metric table shows, terminal and Markdown alike. */
export function metricCells(metric: MetricComparison): string[] {
  return [formatValue(metric.baseline, metric.scale), formatValue(metric.pr, metric.scale), formatDelta(metric), formatInterval(metric), formatP(metric)];
}

/** "relevance: 12 errors — HTTP 401 (10), unparseable answer (2)" per metric that errored. */
export function metricErrorLines(suite: SuiteComparison): string[] {
  return suite.metricErrors.map((entry) => `${entry.metric}: ${entry.count} sample(s) could not be scored, left out of its test — ${entry.messages.map((message) => `${message.message} (${message.count})`).join('; ')}`);
}
