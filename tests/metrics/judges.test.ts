import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCases } from '../support/evaluate.js';
import { parseJudgement } from '../../src/metrics/judge/parse.js';
import { singleAttemptClient } from '../support/model-client.js';
import type { ModelClient } from '../../src/model/types.js';
import type { Suite } from '../../src/suites/types.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, embeddingReply, moderationReply, startOpenAIServer } from '../support/openai-server.js';
import { score } from './score.js';

let server: OpenAIServer;
let client: ModelClient;
beforeAll(async () => {
  server = await startOpenAIServer();
  client = singleAttemptClient(server.url);
});
afterAll(() => server.close());

const judge = (metric: string, answer: string, options: Record<string, unknown> = {}) => {
  server.setHandler(() => chatReply(answer, { prompt: 200, completion: 20 }));
  return score(metric, 'The tent weighs 4.2 kg.', options, { client, vars: { question: 'How heavy is the tent?' }, context: 'The tent weighs 4.2 kg.' });
};

describe('judge answer parsing', () => {
  it.each([
    ['{"score": 4, "reason": "mostly relevant"}', 4],
    ['```json\n{"score": 5, "reason": "ok"}\n```', 5],
    ['Reasoning first… then {"rating": "3"}', 3],
    ['<score>2</score> because it drifts', 2],
    ['Score: 4/5 — good', 4],
    ['I would rate this 5 out of five.', 5],
  ])('reads %j as %d', (text, expected) => {
    expect(parseJudgement(text, 1, 5)?.score).toBe(expected);
  });

  it.each(['no number here', 'between 3 and 4', 'score: 9', ''])('refuses to guess from %j', (text) => {
    expect(parseJudgement(text, 1, 5)).toBeUndefined();
  });
});

describe('LLM judges over the loopback OpenAI server', () => {
  it('asks at temperature 0 with the judge model and reads a well-formed answer', async () => {
    const result = await judge('relevance', '{"score": 4, "reason": "answers the question"}');
    expect(result).toMatchObject({ value: 4, reason: 'answers the question', evaluatorUsage: { prompt: 200, completion: 20, model: 'gpt-4o-mini' } });
    const request = server.requests.at(-1)?.body;
    expect(request).toMatchObject({ model: 'gpt-4o-mini', temperature: 0 });
    expect(request.messages[1].content).toContain('How heavy is the tent?');
  });

  it('reads tagged and free-text answers', async () => {
    expect((await judge('coherence', 'Coherent and clear. <score>5</score>')).value).toBe(5);
    expect((await judge('fluency', 'Reads well, I give it 4.')).value).toBe(4);
  });

  it('marks garbage as an error carrying the raw text — never 0, never NaN', async () => {
    const result = await judge('groundedness', 'As an AI I cannot rate things.');
    expect(result.value).toBeNull();
    expect(result.error).toBe('unparseable judge answer: "As an AI I cannot rate things."');
  });

  it('takes the median of `samples: n` judge calls', async () => {
    const answers = ['{"score": 2}', '{"score": 5}', '{"score": 4}'];
    let call = 0;
    server.setHandler(() => chatReply(answers[call++ % 3] ?? ''));
    const result = await score('similarity-judge', 'x', { expected: 'y', samples: 3 }, { client });
    expect(result).toMatchObject({ value: 4, details: { samples: [2, 5, 4] } });
  });

  it('groundedness shows the judge the context', async () => {
    await judge('groundedness', '{"score": 5, "reason": "supported"}');
    expect(server.requests.at(-1)?.body.messages[1].content).toContain('## CONTEXT\nThe tent weighs 4.2 kg.');
  });

  it('harm: severity per category, a defect at ≥ 4', async () => {
    expect(await judge('harm', '{"violence": 5, "sexual": 0, "self-harm": 0, "hate-unfairness": 1, "reason": "graphic"}')).toMatchObject({ value: 1, reason: 'max severity 5', details: { violence: 5 } });
    expect((await judge('harm', '{"violence": 1, "sexual": 0, "self-harm": 0, "hate-unfairness": 3}')).value).toBe(0);
    expect((await judge('harm', '{"violence": "high"}')).error).toMatch(/^unparseable judge answer/);
  });

  it('rubric: inline prompt and choices mapped to scores', async () => {
    const result = await judge('rubric', '{"choice": "partial", "reason": "misses the unit"}', { prompt: 'Is {{question}} answered correctly?', choices: { correct: 1, partial: 0.5, wrong: 0 } });
    expect(result).toMatchObject({ value: 0.5, reason: 'partial: misses the unit' });
    expect(server.requests.at(-1)?.body.messages[1].content).toContain('Is How heavy is the tent? answered correctly?');
  });

  it('rubric: the judge sees case fields as written, not HTML-escaped', async () => {
    server.setHandler(() => chatReply('{"choice": "correct"}'));
    await score('rubric', 'Yes', { prompt: 'Customer: {{ name }}', choices: { correct: 1, wrong: 0 } }, { client, vars: { name: "O'Brien <VIP>" } });
    expect(server.requests.at(-1)?.body.messages[1].content).toContain("Customer: O'Brien <VIP>");
  });

  it('rubric: a .prompty file (front matter + Jinja body with role markers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-prompty-'));
    writeFileSync(join(dir, 'correct.prompty'), '---\nname: correctness\nmodel:\n  api: chat\n---\nsystem:\nYou grade answers for Contoso.\n\nuser:\nQuestion: {{ question }}\nAnswer: {{ output }}\n{% if expected %}Reference: {{ expected }}{% endif %}\n');
    server.setHandler(() => chatReply('correct'));
    const result = await score('rubric', '4.2 kg', { prompty: 'correct.prompty', expected: '4.2 kg', choices: { correct: 1, wrong: 0 } }, { client, vars: { question: 'Weight?' }, suiteDir: dir });
    expect(result.value).toBe(1);
    const messages = server.requests.at(-1)?.body.messages;
    expect(messages[0]).toEqual({ role: 'system', content: 'You grade answers for Contoso.' });
    expect(messages[1]).toEqual({ role: 'user', content: 'Question: Weight?\nAnswer: 4.2 kg\nReference: 4.2 kg' });
  });

  it('moderation and embedding similarity', async () => {
    server.setHandler(() => moderationReply({ flagged: true, categories: { violence: true, hate: false }, scores: { violence: 0.91 } }));
    expect(await score('moderation', 'x', {}, { client })).toMatchObject({ value: 1, reason: 'flagged: violence', details: { scores: { violence: 0.91 } } });
    server.setHandler(() => embeddingReply([[1, 0], [0.6, 0.8]]));
    expect((await score('similarity', 'a', { expected: 'b' }, { client })).value).toBeCloseTo(0.6, 12);
    // A list of acceptable answers (as the schema allows): the closest one counts.
    server.setHandler(() => embeddingReply([[1, 0], [0, 1], [0.8, 0.6]]));
    expect((await score('similarity', 'a', { expected: ['far', 'near'] }, { client })).value).toBeCloseTo(0.8, 12);
  });
});

describe('evaluate stage', () => {
  it('skips model metrics without a key (status skipped), never scoring them 0', async () => {
    const suite: Suite = {
      name: 's', file: 's.eval.yaml', dir: '.', hash: 'h', repeat: 1,
      flow: { kind: 'command', argv: ['x'], timeoutMs: 1, env: {} },
      cases: [{ id: 'c1', vars: {}, source: { file: 'x' } }],
      evaluators: [{ name: 'relevance', metric: 'relevance', options: {} }, { name: 'similarity', metric: 'similarity', options: { expected: 'b' } }],
      gate: { alpha: 0.05, tolerance: 0.05, metrics: {} }, cache: false, mode: 'online',
    };
    const flowOutput = { output: 'x', usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latency: { totalMs: 1 } };
    const [result] = await evaluateCases([{ case: suite.cases[0] as Suite['cases'][number], samples: [{ ok: true, value: flowOutput }] }], suite, { client: undefined, judgeModel: 'gpt-4o-mini', concurrency: 1 });
    expect(result?.samples[0]?.scores).toEqual({ relevance: { status: 'skipped', reason: 'needs a model API key' }, similarity: { status: 'skipped', reason: 'needs a model API key' } });
  });

  it('leaves a rubric prompt to Jinja, so it can use the output next to the case fields', async () => {
    server.setHandler(() => chatReply('{"choice": "good"}'));
    const suite: Suite = {
      name: 's', file: 's.eval.yaml', dir: '.', hash: 'h', repeat: 1, cache: false, mode: 'online',
      flow: { kind: 'command', argv: ['x'], timeoutMs: 1, env: {} },
      cases: [{ id: 'c1', vars: { question: 'weight?' }, source: { file: 'x' } }],
      evaluators: [{ name: 'rubric', metric: 'rubric', options: { prompt: 'Q: {{ question }} A: {{ output }}', choices: { good: 1, bad: 0 } } }],
      gate: { alpha: 0.05, tolerance: 0.05, metrics: {} },
    };
    const flowOutput = { output: 'It is 4.2 kg', usage: { prompt: 1, completion: 1, cached: 0, reasoning: 0 }, latency: { totalMs: 5 } };
    const [result] = await evaluateCases([{ case: suite.cases[0] as Suite['cases'][number], samples: [{ ok: true, value: flowOutput }] }], suite, { client, judgeModel: 'gpt-4o-mini', concurrency: 1 });
    expect(result?.samples[0]?.scores.rubric).toMatchObject({ value: 1 });
    expect(server.requests.at(-1)?.body.messages[1].content).toContain('Q: weight? A: It is 4.2 kg');
  });

  it('scores every sample, prices the flow and costs the judge apart', async () => {
    server.setHandler(() => chatReply('{"score": 5}', { prompt: 1000, completion: 10 }));
    const suite: Suite = {
      name: 's', file: 's.eval.yaml', dir: '.', hash: 'h', repeat: 1, cache: false, mode: 'online',
      flow: { kind: 'command', argv: ['x'], timeoutMs: 1, env: {} },
      cases: [{ id: 'c1', vars: { answer: '4.2 kg', question: 'weight?' }, source: { file: 'x' } }],
      evaluators: [{ name: 'contains', metric: 'contains', options: { expected: '{{answer}}' } }, { name: 'relevance', metric: 'relevance', options: {} }, { name: 'cost', metric: 'cost', options: {} }],
      gate: { alpha: 0.05, tolerance: 0.05, metrics: {} },
    };
    const flowOutput = { output: 'It is 4.2 kg', usage: { prompt: 100, completion: 10, cached: 0, reasoning: 0 }, model: 'gpt-4o-mini', latency: { totalMs: 50 } };
    const [result] = await evaluateCases([{ case: suite.cases[0] as Suite['cases'][number], samples: [{ ok: true, value: flowOutput }, { ok: false, error: 'timed out', errorKind: 'infrastructure' }] }], suite, { client, judgeModel: 'gpt-4o-mini', concurrency: 2 });
    // Cost is measured once, on the sample: no copy of it among the scores.
    expect(result?.samples[0]?.scores).toEqual({ contains: { status: 'ok', value: 1 }, relevance: { status: 'ok', value: 5 } });
    expect(result?.samples[0]?.costUsd).toBeCloseTo((100 * 0.15 + 10 * 0.6) / 1e6, 15);
    expect(result?.samples[0]?.evaluatorCostUsd).toBeCloseTo((1000 * 0.15 + 10 * 0.6) / 1e6, 15);
    expect(result?.samples[1]).toMatchObject({ output: null, error: 'timed out', errorKind: 'infrastructure', scores: {} });
  });
});
