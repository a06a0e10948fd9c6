import type { MetricDefinition } from '../types.js';
import { asList, EXPECTED_SCHEMA } from '../text.js';

export const startsWith: MetricDefinition = {
  name: 'starts-with',
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  description: 'The output (leading whitespace ignored) starts with the expected text.',
  requires: ['expected'],
  threshold: 1,
  optionsSchema: { expected: EXPECTED_SCHEMA },
  score({ output, options }) {
    const text = output.trimStart();
    return { value: asList(options.expected).some((prefix) => text.startsWith(prefix)) ? 1 : 0 };
  },
};
