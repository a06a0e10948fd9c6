import { likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';

const CONTEXT_OPTION = { context: { type: 'string', description: 'The grounding context; default: the context the flow returned.' } };

export const groundedness = likertJudge({
  name: 'groundedness',
  family: 'honesty',
  description: 'LLM judge (1–5): is every claim of the answer supported by the given context?',
  requires: [],
  optionsSchema: CONTEXT_OPTION,
  criterion:
    'Rate whether every claim in the ANSWER is supported by the CONTEXT: 5 all claims supported (or a justified "I don\'t know"), 3 some unsupported details, 1 mostly unsupported or contradicting the context.',
  material: (input) => `CONTEXT:\n${input.context ?? '(no context given)'}\n\nANSWER:\n${input.output}`,
});

export const retrieval = likertJudge({
  name: 'retrieval',
  family: 'honesty',
  description: 'LLM judge (1–5): are the retrieved chunks relevant to the query?',
  requires: [],
  optionsSchema: { ...CONTEXT_OPTION, ...QUESTION_OPTION },
  criterion: 'Rate how relevant the RETRIEVED CONTEXT is for answering the QUERY: 5 everything needed and little noise, 1 irrelevant.',
  material: (input) => `QUERY:\n${question(input)}\n\nRETRIEVED CONTEXT:\n${input.context ?? '(nothing retrieved)'}`,
});
