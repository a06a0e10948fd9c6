import type { MetricDefinition } from '../types.js';
import { asList, EXPECTED_SCHEMA } from '../text.js';

export const endsWith: MetricDefinition = {
  name: 'ends-with',
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  description: 'The output (trailing whitespace ignored) ends with the expected text.',
  requires: ['expected'],
  threshold: 1,
  optionsSchema: { expected: EXPECTED_SCHEMA },
  score({ output, options }) {
    const text = output.trimEnd();
    return { value: asList(options.expected).some((suffix) => text.endsWith(suffix)) ? 1 : 0 };
  },
};
