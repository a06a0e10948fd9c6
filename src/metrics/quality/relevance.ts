import { likertJudge, question, QUESTION_OPTION } from '../judge/likert.js';

export const relevance = likertJudge({
  name: 'relevance',
  family: 'quality',
  description: 'LLM judge (1–5): does the answer address the question, completely and to the point?',
  requires: [],
  optionsSchema: QUESTION_OPTION,
  title: 'Relevance',
  definition: 'how well the RESPONSE addresses the QUERY: whether it answers what was asked, covers the key points, and stays on topic.',
  ratings: [
    'Irrelevant: the response does not address the query or talks about something else.',
    'Barely relevant: touches the topic but misses what was actually asked.',
    'Partly relevant: answers part of the query or answers it with notable gaps.',
    'Relevant: answers the query with only minor omissions or digressions.',
    'Fully relevant: answers the query completely and directly, with nothing off topic.',
  ],
  material: (input) => ({ QUERY: question(input), RESPONSE: input.output }),
});
