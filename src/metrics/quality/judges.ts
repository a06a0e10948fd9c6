import { likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';
import { EXPECTED_SCHEMA } from '../text.js';

export const relevance = likertJudge({
  name: 'relevance',
  family: 'quality',
  description: 'LLM judge (1–5): does the answer address the question?',
  requires: [],
  optionsSchema: QUESTION_OPTION,
  criterion: 'Rate how well the ANSWER addresses the QUESTION: 5 fully and directly, 1 not at all.',
  material: (input) => `QUESTION:\n${question(input)}\n\nANSWER:\n${input.output}`,
});

export const coherence = likertJudge({
  name: 'coherence',
  family: 'quality',
  description: 'LLM judge (1–5): is the answer logically organised and consistent?',
  requires: [],
  optionsSchema: QUESTION_OPTION,
  criterion: 'Rate the coherence of the ANSWER: 5 clear, well-organised and consistent; 1 disjointed or contradictory.',
  material: (input) => `QUESTION:\n${question(input)}\n\nANSWER:\n${input.output}`,
});

export const fluency = likertJudge({
  name: 'fluency',
  family: 'quality',
  description: 'LLM judge (1–5): grammar, word choice and readability of the answer.',
  requires: [],
  criterion: 'Rate the fluency of the TEXT (grammar, word choice, readability): 5 flawless, 1 hard to read.',
  material: (input) => `TEXT:\n${input.output}`,
});

export const similarityJudge = likertJudge({
  name: 'similarity-judge',
  family: 'quality',
  description: 'LLM judge (1–5): is the answer equivalent in meaning to the ground truth?',
  requires: ['expected'],
  optionsSchema: { expected: EXPECTED_SCHEMA, ...QUESTION_OPTION },
  criterion: 'Rate how similar in meaning the ANSWER is to the GROUND TRUTH: 5 equivalent, 1 unrelated or contradictory.',
  material: (input) => `QUESTION:\n${question(input)}\n\nGROUND TRUTH:\n${String(input.options.expected)}\n\nANSWER:\n${input.output}`,
});
