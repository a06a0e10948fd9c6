import { likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';

export const coherence = likertJudge({
  name: 'coherence',
  family: 'quality',
  description: 'LLM judge (1–5): is the answer logically organised and consistent?',
  requires: [],
  optionsSchema: QUESTION_OPTION,
  title: 'Coherence',
  definition: 'how logically and clearly the RESPONSE is organised: ideas follow from one another, sentences connect, and nothing contradicts what came before.',
  ratings: [
    'Incoherent: disjointed fragments with no logical connection.',
    'Poorly coherent: some related ideas, but hard to follow and with jumps or contradictions.',
    'Partly coherent: the main thread is followable, with awkward transitions or loose structure.',
    'Coherent: well organised and consistent, with minor lapses.',
    'Highly coherent: a clear, logical progression from start to end, fully consistent.',
  ],
  material: (input) => ({ QUERY: question(input), RESPONSE: input.output }),
});
