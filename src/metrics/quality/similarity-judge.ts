import { likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';
import { EXPECTED_SCHEMA } from '../text.js';

export const similarityJudge = likertJudge({
  name: 'similarity-judge',
  family: 'quality',
  description: 'LLM judge (1–5): is the answer equivalent in meaning to the ground truth?',
  requires: ['expected'],
  optionsSchema: { expected: EXPECTED_SCHEMA, ...QUESTION_OPTION },
  title: 'Similarity',
  definition: 'how close in meaning the RESPONSE is to the GROUND TRUTH answer for the QUERY: the same facts and conclusions count, wording and style do not.',
  ratings: [
    'Unrelated: the response shares no meaning with the ground truth or contradicts it.',
    'Slightly similar: a few overlapping points, but the main meaning differs.',
    'Moderately similar: the main point matches, with important details missing or different.',
    'Very similar: the same meaning with small differences in detail.',
    'Equivalent: the same meaning as the ground truth in every point that matters.',
  ],
  material: (input) => ({ QUERY: question(input), 'GROUND TRUTH': String(input.options.expected), RESPONSE: input.output }),
});
