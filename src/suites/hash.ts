import { createHash } from 'node:crypto';
import type { Case, Suite } from './types.js';

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

/** The alignment key: a case's inputs and the evaluator config that scores it. */
export function caseHash(suite: Pick<Suite, 'evaluators'>, testCase: Pick<Case, 'vars'>): string {
  return sha256(canonicalJson({ vars: testCase.vars, evaluators: suite.evaluators })).slice(0, 16);
}
