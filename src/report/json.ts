import type { Comparison } from '../compare/types.js';

const COMPARISON_FORMAT = 'evalgate-comparison';
const COMPARISON_VERSION = 1;

/** The versioned JSON shape of `--format json` (schema/comparison.schema.json describes it). */
type ComparisonDocument = { format: typeof COMPARISON_FORMAT; version: typeof COMPARISON_VERSION } & Comparison;

export function comparisonDocument(comparison: Comparison): ComparisonDocument {
  return { format: COMPARISON_FORMAT, version: COMPARISON_VERSION, ...comparison };
}
