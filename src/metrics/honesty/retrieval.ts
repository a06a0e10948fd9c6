import { CONTEXT_OPTION, likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';

export const retrieval = likertJudge({
  name: 'retrieval',
  family: 'honesty',
  description: 'LLM judge (1–5): are the retrieved chunks relevant to the query?',
  requires: [],
  optionsSchema: { ...CONTEXT_OPTION, ...QUESTION_OPTION },
  title: 'Retrieval',
  definition: 'how relevant and useful the RETRIEVED CONTEXT is for answering the QUERY: whether the needed information is there, ranked first, and with little noise.',
  ratings: [
    'Irrelevant: nothing retrieved helps answer the query.',
    'Poor: a little related material, but what is needed is missing or buried in noise.',
    'Fair: some of what is needed is there, mixed with irrelevant chunks.',
    'Good: most of what is needed is there, with little noise.',
    'Excellent: everything needed is there, the most relevant first, with no noise.',
  ],
  material: (input) => ({ QUERY: question(input), 'RETRIEVED CONTEXT': input.context ?? '(nothing retrieved)' }),
});
