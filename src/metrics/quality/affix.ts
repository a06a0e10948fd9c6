import { PAIRED_SCORE } from '../policy.js';
import { asList, EXPECTED_SCHEMA } from '../text.js';
import type { MetricDefinition } from '../types.js';

/** `starts-with` and `ends-with` differ only in which end of the output they look at. */
export function affixMetric(name: string, description: string, end: 'start' | 'end'): MetricDefinition {
  return {
    name,
    family: 'quality',
    scale: { kind: 'binary' },
    direction: 'higher-is-better',
    policy: PAIRED_SCORE,
    description,
    requires: ['expected'],
    threshold: 1,
    optionsSchema: { expected: EXPECTED_SCHEMA, 'ignore-case': { type: 'boolean' } },
    score({ output, options }) {
      const fold = (text: string) => (options['ignore-case'] ? text.toLowerCase() : text);
      const text = fold(end === 'start' ? output.trimStart() : output.trimEnd());
      const matches = (affix: string) => (end === 'start' ? text.startsWith(fold(affix)) : text.endsWith(fold(affix)));
      return { value: asList(options.expected).some(matches) ? 1 : 0 };
    },
  };
}
