import { createHash } from 'node:crypto';
import type { Case, EvaluatorSpec } from './types.js';

/** JSON with object keys sorted at every level: the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The case alignment key: a hash of the case's inputs. A case whose inputs changed is a
 * removed case plus an added one. The evaluator config is hashed per metric
 * (`evaluatorHash`), so adding or changing one evaluator does not make every case new.
 */
export function caseHash(testCase: Pick<Case, 'vars'>): string {
  return sha256(canonicalJson(testCase.vars)).slice(0, 16);
}

export function evaluatorHash(evaluator: EvaluatorSpec): string {
  return sha256(canonicalJson({ metric: evaluator.metric, options: evaluator.options })).slice(0, 16);
}
