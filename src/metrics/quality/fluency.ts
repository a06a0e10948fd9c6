import { likertJudge } from '../judge/likert.js';

export const fluency = likertJudge({
  name: 'fluency',
  family: 'quality',
  description: 'LLM judge (1–5): grammar, word choice and readability of the answer.',
  requires: [],
  criterion: 'Rate the fluency of the TEXT (grammar, word choice, readability): 5 flawless, 1 hard to read.',
  material: (input) => `TEXT:\n${input.output}`,
});
