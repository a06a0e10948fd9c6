import type { MetricDefinition } from '../types.js';
import { PAIRED_SCORE } from '../policy.js';

/** Strips one surrounding Markdown code fence, which models add around JSON. */
export function unfence(output: string): string {
  const fenced = /^\s*```[\w-]*\n([\s\S]*?)\n```\s*$/.exec(output);
  return fenced?.[1] ?? output;
}

export const jsonValid: MetricDefinition = {
  name: 'json-valid',
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'The output parses as JSON (one surrounding ``` fence allowed).',
  requires: [],
  threshold: 1,
  optionsSchema: {},
  score({ output }) {
    try {
      JSON.parse(unfence(output));
      return { value: 1 };
    } catch (error) {
      return { value: 0, reason: (error as Error).message };
    }
  },
};
