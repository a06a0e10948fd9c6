import { sentenceBleu } from './overlap.js';
import { referenceMetric } from './reference-metric.js';

export const bleu = referenceMetric('bleu', 'Sentence BLEU-4 with smoothing against the expected answer(s).', (output, refs) => sentenceBleu(output, refs));
