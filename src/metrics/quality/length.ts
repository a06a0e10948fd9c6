import type { MetricDefinition } from '../types.js';
import { words } from './overlap.js';
import { PAIRED_SCORE } from '../policy.js';

export const length: MetricDefinition = {
  name: 'length',
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'The output length is within `min`..`max` (in `unit`: chars (default) or words).',
  requires: [],
  threshold: 1,
  optionsSchema: {
    min: { type: 'integer', minimum: 0 },
    max: { type: 'integer', minimum: 0 },
    unit: { enum: ['chars', 'words'] },
  },
  score({ output, options }) {
    const size = options.unit === 'words' ? words(output).length : [...output].length;
    const min = typeof options.min === 'number' ? options.min : 0;
    const max = typeof options.max === 'number' ? options.max : Number.POSITIVE_INFINITY;
    const inside = size >= min && size <= max;
    return { value: inside ? 1 : 0, ...(inside ? {} : { reason: `${size} ${options.unit === 'words' ? 'words' : 'chars'}, expected ${min}..${max}` }) };
  },
};
