import type { Case } from '../core/case.js';
import { shortHash } from '../core/hash.js';
import type { EvaluatorSpec } from './types.js';

/**
 * The case alignment key: a hash of the case's inputs. A case whose inputs changed is a
 * removed case plus an added one. The evaluator config is hashed per metric
 * (`evaluatorHash`), so adding or changing one evaluator does not make every case new.
 */
export function caseHash(testCase: Pick<Case, 'vars'>): string {
  return shortHash(testCase.vars);
}

/** The evaluator's metric and options as written: a metric is compared only while this is unchanged. */
export function evaluatorHash(evaluator: EvaluatorSpec): string {
  return shortHash({ metric: evaluator.metric, options: evaluator.options });
}
