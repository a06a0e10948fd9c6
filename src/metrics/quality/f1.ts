import type { MetricDefinition } from '../types.js';
import { asList, EXPECTED_SCHEMA, overlapCount, tokens } from '../text.js';
import { PAIRED_SCORE } from '../policy.js';

/** SQuAD token F1 between a prediction and one reference. */
export function tokenF1(prediction: string, reference: string): number {
  const predicted = tokens(prediction);
  const expected = tokens(reference);
  if (predicted.length === 0 || expected.length === 0) return predicted.length === expected.length ? 1 : 0;
  const shared = overlapCount(predicted, expected);
  if (shared === 0) return 0;
  const precision = shared / predicted.length;
  const recall = shared / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

export const f1: MetricDefinition = {
  name: 'f1',
  family: 'quality',
  scale: { kind: 'unit' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'SQuAD token F1 with the expected answer (max over a list of answers).',
  requires: ['expected'],
  threshold: 0.5,
  optionsSchema: { expected: EXPECTED_SCHEMA },
  score({ output, options }) {
    return { value: Math.max(...asList(options.expected).map((reference) => tokenF1(output, reference))) };
  },
};
