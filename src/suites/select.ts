import picomatch from 'picomatch';
import { closestName } from '../core/edit-distance.js';
import { ConfigError } from '../core/errors.js';
import { shortHash } from '../core/hash.js';
import type { Suite } from './types.js';

/** A narrower run, from the CLI: some cases, some metrics, another repeat. */
export interface Selection {
  /** Case-id globs; a case runs when any matches. */
  cases?: readonly string[];
  /** Evaluator names (or metric names) to keep. */
  metrics?: readonly string[];
  /** The first N cases (after `cases`). */
  limit?: number;
  /** N cases drawn by a seeded, stable order (after `cases`). */
  sample?: { size: number; seed: string };
  /** Samples per case, overriding every suite's `repeat`. */
  repeat?: number;
}

/** Whether the selection leaves some cases or metrics out (so the run is a subset of the suites). */
export function isSubset(selection: Selection): boolean {
  return Boolean(selection.cases?.length || selection.metrics?.length || selection.limit !== undefined || selection.sample);
}

/** The suite narrowed by the selection; a suite left with no case is dropped (returns undefined). */
function selectInSuite(suite: Suite, selection: Selection): Suite | undefined {
  const matchers = (selection.cases ?? []).map((glob) => picomatch(glob));
  let cases = matchers.length ? suite.cases.filter((testCase) => matchers.some((match) => match(testCase.id))) : suite.cases;
  if (selection.sample) {
    const { seed } = selection.sample;
    const order = new Map(cases.map((testCase) => [testCase, shortHash([seed, suite.name, testCase.id])]));
    const drawn = new Set([...cases].sort((a, b) => ((order.get(a) ?? '') < (order.get(b) ?? '') ? -1 : 1)).slice(0, selection.sample.size));
    cases = cases.filter((testCase) => drawn.has(testCase));
  }
  if (selection.limit !== undefined) cases = cases.slice(0, selection.limit);
  if (cases.length === 0) return undefined;
  const wanted = selection.metrics?.length ? new Set(selection.metrics) : undefined;
  const evaluators = wanted ? suite.evaluators.filter((evaluator) => wanted.has(evaluator.name) || wanted.has(evaluator.metric)) : suite.evaluators;
  return { ...suite, cases, evaluators, repeat: selection.repeat ?? suite.repeat };
}

/** Applies the selection to every suite; a metric that no suite has is a usage error with a suggestion. */
export function selectSuites(suites: readonly Suite[], selection: Selection): Suite[] {
  const known = [...new Set(suites.flatMap((suite) => suite.evaluators.flatMap((evaluator) => [evaluator.name, evaluator.metric])))];
  for (const metric of selection.metrics ?? []) {
    if (!known.includes(metric)) {
      const close = closestName(metric, known);
      throw new ConfigError(`--metric ${metric}: no suite has this metric`, {}, close ? `did you mean "${close}"?` : `metrics in these suites: ${known.join(', ')}`);
    }
  }
  const selected = suites.flatMap((suite) => selectInSuite(suite, selection) ?? []);
  if (selected.length === 0) throw new ConfigError(`--filter ${selection.cases?.join(' ') ?? ''} matches no case`, {}, 'case ids are the data\'s `id` fields; globs like "refund-*" match several');
  return selected;
}
