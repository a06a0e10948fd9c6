import type { MetricDefinition } from '../types.js';
import { asList, EXPECTED_SCHEMA } from '../text.js';
import { PAIRED_SCORE } from '../policy.js';

/** A 0–1 quality metric scored against the expected answer(s) (`rouge-l`, `bleu`, `levenshtein`). */
export function referenceMetric(name: string, description: string, score: (output: string, references: string[]) => number): MetricDefinition {
  return {
    name,
    family: 'quality',
    scale: { kind: 'unit' },
    direction: 'higher-is-better',
    policy: PAIRED_SCORE,
    description,
    requires: ['expected'],
    threshold: 0.5,
    optionsSchema: { expected: EXPECTED_SCHEMA },
    score({ output, options }) {
      return { value: score(output, asList(options.expected)) };
    },
  };
}
