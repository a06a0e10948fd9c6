import type { CaseResult, Determinism, SampleResult, SuiteResult } from './types.js';

/** Unchanged cases a refresh must compare (or cases a repeat run must hold) before a flow counts as noise-free. */
export const MIN_EVIDENCE_CASES = 20;

/** What one case's samples show: the outputs and each metric's values, or undefined when nothing fresh ran (flow failed, cache replay). */
function fresh(samples: readonly SampleResult[]): SampleResult[] | undefined {
  const ran = samples.filter((sample) => sample.output !== null && sample.cached !== true);
  return ran.length === samples.length && ran.length > 0 ? ran : undefined;
}

/** The metrics whose every value agrees across `samples` (all of them with the same output), or undefined when the outputs differ. */
function agreeing(samples: readonly SampleResult[], metrics: readonly string[]): Set<string> | undefined {
  const [first] = samples;
  if (!first || samples.some((sample) => sample.output !== first.output)) return undefined;
  const same = (name: string) => {
    const value = (sample: SampleResult) => (sample.scores[name]?.status === 'ok' ? sample.scores[name]?.value : undefined);
    return value(first) !== undefined && samples.every((sample) => value(sample) === value(first));
  };
  return new Set(metrics.filter(same));
}

/**
 * Evidence over case pairs (the same case in two runs, or the k samples of one run): undefined
 * when too few pairs or any pair's outputs differ; otherwise the metrics that agreed on every pair.
 */
function evidenceOver(groups: SampleResult[][], metrics: readonly string[]): { cases: number; metrics: string[] } | undefined {
  if (groups.length < MIN_EVIDENCE_CASES) return undefined;
  let kept = new Set(metrics);
  for (const group of groups) {
    const agreed = agreeing(group, [...kept]);
    if (agreed === undefined) return undefined;
    kept = agreed;
  }
  return kept.size ? { cases: groups.length, metrics: [...kept] } : undefined;
}

const scored = (suite: SuiteResult) => suite.metrics.filter((metric) => metric.scale.kind !== 'amount').map((metric) => metric.name);
const key = (testCase: CaseResult) => `${testCase.id}\u0000${testCase.hash}`;

/**
 * The noise-free evidence a refreshed baseline entry carries (docs/gate.md "No noise where there is
 * none"). Two kinds: the `repeat: k ≥ 2` samples of every case of this run agree, or the
 * unchanged cases (same id and inputs) gave identical outputs and scores in the previous entry
 * and this one with the same suite (flow + evaluators) hash. Cached answers prove nothing and
 * are left out. Evidence belongs to a suite hash: it expires when the flow or an evaluator
 * changes; one disagreeing case withdraws it; a refresh that can compare too few cases keeps it.
 */
export function determinismOf(previous: SuiteResult | undefined, suite: SuiteResult): Determinism | undefined {
  const metrics = scored(suite);
  const sameFlow = previous?.status === 'ran' && previous.hash === suite.hash ? previous : undefined;
  const before = new Map((sameFlow?.cases ?? []).map((testCase) => [key(testCase), testCase]));
  const pairs: SampleResult[][] = [];
  for (const testCase of suite.cases) {
    const old = before.get(key(testCase));
    const now = fresh(testCase.samples);
    const then = old ? fresh(old.samples) : undefined;
    if (now && then) pairs.push([...then, ...now]);
  }
  const across = evidenceOver(pairs, metrics);
  // Enough unchanged cases were compared and one of them disagreed: whatever was known is withdrawn.
  if (pairs.length >= MIN_EVIDENCE_CASES && !across) return undefined;
  if (across) return { hash: suite.hash, source: 'refresh', ...across };
  if (suite.repeat >= 2) {
    const groups = suite.cases.map((testCase) => fresh(testCase.samples));
    const within = groups.every((group) => group !== undefined && group.length >= 2) ? evidenceOver(groups as SampleResult[][], metrics) : undefined;
    if (within) return { hash: suite.hash, source: 'repeat', ...within };
  }
  return sameFlow?.determinism?.hash === suite.hash ? sameFlow.determinism : undefined;
}
