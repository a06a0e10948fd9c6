import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import { batchClient } from '../../src/model/batch/batch-client.js';
import { createModelClient } from '../../src/model/client.js';
import type { BatchApi } from '../support/openai-batch.js';
import { batchApi } from '../support/openai-batch.js';
import type { OpenAIServer, RecordedRequest } from '../support/openai-server.js';
import { chatReply, startOpenAIServer, toolCallReply } from '../support/openai-server.js';

let server: OpenAIServer;
let api: BatchApi;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  api = batchApi((request) =>
    request.body.messages[0].content === 'Answer briefly.'
      ? chatReply(`answer: ${request.body.messages[1].content}`, { prompt: 1000, completion: 100 }, 'gpt-4o-mini')
      : chatReply('{"score": 5}'),
  );
  server.setHandler(api.handler);
});

const calls = (method: string, path: string) => server.requests.filter((request: RecordedRequest) => request.method === method && request.path === path).length;

function suiteDir(mode: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-batch-'));
  const cases = Array.from({ length: 5 }, (_, index) => `  - { id: c${index}, question: "question ${index}" }`).join('\n');
  writeFileSync(
    join(dir, 'qa.eval.yaml'),
    `name: qa\n${mode}flow:\n  kind: prompt\n  model: gpt-4o-mini\n  messages:\n    - { role: system, content: "Answer briefly." }\n    - { role: user, content: "{{ question }}" }\ncases:\n${cases}\nevaluators:\n  - { metric: relevance }\n  - { metric: cost }\n`,
  );
  return dir;
}

describe('Batch API mode (loopback Files + Batches endpoints)', () => {
  it('`mode: batch` uploads one JSONL, polls, maps answers back by custom_id, bills half; judges stay online', async () => {
    const dir = suiteDir('mode: batch\n');
    const results = await runEvaluation({ suites: ['*.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 4, batchPollMs: 10, cache: false });
    expect([calls('POST', '/v1/files'), calls('POST', '/v1/batches')]).toEqual([1, 1]);
    expect(calls('GET', '/v1/batches/batch_2')).toBeGreaterThanOrEqual(2);
    // Only the five judge calls went to /chat/completions online.
    expect(calls('POST', '/v1/chat/completions')).toBe(5);
    const samples = results.suites[0]?.cases.map((testCase) => testCase.samples[0]) ?? [];
    expect(samples.map((sample) => sample?.output)).toEqual(Array.from({ length: 5 }, (_, index) => `answer: question ${index}`));
    expect(samples.every((sample) => sample?.batch === true && sample.scores.relevance?.status === 'ok')).toBe(true);

    server.requests.length = 0;
    const online = await runEvaluation({ suites: ['*.eval.yaml'], cwd: suiteDir(''), apiKey: 'sk-test', baseUrl: server.url, concurrency: 4, cache: false });
    expect(calls('POST', '/v1/files')).toBe(0);
    const onlineCost = online.suites[0]?.cases[0]?.samples[0]?.costUsd ?? 0;
    expect(onlineCost).toBeGreaterThan(0);
    expect(samples[0]?.costUsd).toBeCloseTo(onlineCost / 2, 12);
    expect(existsSync(join(dir, '.evalgate/batches')) ? readdirSync(join(dir, '.evalgate/batches')) : []).toEqual([]);
  });

  it('is resumable: a restarted job polls the batch it submitted instead of submitting again', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'evalgate-batch-state-'));
    const online = createModelClient({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs: 5000 });
    const options = { apiKey: 'sk-test', baseUrl: server.url, stateDir, pollMs: 10, gatherMs: 5 };
    const ask = (content: string) => ({ model: 'gpt-4o-mini', messages: [{ role: 'system' as const, content: 'Answer briefly.' }, { role: 'user' as const, content }] });

    api.hold = true;
    const first = batchClient(online, { ...options, maxWaitMs: 60 });
    const interrupted = await Promise.allSettled([first.chat(ask('a')), first.chat(ask('b'))]);
    expect(interrupted.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(String((interrupted[0] as PromiseRejectedResult).reason.message)).toMatch(/still in_progress: re-run/);
    expect(readdirSync(stateDir)).toHaveLength(1);

    api.hold = false;
    const restarted = batchClient(online, { ...options, maxWaitMs: 10_000 });
    // The same requests, arriving in another order.
    const answers = await Promise.all([restarted.chat(ask('b')), restarted.chat(ask('a'))]);
    expect(answers.map((answer) => answer.text)).toEqual(['answer: b', 'answer: a']);
    expect([calls('POST', '/v1/files'), calls('POST', '/v1/batches')]).toEqual([1, 1]);
    expect(readdirSync(stateDir)).toEqual([]);
  });

  it('a failed line is that request’s error, never an empty answer', async () => {
    api = batchApi((request) => (request.body.messages[1].content === 'bad' ? { status: 400, json: { error: { message: 'context too long' } } } : chatReply('fine')), { pollsToComplete: 1 });
    server.setHandler(api.handler);
    const client = batchClient(createModelClient({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs: 5000 }), { apiKey: 'sk-test', baseUrl: server.url, stateDir: mkdtempSync(join(tmpdir(), 'evalgate-batch-state-')), pollMs: 5, maxWaitMs: 5000, gatherMs: 5 });
    const ask = (content: string) => ({ model: 'm', messages: [{ role: 'user' as const, content: 'x' }, { role: 'user' as const, content }] });
    const [good, bad] = await Promise.allSettled([client.chat(ask('good')), client.chat(ask('bad'))]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { text: 'fine', batch: true } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/HTTP 400.*context too long/) } });
  });

  it('a batch answer of function calls is recorded as their JSON, as online', async () => {
    api = batchApi(() => toolCallReply([{ name: 'search', arguments: '{"q":"tents"}' }]), { pollsToComplete: 1 });
    server.setHandler(api.handler);
    const client = batchClient(createModelClient({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs: 5000 }), { apiKey: 'sk-test', baseUrl: server.url, stateDir: mkdtempSync(join(tmpdir(), 'evalgate-batch-state-')), pollMs: 5, maxWaitMs: 5000, gatherMs: 5 });
    const answer = await client.chat({ model: 'm', messages: [{ role: 'user', content: 'find tents' }] });
    expect(answer).toMatchObject({ text: '[{"name":"search","arguments":{"q":"tents"}}]', batch: true });
  });
});
