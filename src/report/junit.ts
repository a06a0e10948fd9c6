import type { Comparison, MetricComparison, SuiteComparison } from '../compare/types.js';
import type { FailOn } from '../compare/fail-policy.js';
import { capText } from '../core/text-limits.js';
import { formatDelta, formatInterval, formatP, formatValue, sortByFamily, VERDICT_WORD } from './format.js';

/**
 * JUnit XML (the Jenkins / Ant format test-report UIs read): a <testsuite> per EvalGate suite,
 * a <testcase> per metric, one per case that failed to run. A failing gating metric is a
 * <failure>; a warning passes with a `WARN:` line in <system-out> (it does not fail the gate,
 * unless fail-on is `warn`: then it is a failure too); a report-only metric never fails. A
 * skipped or removed suite is one <skipped> testcase; a suite that could not run is an <error>.
 */
export interface JunitOptions {
  failOn?: FailOn;
}

/** Characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/FFFF) are dropped. */
function xmlChars(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

function text(value: string): string {
  return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

interface Testcase {
  name: string;
  classname: string;
  outcome?: { kind: 'failure' | 'error' | 'skipped'; type: string; message: string; body?: string };
  out?: string;
}

function figures(metric: MetricComparison): string {
  const value = (number: number | null) => formatValue(number, metric.scale);
  return `baseline ${value(metric.baseline)} → PR ${value(metric.pr)} · Δ ${formatDelta(metric)} · 90% CI ${formatInterval(metric)} · p (raw / Holm) ${formatP(metric)} · ${metric.shared} shared cases`;
}

function metricCase(suite: SuiteComparison, metric: MetricComparison, failOn: FailOn | undefined): Testcase {
  const base = { name: metric.name, classname: suite.name };
  const failing = metric.gating && (metric.status === 'fail' || metric.status === 'incomplete' || (metric.status === 'warn' && failOn === 'warn')) && failOn !== 'never';
  const type = { fail: 'regression', incomplete: 'not-compared', warn: 'warning', pass: 'warning' }[metric.status];
  if (failing) return { ...base, outcome: { kind: 'failure', type, message: metric.reason, body: figures(metric) } };
  const label = !metric.gating && metric.status !== 'pass' ? `REPORT ONLY (${metric.status}): ` : metric.status === 'warn' ? 'WARN: ' : '';
  return { ...base, out: `${label}${metric.reason}\n${figures(metric)}` };
}

function suiteCases(suite: SuiteComparison, failOn: FailOn | undefined): Testcase[] {
  const errored = suite.erroredCases.map((errored): Testcase => ({
    name: `case ${errored.id}`,
    classname: `${suite.name}.cases`,
    outcome: { kind: 'error', type: 'flow-error', message: errored.error.split('\n')[0] ?? '', body: errored.error },
  }));
  if (suite.outcome === 'skipped' || suite.outcome === 'removed') {
    const message = suite.outcome === 'removed' ? `removed: ${suite.note ?? ''}` : suite.note ?? 'skipped';
    return [{ name: 'suite', classname: suite.name, outcome: { kind: 'skipped', type: suite.outcome, message } }];
  }
  if (suite.outcome === 'could-not-run') {
    return [{ name: 'evaluation', classname: suite.name, outcome: { kind: 'error', type: 'could-not-run', message: suite.note ?? 'the evaluation could not run' } }, ...errored];
  }
  return [...sortByFamily(suite.metrics).map((metric) => metricCase(suite, metric, failOn)), ...errored];
}

/**
 * What one attribute and one element may hold (characters), cut with a note: well under
 * libxml2's 10,000,000-character limit for a text node, and readable in a test-report UI.
 */
const ATTRIBUTE_LIMIT = 1_000;
const BODY_LIMIT = 16_000;

function testcaseXml(testcase: Testcase): string {
  const open = `    <testcase name="${attr(capText(testcase.name, ATTRIBUTE_LIMIT))}" classname="${attr(capText(testcase.classname, ATTRIBUTE_LIMIT))}" time="0"`;
  const { outcome } = testcase;
  const inner = [
    outcome ? `      <${outcome.kind} type="${attr(outcome.type)}" message="${attr(capText(outcome.message, ATTRIBUTE_LIMIT))}"${outcome.body ? `>${text(capText(outcome.body, BODY_LIMIT))}</${outcome.kind}>` : '/>'}` : '',
    testcase.out ? `      <system-out>${text(capText(testcase.out, BODY_LIMIT))}</system-out>` : '',
  ].filter(Boolean);
  return inner.length ? [`${open}>`, ...inner, '    </testcase>'].join('\n') : `${open}/>`;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function count(cases: readonly Testcase[]): Counts {
  const of = (kind: string) => cases.filter((testcase) => testcase.outcome?.kind === kind).length;
  return { tests: cases.length, failures: of('failure'), errors: of('error'), skipped: of('skipped') };
}

const countAttrs = (counts: Counts) => `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"`;

/** The report's name carries the verdict and headline, as test-report UIs show it above the suites. */
export function renderJunit(comparison: Pick<Comparison, 'suites' | 'verdict' | 'headline'>, options: JunitOptions = {}): string {
  const suites = comparison.suites.map((suite) => ({ suite, cases: suiteCases(suite, options.failOn) }));
  const total = count(suites.flatMap((entry) => entry.cases));
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${attr(`EvalGate ${VERDICT_WORD[comparison.verdict]}: ${comparison.headline}`)}" ${countAttrs(total)} time="0">`];
  for (const { suite, cases } of suites) {
    lines.push(`  <testsuite name="${attr(capText(suite.name, ATTRIBUTE_LIMIT))}" ${countAttrs(count(cases))} time="0" file="${attr(capText(suite.file, ATTRIBUTE_LIMIT))}">`, ...cases.map(testcaseXml), '  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
