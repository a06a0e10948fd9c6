import { likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';

export const relevance = likertJudge({
  name: 'relevance',
  family: 'quality',
  description: 'LLM judge (1–5): does the answer address the question?',
  requires: [],
  optionsSchema: QUESTION_OPTION,
  criterion: 'Rate how well the ANSWER addresses the QUESTION: 5 fully and directly, 1 not at all.',
  material: (input) => `QUESTION:\n${question(input)}\n\nANSWER:\n${input.output}`,
});
