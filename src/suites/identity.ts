import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Case } from '../core/case.js';
import { sha256, shortHash } from '../core/hash.js';
import { findMetric } from '../metrics/registry.js';
import type { EvaluatorSpec } from './types.js';

/**
 * A hash of the case's inputs, stored with each case. Cases are aligned with the baseline by
 * id (compare/suite-align.ts): adding a column or converting JSONL to CSV keeps them shared, and
 * a shared case whose inputs changed is flagged by field. The evaluator config is hashed per
 * metric (`evaluatorHash`), so adding or changing one evaluator does not make every case new.
 */
export function caseHash(testCase: Pick<Case, 'vars'>): string {
  return shortHash(testCase.vars);
}

/** What the evaluator's result depends on beyond its options: the judge model and a rubric file's content. */
export interface EvaluatorContext {
  /** The run's judge model (an evaluator's own `judge-model` option wins). */
  judgeModel?: string;
  /** The suite's folder, where a `.prompty` rubric resolves from. */
  suiteDir?: string;
}

function fileContentHash(path: string): string {
  try {
    return sha256(readFileSync(path, 'utf8')).slice(0, 16);
  } catch {
    return 'missing';
  }
}

/**
 * The evaluator's metric and options as written, plus for judges the judge model and the
 * content of a `.prompty` rubric file: a metric is compared only while this is unchanged, so a
 * different judge or an edited rubric is "not comparable", never compared as equal.
 */
export function evaluatorHash(evaluator: EvaluatorSpec, context: EvaluatorContext = {}): string {
  const judged = findMetric(evaluator.metric)?.needs === 'chat';
  const ownJudge = evaluator.options['judge-model'];
  const judge = judged ? { judgeModel: typeof ownJudge === 'string' ? ownJudge : context.judgeModel ?? null } : {};
  const { prompty } = evaluator.options;
  const rubric = typeof prompty === 'string' && context.suiteDir ? { rubricFile: fileContentHash(resolve(context.suiteDir, prompty)) } : {};
  return shortHash({ metric: evaluator.metric, options: evaluator.options, ...judge, ...rubric });
}
