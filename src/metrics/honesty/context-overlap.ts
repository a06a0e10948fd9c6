import type { MetricDefinition } from '../types.js';
import { tokens } from '../text.js';
import { PAIRED_SCORE } from '../policy.js';

const STOPWORDS = new Set(
  'a an the is are was were be been being do does did of to in on for with and or but if it its at by from this that these those as so than then there their they them he she we you your i me my our not no can will would should could has have had'.split(' '),
);

const contentTokens = (text: string) => tokens(text).filter((token) => !STOPWORDS.has(token));

export const contextOverlap: MetricDefinition = {
  name: 'context-overlap',
  family: 'honesty',
  scale: { kind: 'unit' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description:
    'Share of the answer’s content words found in the context (the flow’s retrieved context, or the `context` option). A model-free groundedness proxy.',
  requires: [],
  threshold: 0.8,
  optionsSchema: { context: { type: 'string', description: 'Context to check against; default: the context the flow returned.' } },
  score({ output, context, options }) {
    const source = typeof options.context === 'string' ? options.context : context;
    if (source === undefined) return { value: null, error: 'no context: the flow returned none and no `context` option is set' };
    const answer = contentTokens(output);
    if (answer.length === 0) return { value: null, reason: 'the answer has no content words' };
    const known = new Set(contentTokens(source));
    const unsupported = answer.filter((token) => !known.has(token));
    return {
      value: (answer.length - unsupported.length) / answer.length,
      ...(unsupported.length ? { reason: `not in context: ${[...new Set(unsupported)].slice(0, 10).join(', ')}` } : {}),
    };
  },
};
