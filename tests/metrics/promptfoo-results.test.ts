import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/core/template/engine.js';
import { functionBody, javascript } from '../../src/metrics/quality/javascript.js';
import { llmRubric, readVerdict } from '../../src/metrics/quality/llm-rubric.js';
import { readChoice } from '../../src/metrics/quality/rubric.js';
import { ANY_POSITIVE, scoreFromResult } from '../../src/metrics/quality/script-result.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';
import { singleAttemptClient } from '../support/model-client.js';

const ZERO = { prompt: 0, completion: 0, cached: 0, reasoning: 0 };
const input = (options: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  output: 'The answer is 42.',
  vars: { topic: 'tides' },
  options,
  usage: ZERO,
  latency: { totalMs: 1 },
  model: undefined,
  client: undefined,
  judgeModel: 'gpt-4o-mini',
  suiteDir: tmpdir(),
  ...extra,
});
const js = (code: string, threshold?: number) => (javascript.score as NonNullable<typeof javascript.score>)(input({ code }, threshold === undefined ? {} : { threshold }));
/** Passes the way EvalGate decides it: value ≥ the evaluator's threshold, else the metric's default. */
const passes = (value: number | null, threshold?: number) => value !== null && value >= (threshold ?? ANY_POSITIVE);

describe("promptfoo's javascript / python result rule", () => {
  it('a number passes when > 0 without threshold and at the threshold with one', () => {
    expect(javascript.threshold).toBe(Number.MIN_VALUE);
    expect(passes(scoreFromResult(0.3, undefined).value)).toBe(true);
    expect(passes(scoreFromResult(0, undefined).value)).toBe(false);
    expect(passes(scoreFromResult(-1, undefined).value)).toBe(false);
    expect(passes(scoreFromResult(0.3, 0.5).value, 0.5)).toBe(false);
    expect(passes(scoreFromResult(0.5, 0.5).value, 0.5)).toBe(true);
  });

  it('{ pass, score }: pass decides, a threshold can only turn a pass into a fail', () => {
    expect(scoreFromResult({ pass: false, score: 1, reason: 'vetoed' }, undefined)).toEqual({ value: 0, reason: 'failed with score 1 (the returned pass decides): vetoed' });
    expect(scoreFromResult({ pass: true, score: 0 }, undefined)).toEqual({ value: 1, reason: 'passed with score 0 (the returned pass decides)' });
    expect(scoreFromResult({ pass: true, score: 0.9, reason: 'good' }, 0.5)).toEqual({ value: 0.9, reason: 'good' });
    const low = scoreFromResult({ pass: true, score: 0.2 }, 0.5);
    expect([low.value, passes(low.value, 0.5)]).toEqual([0.2, false]);
    expect(scoreFromResult({ pass: false }, undefined)).toEqual({ value: 0 });
  });

  it("reads Python's string results as promptfoo does; anything else is an error, never a score", () => {
    expect(scoreFromResult('true', undefined).value).toBe(1);
    expect(scoreFromResult('False', undefined).value).toBe(0);
    expect(scoreFromResult('0.8', undefined).value).toBe(0.8);
    expect(scoreFromResult('{"pass": false, "score": 1}', undefined).value).toBe(0);
    expect(scoreFromResult('maybe', undefined)).toMatchObject({ value: null, error: expect.stringContaining('expected a boolean, a number') });
    expect(scoreFromResult({ pass: 'yes' }, undefined)).toMatchObject({ value: null });
    expect(scoreFromResult(undefined, undefined).value).toBeNull();
  });

  it('a single line drops its trailing `;` and returns its last expression, after const/let statements', async () => {
    expect(functionBody("output.includes('42');")).toBe("return output.includes('42')");
    expect(functionBody("const n = Number(output.match(/\\d+/)[0]); const s = 'a;b'; n === 42;")).toBe("const n = Number(output.match(/\\d+/)[0]); const s = 'a;b'; return n === 42");
    expect(functionBody('const n = 1;')).toBe('const n = 1');
    expect((await js("output.includes('42');")).value).toBe(1);
    expect((await js("const n = Number(output.match(/\\d+/)[0]); n === 42;")).value).toBe(1);
    expect((await js('return output.length > 3')).value).toBe(1);
    expect((await js('0.3', 0.5)).value).toBe(0.3);
  });

  it('code that throws is the sample’s error (EvalGate: an error is never a score; promptfoo scores it 0)', async () => {
    expect(await js('JSON.parse(output).x === 1')).toMatchObject({ value: null, error: expect.stringContaining('javascript assertion failed: SyntaxError') });
  });
});

describe('judge answers are parsed strictly', () => {
  const choices = { correct: 1, wrong: 0 };
  it('rubric choices: the JSON `choice` field or an answer that is only a label', () => {
    expect(readChoice('{"choice": "correct", "reason": "ok"}', choices)).toEqual({ choice: 'correct', reason: 'ok' });
    expect(readChoice('```json\n{"choice": "Wrong"}\n```', choices)).toEqual({ choice: 'wrong' });
    expect(readChoice('**correct.**', choices)).toEqual({ choice: 'correct' });
    expect(readChoice('The answer is not correct.', choices)).toBeUndefined();
    expect(readChoice('{"pass": false}', { pass: 1, fail: 0 })).toBeUndefined();
    expect(readChoice('{"choice": "partial"}', choices)).toBeUndefined();
  });

  it('llm-rubric verdicts: a boolean pass and / or a numeric score in JSON, nothing else', () => {
    expect(readVerdict('{"reason": "ok", "pass": true, "score": 0.8}')).toEqual({ pass: true, score: 0.8, reason: 'ok' });
    expect(readVerdict('{"pass": false}')).toEqual({ pass: false, score: 0 });
    expect(readVerdict('{"pass": "true"}')).toEqual({ pass: true, score: 1 });
    expect(readVerdict('The answer is correct.')).toBeUndefined();
    expect(readVerdict('{"verdict": "pass"}')).toBeUndefined();
    expect(readVerdict('{"score": 4}')).toBeUndefined();
    expect(readVerdict('{"pass": true, "score": 4}')).toEqual({ pass: true, score: 1 });
  });
});

describe('llm-rubric against a loopback grader', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  afterAll(() => server.close());
  const grade = async (answer: string, options: Record<string, unknown>, threshold?: number) => {
    server.setHandler(() => chatReply(answer));
    const client = singleAttemptClient(server.url);
    return (llmRubric.score as NonNullable<typeof llmRubric.score>)(input(options, { client, ...(threshold === undefined ? {} : { threshold }) }));
  };

  it("sends promptfoo's grading prompt (or the rubricPrompt) with max_tokens 1024 at temperature 0; pass decides", async () => {
    const verdict = await grade('{"pass": false, "score": 0.9, "reason": "vetoed"}', { rubric: 'Is about {{topic}}' });
    expect(verdict).toMatchObject({ value: 0, reason: 'failed with score 0.9 (the returned pass decides): vetoed' });
    const body = server.requests.at(-1)?.body;
    expect(body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0, max_tokens: 1024 });
    expect(body.messages[0].content).toMatch(/^You are grading output according to a user-specified rubric/);
    expect(body.messages[1].content).toBe('<Output>\nThe answer is 42.\n</Output>\n<Rubric>\nIs about {{topic}}\n</Rubric>');
    await grade('{"pass": true, "score": 1}', { rubric: 'polite', prompt: '[{"role": "user", "content": "Grade {{ output }} on {{ rubric }} ({{ topic }})"}]' });
    expect(server.requests.at(-1)?.body.messages).toEqual([{ role: 'user', content: 'Grade The answer is 42. on polite (tides)' }]);
  });

  it('a threshold turns a pass into a fail; an unreadable verdict is an error', async () => {
    expect((await grade('{"pass": true, "score": 0.3}', { rubric: 'x' }, 0.5)).value).toBe(0.3);
    expect(await grade('The answer is correct.', { rubric: 'x' })).toMatchObject({ value: null, error: expect.stringContaining('unparseable judge answer') });
  });
});

describe('template engine', () => {
  it("knows promptfoo's `load` filter (a JSON string → its value)", () => {
    expect(renderTemplate('{{ (profile | load).name }}', { profile: '{"name": "Ada"}' })).toBe('Ada');
    expect(() => renderTemplate('{{ profile | load }}', { profile: 'not json' })).toThrow('the load filter got text that is not JSON');
  });
});
