import type { MetricDefinition } from '../types.js';
import { asList, EXPECTED_SCHEMA } from '../text.js';

export const endsWith: MetricDefinition = {
  name: 'ends-with',
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  description: 'The output (trailing whitespace ignored) ends with the expected text (`ignore-case: true` to fold case).',
  requires: ['expected'],
  threshold: 1,
  optionsSchema: { expected: EXPECTED_SCHEMA, 'ignore-case': { type: 'boolean' } },
  score({ output, options }) {
    const fold = (text: string) => (options['ignore-case'] ? text.toLowerCase() : text);
    const text = fold(output.trimEnd());
    return { value: asList(options.expected).some((suffix) => text.endsWith(fold(suffix))) ? 1 : 0 };
  },
};
