import type { MetricDefinition } from '../types.js';
import { asList, EXPECTED_SCHEMA } from '../text.js';
import { PAIRED_SCORE } from '../policy.js';

type Mode = 'any' | 'all';

/** `contains` and its variants (`icontains`, `contains-any`, `contains-all`) differ only in mode and case folding. */
export function containsMetric(name: string, description: string, mode: Mode, ignoreCase: boolean): MetricDefinition {
  return {
    name,
    family: 'quality',
    scale: { kind: 'binary' },
    direction: 'higher-is-better',
    policy: PAIRED_SCORE,
    description,
    requires: ['expected'],
    threshold: 1,
    optionsSchema: { expected: EXPECTED_SCHEMA },
    score({ output, options }) {
      const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
      const haystack = fold(output);
      const needles = asList(options.expected).map(fold);
      const found = needles.filter((needle) => haystack.includes(needle));
      const pass = mode === 'all' ? found.length === needles.length : found.length > 0;
      return { value: pass ? 1 : 0, ...(pass ? {} : { reason: `missing: ${needles.filter((n) => !found.includes(n)).join(' | ')}` }) };
    },
  };
}

export const contains = containsMetric('contains', 'The output contains the expected text (any of a list).', 'any', false);
