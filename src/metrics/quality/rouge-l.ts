import { rougeL } from './overlap.js';
import { referenceMetric } from './reference-metric.js';

export const rougeLMetric = referenceMetric('rouge-l', 'ROUGE-L F1 (longest common subsequence of words) with the expected answer; max over a list.', (output, refs) =>
  Math.max(...refs.map((ref) => rougeL(output, ref))),
);
