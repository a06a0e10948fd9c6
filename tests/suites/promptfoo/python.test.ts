import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/promptfoo');

describe('promptfoo python assertions', () => {
  it('run inline (expression and function body), from file:// (get_assert and a named function) and negated', async () => {
    const results = await runEvaluation({ suites: ['python/promptfooconfig.yaml'], cwd: FIXTURES, concurrency: 2 });
    const suite = results.suites[0];
    expect(suite?.metrics.map((metric) => [metric.name, metric.metric])).toEqual([
      ['python', 'python'],
      ['python-2', 'python'],
      ['not-python', 'not-python'],
      ['words', 'python'],
    ]);
    const scores = suite?.cases.map((testCase) => Object.fromEntries(Object.entries(testCase.samples[0]?.scores ?? {}).map(([name, score]) => [name, [score.value, score.reason]])));
    expect(scores).toEqual([
      { python: [1, undefined], 'python-2': [1, undefined], 'not-python': [1, undefined], words: [0.5, '2 words'] },
      { python: [1, undefined], words: [0.5, '5 words'] },
    ]);
  });
});
