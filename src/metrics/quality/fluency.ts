import { likertJudge } from '../judge/likert.js';

export const fluency = likertJudge({
  name: 'fluency',
  family: 'quality',
  description: 'LLM judge (1–5): grammar, word choice and readability of the answer.',
  requires: [],
  title: 'Fluency',
  definition: 'the quality of the RESPONSE as written language: grammar, spelling, word choice, sentence structure and how easily it reads, regardless of whether it is correct.',
  ratings: [
    'Emergent: frequent errors make the text hard to understand.',
    'Basic: simple sentences with noticeable errors and limited vocabulary.',
    'Competent: clear and understandable, with occasional errors or awkward phrasing.',
    'Proficient: well written with varied vocabulary and only rare minor errors.',
    'Exceptional: polished, precise and natural throughout.',
  ],
  material: (input) => ({ RESPONSE: input.output }),
});
