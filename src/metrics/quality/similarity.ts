import type { MetricDefinition } from '../types.js';
import { clientOf } from '../types.js';
import { asList, EXPECTED_SCHEMA } from '../text.js';
import { PAIRED_SCORE } from '../policy.js';

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const x = a[index] as number;
    const y = b[index] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}

export const similarity: MetricDefinition = {
  name: 'similarity',
  family: 'quality',
  scale: { kind: 'unit' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'Cosine similarity of the output and the expected answer (max over a list), embedded by the OpenAI-compatible embeddings endpoint (negative values count as 0).',
  requires: ['expected'],
  threshold: 0.8,
  needs: 'embeddings',
  optionsSchema: { expected: EXPECTED_SCHEMA, 'embedding-model': { type: 'string', description: 'Default text-embedding-3-small.' } },
  async score(input) {
    const { output, options, signal } = input;
    const references = asList(options.expected);
    const model = typeof options['embedding-model'] === 'string' ? options['embedding-model'] : 'text-embedding-3-small';
    const result = await clientOf(input).embed(model, [output, ...references], signal);
    const [answer, ...expected] = result.vectors;
    if (!answer || expected.length !== references.length) return { value: null, error: `the embeddings response has ${result.vectors.length} vectors, expected ${references.length + 1}` };
    const best = Math.max(...expected.map((vector) => cosine(answer, vector)));
    return { value: Math.max(0, best), evaluatorUsage: { ...result.usage, model: result.model } };
  },
};
