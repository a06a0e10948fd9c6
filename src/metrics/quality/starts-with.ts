import type { MetricDefinition } from '../types.js';
import { asList, EXPECTED_SCHEMA } from '../text.js';

export const startsWith: MetricDefinition = {
  name: 'starts-with',
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  description: 'The output (leading whitespace ignored) starts with the expected text (`ignore-case: true` to fold case).',
  requires: ['expected'],
  threshold: 1,
  optionsSchema: { expected: EXPECTED_SCHEMA, 'ignore-case': { type: 'boolean' } },
  score({ output, options }) {
    const fold = (text: string) => (options['ignore-case'] ? text.toLowerCase() : text);
    const text = fold(output.trimStart());
    return { value: asList(options.expected).some((prefix) => text.startsWith(fold(prefix))) ? 1 : 0 };
  },
};
