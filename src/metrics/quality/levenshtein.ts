import { levenshtein } from '../../core/edit-distance.js';
import { referenceMetric } from './reference-metric.js';

export const levenshteinMetric = referenceMetric('levenshtein', 'Normalised edit similarity 1 − distance / longer length; max over a list.', (output, refs) =>
  Math.max(...refs.map((ref) => {
    const longest = Math.max([...output].length, [...ref].length);
    return longest === 0 ? 1 : 1 - levenshtein(output, ref) / longest;
  })),
);
