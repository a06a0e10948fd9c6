import type { MetricDefinition } from '../types.js';
import { asList, EXPECTED_SCHEMA } from '../text.js';
import { PAIRED_SCORE } from '../policy.js';

export const equals: MetricDefinition = {
  name: 'equals',
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'The output equals the expected answer (trimmed; `ignore-case: true` to fold case).',
  requires: ['expected'],
  threshold: 1,
  optionsSchema: { expected: EXPECTED_SCHEMA, 'ignore-case': { type: 'boolean' } },
  score({ output, options }) {
    const fold = (text: string) => (options['ignore-case'] ? text.trim().toLowerCase() : text.trim());
    return { value: asList(options.expected).some((expected) => fold(expected) === fold(output)) ? 1 : 0 };
  },
};
