import { caseErrored, caseValues } from '../../compare/case-values.js';
import type { CaseResult, MetricInfo, ResultsFile, SuiteResult } from '../../results/types.js';
import { formatValue } from '../format.js';
import { clip, visibleText } from './safe-text.js';
import type { DiffPart } from './word-diff.js';
import { wordDiff } from './word-diff.js';

export type CaseStatus = 'regressed' | 'improved' | 'unchanged' | 'added' | 'removed' | 'errored';

/** One case as the report's script shows it: every text already made visible-safe. */
export interface HtmlCase {
  suite: string;
  id: string;
  status: CaseStatus;
  /** Sum of the gating score changes, oriented so that negative is worse (0–1 scale). */
  change: number;
  /**
   * Per metric: baseline and PR value as displayed, the oriented change (null: not comparable),
   * and the reason the metric gave on each side (a judge's explanation), when it gave one.
   */
  metrics: { name: string; baseline: string; pr: string; change: number | null; baselineReason?: string; prReason?: string }[];
  input: string;
  baselineOutput: string | null;
  prOutput: string | null;
  error: string | null;
  diff: DiffPart[] | null;
}

const TEXT_LIMIT = 20_000;
const REASON_LIMIT = 2_000;

/** The first reason a metric gave for a case (a judge's explanation), made visible-safe. */
function reasonOf(testCase: CaseResult | undefined, metric: string): string | undefined {
  const reason = testCase?.samples.map((sample) => sample.scores[metric]?.reason).find((text) => typeof text === 'string' && text.trim() !== '');
  return reason === undefined ? undefined : clip(visibleText(reason), REASON_LIMIT);
}
// Cases are matched by id, as the comparison matches them (compare/suite-align.ts).
const caseKey = (testCase: CaseResult) => testCase.id;
const safe = (text: string | null | undefined) => (text === null || text === undefined ? null : clip(visibleText(text), TEXT_LIMIT));

export function inputText(inputs: Record<string, unknown>): string {
  return Object.entries(inputs).map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('\n');
}

/** A metric's per-case values by case key (NaN: not applicable), only when the metric is comparable. */
export function valuesByKey(suite: SuiteResult | undefined, match: (candidate: MetricInfo) => boolean): Map<string, number> {
  const found = suite?.metrics.find(match);
  if (!suite || !found) return new Map();
  const values = caseValues(suite.cases, found);
  return new Map(suite.cases.map((testCase, index) => [caseKey(testCase), values[index] as number]));
}

export function shown(value: number | undefined, metric: MetricInfo): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  return metric.scale.kind === 'amount' ? formatValue(value, metric.scale) : `${(value * 100).toFixed(0)}%`;
}

function suiteCases(pr: SuiteResult, base: SuiteResult | undefined): HtmlCase[] {
  const baseCases = new Map((base?.status === 'ran' ? base.cases : []).map((testCase) => [caseKey(testCase), testCase]));
  const columns = pr.metrics.map((metric) => ({
    metric,
    pr: valuesByKey(pr, (candidate) => candidate.name === metric.name),
    base: valuesByKey(base, (candidate) => candidate.name === metric.name && candidate.metric === metric.metric && candidate.configHash === metric.configHash),
  }));
  const cases = pr.cases.map((testCase): HtmlCase => {
    const key = caseKey(testCase);
    const before = baseCases.get(key);
    let gains = 0;
    let drops = 0;
    const metrics = columns.map(({ metric, pr: prValues, base: baseValues }) => {
      const [b, p] = [baseValues.get(key), prValues.get(key)];
      const comparable = b !== undefined && p !== undefined && !Number.isNaN(b) && !Number.isNaN(p);
      const oriented = comparable ? (metric.direction === 'lower-is-better' ? b - p : p - b) : null;
      if (oriented !== null && metric.scale.kind !== 'amount' && metric.gate.gate !== false) {
        if (oriented > 0) gains += oriented;
        else drops -= oriented;
      }
      const [baselineReason, prReason] = [reasonOf(before, metric.name), reasonOf(testCase, metric.name)];
      return {
        name: metric.name, baseline: before ? shown(b, metric) : '—', pr: shown(p, metric), change: metric.scale.kind === 'amount' ? null : oriented,
        ...(baselineReason ? { baselineReason } : {}), ...(prReason ? { prReason } : {}),
      };
    });
    const error = caseErrored(testCase)?.error;
    const status: CaseStatus = error !== undefined ? 'errored' : !before ? 'added' : drops > 1e-9 ? 'regressed' : gains > 1e-9 ? 'improved' : 'unchanged';
    const baselineOutput = before?.samples[0]?.output ?? null;
    const prOutput = testCase.samples[0]?.output ?? null;
    return {
      suite: visibleText(pr.name), id: visibleText(testCase.id), status, change: gains - drops, metrics, input: clip(visibleText(inputText(testCase.inputs)), TEXT_LIMIT),
      baselineOutput: safe(baselineOutput), prOutput: safe(prOutput), error: safe(error), diff: wordDiff(safe(baselineOutput), safe(prOutput)),
    };
  });
  const prKeys = new Set(pr.cases.map(caseKey));
  const removed = [...baseCases.values()].filter((testCase) => !prKeys.has(caseKey(testCase))).map((testCase): HtmlCase => ({
    suite: visibleText(pr.name), id: visibleText(testCase.id), status: 'removed', change: 0, metrics: [], input: clip(visibleText(inputText(testCase.inputs)), TEXT_LIMIT),
    baselineOutput: safe(testCase.samples[0]?.output), prOutput: null, error: null, diff: null,
  }));
  return [...cases, ...removed];
}

/** Every case of every suite that ran in the PR, with its baseline counterpart, plus removed ones. */
export function htmlCases(pr: ResultsFile, baseline: ResultsFile | null): HtmlCase[] {
  return pr.suites.filter((suite) => suite.status === 'ran').flatMap((suite) => suiteCases(suite, baseline?.suites.find((candidate) => candidate.name === suite.name)));
}
