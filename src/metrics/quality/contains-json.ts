import type { MetricDefinition } from '../types.js';
import { PAIRED_SCORE } from '../policy.js';

/** The first JSON object or array inside the text, found by parsing from each `{` / `[`. */
export function findJson(text: string): unknown {
  for (let start = 0; start < text.length; start += 1) {
    const open = text[start];
    if (open !== '{' && open !== '[') continue;
    const close = open === '{' ? '}' : ']';
    for (let end = text.lastIndexOf(close); end > start; end = text.lastIndexOf(close, end - 1)) {
      try {
        return JSON.parse(text.slice(start, end + 1)) as unknown;
      } catch {
        // not JSON up to this bracket: try a shorter span
      }
    }
  }
  return undefined;
}

export const containsJson: MetricDefinition = {
  name: 'contains-json',
  policy: PAIRED_SCORE,
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  description: 'The output contains a JSON object or array somewhere in its text (promptfoo’s contains-json).',
  requires: [],
  threshold: 1,
  optionsSchema: {},
  score({ output }) {
    return findJson(output) === undefined ? { value: 0, reason: 'no JSON object or array in the output' } : { value: 1 };
  },
};
