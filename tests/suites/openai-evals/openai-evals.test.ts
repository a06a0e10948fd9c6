import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvalCreateResponse } from 'openai/resources/evals/evals';
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../../src/core/errors.js';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';
import { loadSuiteFile } from '../../../src/suites/load.js';
import { toEvaluator } from '../../../src/suites/openai-evals/graders.js';
import { UnsupportedCriterion } from '../../../src/suites/openai-evals/templates.js';

type Criterion = EvalCreateResponse['testing_criteria'][number];

const ANSWER = '{{sample.output_text}}';
const judgeInput = [
  { role: 'system' as const, content: 'Is the answer correct for {{item.question}}?' },
  { role: 'user' as const, content: 'Answer: {{sample.output_text}}' },
];

/** An eval folder: eval.json (the API's eval object) + eval.jsonl rows. */
function evalDir(criteria: unknown[], rows: unknown[], metadata: Record<string, string> | null = null): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-openai-evals-'));
  const evalObject = { object: 'eval', id: 'eval_1', name: 'capitals', created_at: 1, metadata, data_source_config: { type: 'custom', schema: {} }, testing_criteria: criteria };
  writeFileSync(join(dir, 'eval.json'), JSON.stringify(evalObject, null, 2));
  writeFileSync(join(dir, 'eval.jsonl'), rows.map((row) => JSON.stringify(row)).join('\n'));
  return dir;
}

const refusal = (criterion: unknown) => {
  try {
    toEvaluator(criterion);
  } catch (error) {
    if (error instanceof UnsupportedCriterion) return `${error.message} | ${error.fix}`;
    throw error;
  }
  throw new Error('accepted');
};

describe('OpenAI eval testing_criteria → EvalGate evaluators', () => {
  it('string_check: eq/ne exact (no trimming), like → contains, ilike → icontains; references from the item', () => {
    const check = (operation: 'eq' | 'ne' | 'like' | 'ilike', reference: string): Criterion => ({ type: 'string_check', name: `check ${operation}`, input: ANSWER, operation, reference });
    expect(toEvaluator(check('eq', '{{item.answer}}'))).toEqual({ name: 'check-eq', metric: 'javascript', code: 'output === String(context.vars.item["answer"])' });
    expect(toEvaluator(check('ne', 'Paris'))).toEqual({ name: 'check-ne', metric: 'javascript', code: 'output !== "Paris"' });
    expect(toEvaluator(check('like', '{{ item.city.name }}'))).toEqual({ name: 'check-like', metric: 'contains', expected: '{{ item.city.name }}' });
    expect(toEvaluator(check('ilike', 'paris'))).toEqual({ name: 'check-ilike', metric: 'icontains', expected: 'paris' });
  });

  it('label_model: a rubric with passing labels scoring 1, the judge model, and a pass only on a passing label', () => {
    const grader: Criterion = { type: 'label_model', name: 'correct', model: 'gpt-4o', input: judgeInput, labels: ['correct', 'partial', 'wrong'], passing_labels: ['correct', 'partial'] };
    expect(toEvaluator(grader)).toEqual({
      name: 'correct',
      metric: 'rubric',
      prompt: 'Is the answer correct for {{ item.question }}?\n\nAnswer: {{ output }}',
      choices: { correct: 1, partial: 1, wrong: 0 },
      threshold: 1,
      'judge-model': 'gpt-4o',
    });
  });

  it('score_model: a rubric on the range, pass_threshold mapped into [0, 1]', () => {
    const grader: Criterion = { type: 'score_model', name: 'quality', model: 'gpt-4o-mini', input: judgeInput, range: [0, 10], pass_threshold: 7 };
    expect(toEvaluator(grader)).toMatchObject({ metric: 'rubric', scale: [0, 10], threshold: 0.7, 'judge-model': 'gpt-4o-mini' });
  });

  it('python: grade(sample, item) is called with the answer as sample.output_text and the row\'s item; pass_threshold is the threshold', () => {
    const source = 'def grade(sample, item):\n    return 1.0 if sample["output_text"] == item["answer"] else 0.0';
    const grader: Criterion = { type: 'python', name: 'py', source, pass_threshold: 0.5 };
    expect(toEvaluator(grader)).toEqual({ name: 'py', metric: 'python', code: `${source}\nreturn float(grade({"output_text": output}, context["vars"]["item"]))`, threshold: 0.5 });
  });

  it.each<[string, unknown, RegExp]>([
    ['multi', { type: 'multi', name: 'm', calculate_output: 'a + b', graders: {} }, /multi graders are not supported.*separate testing_criteria/],
    ['text_similarity fuzzy_match', { type: 'text_similarity', name: 't', evaluation_metric: 'fuzzy_match', input: ANSWER, reference: '{{item.a}}', pass_threshold: 0.8 }, /fuzzy_match.*metric: levenshtein/],
    ['text_similarity rouge_3', { type: 'text_similarity', name: 't', evaluation_metric: 'rouge_3', input: ANSWER, reference: 'x', pass_threshold: 0.8 }, /rouge_3 is not supported|rouge_3\) is not supported/],
    ['an unknown type', { type: 'endpoint', name: 'e' }, /grader type "endpoint" is not supported/],
    ['string_check over item fields', { type: 'string_check', name: 's', input: '{{item.a}}', operation: 'eq', reference: 'x' }, /`input` must be \{\{ sample.output_text \}\}/],
    ['a reference mixing text and placeholders', { type: 'string_check', name: 's', input: ANSWER, operation: 'eq', reference: 'The {{item.a}}' }, /mixes text and placeholders/],
    ['score_model on [0, 1]', { type: 'score_model', name: 's', model: 'm', input: judgeInput }, /range \[0,1\] is not supported/],
    ['score_model sampling_params', { type: 'score_model', name: 's', model: 'm', input: judgeInput, range: [1, 5], sampling_params: { temperature: 0.2 } }, /sampling_params/],
    ['an image in a judge message', { type: 'label_model', name: 'l', model: 'm', labels: ['a', 'b'], passing_labels: ['a'], input: [{ role: 'user', content: { type: 'input_image', image_url: 'x' } }] }, /input\[0\] has no text content/],
    ['sample fields other than output_text', { type: 'label_model', name: 'l', model: 'm', labels: ['a', 'b'], passing_labels: ['a'], input: [{ role: 'user', content: '{{sample.output_json.x}}' }] }, /\{\{ sample.output_json.x \}\}/],
    ['passing labels outside labels', { type: 'label_model', name: 'l', model: 'm', labels: ['a', 'b'], passing_labels: ['c'], input: judgeInput }, /passing_labels/],
    ['python without grade', { type: 'python', name: 'p', source: 'def score(x):\n    return 1' }, /grade\(sample, item\)/],
    ['python with template syntax', { type: 'python', name: 'p', source: 'def grade(sample, item):\n    return len(f"{{x}}")' }, /template syntax/],
  ])('refuses %s with why and what to do', (_, criterion, message) => {
    expect(refusal(criterion)).toMatch(message);
  });
});

describe('evalgate run eval.json (an OpenAI eval object with eval.jsonl next to it)', () => {
  const rows = [
    { id: 'france', item: { question: 'Capital of France?', answer: 'Paris' }, sample: { output_text: 'Paris' } },
    { id: 'japan', item: { question: 'Capital of Japan?', answer: 'Tokyo' }, sample: { output_text: 'Tokyo ' } },
  ];
  const checks = (['eq', 'ne', 'like', 'ilike'] as const).map((operation) => ({ type: 'string_check', name: operation, input: ANSWER, operation, reference: operation === 'ilike' ? 'PARIS' : '{{item.answer}}' }));

  it('replays the rows\' samples when the eval names no model, scoring eq/ne exactly (a trailing space is not equal)', async () => {
    const dir = evalDir(checks, rows);
    const results = await runEvaluation({ suites: ['eval.json'], cwd: dir, concurrency: 1 });
    expect(results.suites[0]?.name).toBe('capitals');
    expect(results.suites[0]?.cases.map((testCase) => [testCase.samples[0]?.output, Object.fromEntries(Object.entries(testCase.samples[0]?.scores ?? {}).map(([name, score]) => [name, score.value]))])).toEqual([
      ['Paris', { eq: 1, ne: 0, like: 1, ilike: 1 }],
      ['Tokyo ', { eq: 0, ne: 1, like: 1, ilike: 0 }],
    ]);
  });

  it('runs a python grader as OpenAI calls it: grade(sample, item) → float, pass_threshold gating', async () => {
    const source = 'def grade(sample, item) -> float:\n    text = sample["output_text"]\n    return 1.0 if text == item["answer"] else 0.25';
    const dir = evalDir([{ type: 'python', name: 'py', source, pass_threshold: 0.5 }], rows);
    const results = await runEvaluation({ suites: ['eval.json'], cwd: dir, concurrency: 1 });
    expect(results.suites[0]?.metrics.map((metric) => [metric.name, metric.threshold])).toEqual([['py', 0.5]]);
    expect(results.suites[0]?.cases.map((testCase) => testCase.samples[0]?.scores.py)).toEqual([
      { status: 'ok', value: 1 },
      { status: 'ok', value: 0.25 },
    ]);
  });

  it('refuses an unsupported criterion at its line in eval.json, naming it', async () => {
    const dir = evalDir([checks[0], { type: 'multi', name: 'combined', calculate_output: 'a', graders: {} }], rows);
    const error = (await loadSuiteFile('eval.json', dir).catch((caught: unknown) => caught)) as ConfigError;
    expect(error.message).toMatch(/^testing_criteria\[1\] \("combined", multi\): multi graders are not supported/);
    expect(error.location).toEqual({ file: 'eval.json', line: 19 });
  });

  it('without a model every row needs sample.output_text: the row without one is named at its line', async () => {
    const dir = evalDir(checks, [rows[0], { id: 'q', item: { question: 'q', answer: 'a' } }]);
    const error = (await loadSuiteFile('eval.json', dir).catch((caught: unknown) => caught)) as ConfigError;
    expect(error.message).toMatch(/no sample.output_text, and the eval names no model/);
    expect(error.location).toEqual({ file: 'eval.jsonl', line: 2 });
  });

  it('a replayed row needs an id, so a changed recorded answer is still the same case', async () => {
    const dir = evalDir(checks, [rows[0], { item: { question: 'q', answer: 'a' }, sample: { output_text: 'a' } }]);
    const error = (await loadSuiteFile('eval.json', dir).catch((caught: unknown) => caught)) as ConfigError;
    expect([error.message, error.location, error.hint]).toEqual([expect.stringMatching(/^a replayed row needs an "id"/), { file: 'eval.jsonl', line: 2 }, 'add "id": "<stable name>" to every row']);
  });

  it('refuses stored-completions and logs data sources: their rows are not in a file', async () => {
    const dir = evalDir(checks, rows);
    const evalObject = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'eval.json'), JSON.stringify({ ...evalObject, data_source_config: { type: 'stored_completions', schema: {} } }, null, 2));
    const error = (await loadSuiteFile('eval.json', dir).catch((caught: unknown) => caught)) as ConfigError;
    expect(error.message).toMatch(/^data_source_config type "stored_completions" is not supported/);
    expect(error.location).toEqual({ file: 'eval.json', line: 8 });
  });

  it('a missing data file is a config error saying the convention', async () => {
    const dir = evalDir(checks, rows);
    rmSync(join(dir, 'eval.jsonl'));
    const error = (await loadSuiteFile('eval.json', dir).catch((caught: unknown) => caught)) as ConfigError;
    expect([error.message, error.hint]).toEqual(['no data file eval.jsonl', 'put the eval\'s rows next to it as eval.jsonl, one { "item": { … } } per line']);
  });
});
