import { describe, expect, it } from 'vitest';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';
import { loadSuite } from '../../../src/suites/load.js';
import { FIXTURES, suiteWith } from './support.js';

const FLOW = `{ kind: promptflow, path: ${FIXTURES}/flex-function }`;
const evaluator = (extra: string) => `  - { name: overlap, metric: promptflow, path: ${FIXTURES}/eval-flow, inputs: { answer: "{{output}}", ground_truth: "{{expected}}" }, output: overlap${extra} }`;

describe('metric: promptflow — an evaluation flow as a metric', () => {
  it('runs one line per sample with inputs over the case + output/expected, the named output is the score', async () => {
    const dir = suiteWith(FLOW, [{ id: 'half', task: 'sort', expected: 'python program for: sort' }, { id: 'miss', task: 'x', expected: 'nothing alike' }], evaluator(', family: honesty, scale: unit, direction: higher-is-better'));
    const results = await runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, concurrency: 2 });
    const suite = results.suites[0];
    expect(suite?.metrics[0]).toMatchObject({ name: 'overlap', metric: 'promptflow', family: 'honesty', scale: { kind: 'unit' }, direction: 'higher-is-better', threshold: 0.5 });
    expect(suite?.cases.map((testCase) => testCase.samples[0]?.scores.overlap?.value)).toEqual([1, 0]);
    expect(suite?.cases[0]?.samples[0]?.scores.overlap?.details).toEqual({ outputs: { exact: 0, overlap: 1 } });
  });

  it('reads a likert scale and takes the first output by default', async () => {
    const dir = suiteWith(FLOW, [{ task: 'sort', expected: 'sort' }], `  - { metric: promptflow, path: ${FIXTURES}/eval-flow, inputs: { answer: "{{output}}", ground_truth: "{{expected}}" }, scale: { min: 0, max: 1 } }`);
    const results = await runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, concurrency: 1 });
    expect(results.suites[0]?.metrics[0]?.scale).toEqual({ kind: 'likert', min: 0, max: 1 });
    expect(results.suites[0]?.cases[0]?.samples[0]?.scores.promptflow).toMatchObject({ status: 'ok', value: 0 });
  });

  it('is an error score, never a 0, when the output is not a number', async () => {
    const dir = suiteWith(FLOW, [{ task: 'sort', expected: 'sort' }], `  - { metric: promptflow, path: ${FIXTURES}/python-chain, inputs: { text: "{{output}}" }, output: stats }`);
    const results = await runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, concurrency: 1 });
    expect(results.suites[0]?.cases[0]?.samples[0]?.scores.promptflow).toMatchObject({ status: 'error', error: expect.stringMatching(/^output "stats" of .*python-chain\/flow.dag.yaml is not a number: \{"words":5/) });
  });

  it('validates the declared shape with the suite schema', async () => {
    const dir = suiteWith(FLOW, [{ task: 'a' }], evaluator(', direction: upwards'));
    await expect(loadSuite('pf.eval.yaml', dir)).rejects.toThrow('evaluators.0.direction must be one of higher-is-better, lower-is-better');
  });
});

describe('aggregation nodes — run once over all lines, reported, never gated', () => {
  it('an evaluation flow as a metric: its aggregation output is in the suite’s aggregates under the evaluator name', async () => {
    const dir = suiteWith(FLOW, [{ id: 'hit', task: 'x', expected: '# python program for: x' }, { id: 'miss', task: 'y', expected: 'no' }], evaluator(''));
    const results = await runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, concurrency: 2 });
    expect(results.suites[0]?.aggregates).toEqual({ overlap: { aggregate: { accuracy: 0.5, lines: 2 } } });
    expect(results.suites[0]?.metrics.map((metric) => metric.name)).toEqual(['overlap']);
  });

  it('an evaluation flow under test: aggregation inputs are lists across lines', async () => {
    const dir = suiteWith(`{ kind: promptflow, path: ${FIXTURES}/eval-flow, output: exact }`, [{ answer: 'a', ground_truth: 'a', want: '1' }, { answer: 'b', ground_truth: 'c', want: '1' }, { answer: 'd', ground_truth: 'd', want: '1' }]);
    const results = await runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, concurrency: 3 });
    expect(results.suites[0]?.cases.map((testCase) => testCase.samples[0]?.output)).toEqual(['1', '0', '1']);
    expect(results.suites[0]?.aggregates).toEqual({ flow: { aggregate: { accuracy: 0.667, lines: 3 } } });
  });
});
