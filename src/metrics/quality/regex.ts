import type { MetricDefinition } from '../types.js';
import { requireText } from '../text.js';
import { PAIRED_SCORE } from '../policy.js';

export const regex: MetricDefinition = {
  name: 'regex',
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'The output matches a regular expression (`pattern`, optional `flags`).',
  requires: ['pattern'],
  threshold: 1,
  optionsSchema: { pattern: { type: 'string' }, flags: { type: 'string', pattern: '^[dgimsuvy]*$' } },
  checkOptions(options) {
    if (typeof options.pattern === 'string' && !options.pattern.includes('{{')) new RegExp(options.pattern, typeof options.flags === 'string' ? options.flags : '');
  },
  score({ output, options }) {
    const pattern = new RegExp(requireText(options, 'pattern'), typeof options.flags === 'string' ? options.flags : '');
    return { value: pattern.test(output) ? 1 : 0 };
  },
};
