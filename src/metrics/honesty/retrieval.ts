import { CONTEXT_OPTION, likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';

export const retrieval = likertJudge({
  name: 'retrieval',
  family: 'honesty',
  description: 'LLM judge (1–5): are the retrieved chunks relevant to the query?',
  requires: [],
  optionsSchema: { ...CONTEXT_OPTION, ...QUESTION_OPTION },
  criterion: 'Rate how relevant the RETRIEVED CONTEXT is for answering the QUERY: 5 everything needed and little noise, 1 irrelevant.',
  material: (input) => `QUERY:\n${question(input)}\n\nRETRIEVED CONTEXT:\n${input.context ?? '(nothing retrieved)'}`,
});
