import { likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';
import { EXPECTED_SCHEMA } from '../text.js';

export const similarityJudge = likertJudge({
  name: 'similarity-judge',
  family: 'quality',
  description: 'LLM judge (1–5): is the answer equivalent in meaning to the ground truth?',
  requires: ['expected'],
  optionsSchema: { expected: EXPECTED_SCHEMA, ...QUESTION_OPTION },
  criterion: 'Rate how similar in meaning the ANSWER is to the GROUND TRUTH: 5 equivalent, 1 unrelated or contradictory.',
  material: (input) => `QUESTION:\n${question(input)}\n\nGROUND TRUTH:\n${String(input.options.expected)}\n\nANSWER:\n${input.output}`,
});
