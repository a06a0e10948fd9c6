import type { Case } from '../core/case.js';
import { ConfigError } from '../core/errors.js';
import { findMetric } from '../metrics/registry.js';
import type { EvaluatorSpec } from './types.js';

/** An evaluator entry as written (suite `evaluators:` or a case's `assert:`) → its spec. */
export function evaluatorEntry(entry: Record<string, unknown>, name: string): EvaluatorSpec {
  const { metric, name: _name, threshold, weight, ...options } = entry as { metric: string; name?: string; threshold?: number; weight?: number };
  return { name, metric, options, ...(threshold === undefined ? {} : { threshold }), ...(weight === undefined ? {} : { weight }) };
}

/**
 * Per-case `assert:` lists → evaluators that score only the cases that name them. Asserts with the
 * same key (`name:`, else the metric) and the same threshold and weight across cases are one
 * evaluator with per-case options, so the gate compares them like any metric; cases without it
 * are n/a for it. A repeated metric within a
 * case, or one the suite's `evaluators:` already uses, gets `-2`, `-3`… Cases lose their `assert`.
 */
export function caseEvaluators(cases: Case[], suiteEvaluators: readonly EvaluatorSpec[]): { cases: Case[]; evaluators: EvaluatorSpec[] } {
  const taken = new Set(suiteEvaluators.map((evaluator) => evaluator.name));
  const merged = new Map<string, EvaluatorSpec & { cases: Record<string, Record<string, unknown>> }>();
  const stripped = cases.map((testCase) => {
    const { assert, ...vars } = testCase.vars;
    if (!Array.isArray(assert)) return testCase;
    const used = new Set<string>();
    for (const entry of assert as Record<string, unknown>[]) {
      const where = { file: testCase.source.file, ...(testCase.source.line ? { line: testCase.source.line } : {}) };
      const base = typeof entry.name === 'string' ? entry.name : String(entry.metric);
      if (typeof entry.name === 'string' && (taken.has(base) || used.has(base))) {
        throw new ConfigError(`case "${testCase.id}": assert name "${base}" is already used`, where, 'give the assert a unique `name:`');
      }
      if (!findMetric(String(entry.metric))) throw new ConfigError(`case "${testCase.id}": unknown metric "${String(entry.metric)}" in assert`, where, 'see the metric catalogue in docs/metrics.md');
      const written = evaluatorEntry(entry, base);
      // One key, one metric with one pass mark and one weight: an unnamed assert that differs in
      // them from the one already merged under its key gets a key of its own.
      const clashes = (key: string) => {
        const other = merged.get(key);
        return other !== undefined && (other.metric !== written.metric || other.threshold !== written.threshold || other.weight !== written.weight);
      };
      if (typeof entry.name === 'string' && clashes(base)) {
        throw new ConfigError(`case "${testCase.id}": assert "${base}" has another metric, threshold or weight than in another case`, where, 'give the asserts different `name:`s');
      }
      let key = base;
      for (let suffix = 2; taken.has(key) || used.has(key) || clashes(key); suffix += 1) key = `${base}-${suffix}`;
      used.add(key);
      const spec = { ...written, name: key };
      try {
        findMetric(spec.metric)?.checkOptions?.(spec.options);
      } catch (error) {
        throw new ConfigError(`case "${testCase.id}": assert "${key}" (${spec.metric}): ${(error as Error).message}`, where, error instanceof ConfigError && error.hint ? error.hint : 'fix the option (regex: a JavaScript regular expression; json-schema: JSON Schema 2020-12)');
      }
      const target = merged.get(key) ?? { ...spec, options: {}, cases: {} };
      target.cases[testCase.id] = spec.options;
      merged.set(key, target);
    }
    return { ...testCase, vars };
  });
  return { cases: stripped, evaluators: [...merged.values()] };
}

/** The options an evaluator scores a case with; undefined when it does not apply to that case. */
export function optionsFor(evaluator: EvaluatorSpec, caseId: string): Record<string, unknown> | undefined {
  return evaluator.cases ? evaluator.cases[caseId] : evaluator.options;
}
