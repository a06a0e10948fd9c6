import { likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';

export const coherence = likertJudge({
  name: 'coherence',
  family: 'quality',
  description: 'LLM judge (1–5): is the answer logically organised and consistent?',
  requires: [],
  optionsSchema: QUESTION_OPTION,
  criterion: 'Rate the coherence of the ANSWER: 5 clear, well-organised and consistent; 1 disjointed or contradictory.',
  material: (input) => `QUESTION:\n${question(input)}\n\nANSWER:\n${input.output}`,
});
