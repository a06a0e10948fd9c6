import { gapLine } from './coverage.js';
import type { Comparison, MetricComparison, SuiteComparison } from './types.js';
import { PRIMARY_SHARE } from './weights.js';

const percent = (value: number) => `${Number((value * 100).toPrecision(3))} %`;
const SHOWN = 3;

type Named = { suite: SuiteComparison; metric: MetricComparison };

/** The cases that moved a metric most, by id ("on which cases"), when the suite names any. */
function worstCases(suite: SuiteComparison, metric: MetricComparison): string {
  const worse = (delta: number) => (metric.direction === 'higher-is-better' ? delta < 0 : delta > 0);
  const ids = suite.regressedCases.filter((diff) => worse(diff.deltas[metric.name] ?? 0)).slice(0, SHOWN).map((diff) => diff.id);
  return ids.length ? ` (worst: ${ids.join(', ')})` : '';
}

function list(entries: readonly Named[], withCases = false): string {
  const shown = entries.slice(0, SHOWN).map(({ suite, metric }) => `${suite.name} › ${metric.name}: ${metric.reason}${withCases ? worstCases(suite, metric) : ''}`);
  return `${shown.join('; ')}${entries.length > SHOWN ? `; and ${entries.length - SHOWN} more` : ''}`;
}

/** Every case whose flow failed, by whose failure it was: the app's count as failing, the provider's are left out. */
function erroredPart(suites: readonly SuiteComparison[]): string | undefined {
  const errored = suites.flatMap((suite) => suite.erroredCases);
  if (!errored.length) return undefined;
  const application = errored.filter((entry) => entry.kind === 'application').length;
  const infrastructure = errored.length - application;
  const kinds = [
    ...(application ? [`${application} by the app itself (scored as failing)`] : []),
    ...(infrastructure ? [`${infrastructure} by the model provider (left out of the comparison)`] : []),
  ];
  return `${errored.length} case(s) errored: ${kinds.join(', ')}`;
}

/**
 * The headline, first part first: what was not compared (with what to do), then what could not
 * run, what regressed, what warned, and — only when nothing of that — what passed. It never says
 * "pass" and "regressed" at once: report-only moves are named as such.
 */
export function headline(comparison: Pick<Comparison, 'suites' | 'hasBaseline' | 'bootstrap' | 'coverage'> & { firstBaseline?: boolean }): string {
  const { suites, coverage } = comparison;
  const metrics = suites.flatMap((suite) => suite.metrics.map((metric) => ({ suite, metric })));
  const failing = metrics.filter(({ metric }) => metric.status === 'fail');
  const warning = metrics.filter(({ metric }) => metric.gating && metric.status === 'warn');
  const reportOnly = metrics.filter(({ metric }) => !metric.gating && metric.status !== 'pass');
  const broken = suites.filter((suite) => suite.verdict === 'error' || suite.outcome === 'could-not-run');
  const parts: string[] = [];
  if (comparison.bootstrap && comparison.firstBaseline) parts.push('no previous baseline on the branch: this push stores the first one');
  else if (comparison.bootstrap) {
    parts.push('nothing is gated yet: the base commit has no EvalGate suites, so this run only reports; once merged, the first push to the default branch stores the baseline that later PRs are gated on');
  } else if (coverage.length) {
    const shown = coverage.slice(0, SHOWN).map(gapLine).join('; ');
    parts.push(`not everything was compared (${coverage.length}): ${shown}${coverage.length > SHOWN ? `; and ${coverage.length - SHOWN} more (see below)` : ''}`);
  }
  if (broken.length) parts.push(`the evaluation could not run for ${broken.map((suite) => (suite.note ? `${suite.name} (${suite.note})` : suite.name)).join(', ')}`);
  const errored = erroredPart(suites);
  if (errored) parts.push(errored);
  if (failing.length) parts.push(comparison.bootstrap ? `once gated, ${failing.length} metric(s) would fail — ${list(failing)}` : `${failing.length} metric(s) regressed — ${list(failing, true)}`);
  if (warning.length) parts.push(`${warning.length} warning(s) — ${list(warning)}`);
  const comparedMetrics = metrics.filter(({ metric }) => metric.gating && metric.pRaw !== null).length;
  if (comparison.hasBaseline && !failing.length && !broken.length && !warning.length) {
    const scope = coverage.length ? ' in what was compared' : '';
    parts.push(`no significant regression${scope} (${comparedMetrics} gating test(s) compared)`);
  }
  if (reportOnly.length) parts.push(`report-only (not gating): ${list(reportOnly)}`);
  return parts.join('. ');
}

/**
 * The method, for whoever wants it (a `<details>` block, `--explain`), never the headline: how the
 * PR's tests share one error budget, and at which levels they fail and warn. Undefined without tests.
 */
export function methodSentence(comparison: Pick<Comparison, 'hasBaseline' | 'family'>): string | undefined {
  const { family } = comparison;
  if (!comparison.hasBaseline || family.tests === 0) return undefined;
  const split = family.primaryTests && family.primaryTests < family.tests ? `; the ${family.primaryTests} test(s) of primary metrics share ${percent(PRIMARY_SHARE * family.alpha)} of it, with fallback` : '';
  const budget = family.alpha + (family.earlyLooksAlpha ?? 0);
  const early = family.earlyLooksAlpha ? `, of which ${percent(family.earlyLooksAlpha)} pays for the early FAIL looks of a run that stops when its verdict is known and ${percent(family.alpha)} for the final look` : '';
  return `${family.tests} gating test(s) share one error budget α = ${percent(budget)} (Holm${split}${early}): a ${percent(budget)} chance that an unchanged PR fails. A metric fails when its drop reaches the tolerance and its p-value, adjusted over those tests, is at most α; it warns at most ${percent(family.warnAlpha)}. The p column shows each test's raw and adjusted p-values; the interval is a 90 % bootstrap interval of the change.`;
}
