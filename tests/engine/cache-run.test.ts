import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import type { EvaluationOptions } from '../../src/engine/options.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setHandler((request) => {
    const system = request.body.messages?.[0]?.content ?? '';
    // The relevance judge's prompt is long; the flow's system prompt is "Answer briefly."
    if (system.startsWith('Answer briefly')) return chatReply(`answer to ${request.body.messages[1].content}`, { prompt: 20, completion: 7 });
    return chatReply('{"score": 4, "reason": "fine"}', { prompt: 100, completion: 5 });
  });
});

function suiteDir(extra: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-cache-run-'));
  const cases = Array.from({ length: 6 }, (_, index) => `  - { id: c${index}, question: "question ${index}" }`).join('\n');
  writeFileSync(
    join(dir, 'qa.eval.yaml'),
    `name: qa\n${extra}flow:\n  kind: prompt\n  model: gpt-4o-mini\n  parameters: { temperature: 0.7 }\n  messages:\n    - { role: system, content: "Answer briefly." }\n    - { role: user, content: "{{ question }}" }\ncases:\n${cases}\nrepeat: 2\nevaluators:\n  - { metric: relevance }\n  - { metric: cost }\n`,
  );
  return dir;
}

const options = (cwd: string, more: Partial<EvaluationOptions> = {}): EvaluationOptions => ({
  suites: ['*.eval.yaml'], cwd, apiKey: 'sk-test', baseUrl: server.url, concurrency: 4, ...more,
});
const flowCalls = () => server.requests.filter((request) => request.body?.messages?.[0]?.content === 'Answer briefly.').length;
const judgeCalls = () => server.requests.length - flowCalls();

describe('response cache in a run', () => {
  it('re-running an unchanged `cache: true` suite makes no model request; answers are the recorded ones, marked', async () => {
    const dir = suiteDir('cache: true\n');
    const first = await runEvaluation(options(dir));
    expect([flowCalls(), judgeCalls()]).toEqual([12, 12]);
    expect(first.run.cache).toEqual({ hits: 0, misses: 24 });

    server.requests.length = 0;
    const second = await runEvaluation(options(dir));
    expect(server.requests).toHaveLength(0);
    expect(second.run.cache).toEqual({ hits: 24, misses: 0 });
    const [before, after] = [first, second].map((results) => results.suites[0]?.cases.flatMap((testCase) => testCase.samples) ?? []);
    expect(after?.every((sample) => sample.cached === true)).toBe(true);
    expect(before?.some((sample) => sample.cached)).toBe(false);
    expect(after?.map((sample) => [sample.output, sample.latencyMs, sample.costUsd, sample.scores.relevance?.value])).toEqual(
      before?.map((sample) => [sample.output, sample.latencyMs, sample.costUsd, sample.scores.relevance?.value]),
    );
  });

  it('caches judges by default but not the flow; a changed flow output asks the judge again', async () => {
    const dir = suiteDir('');
    await runEvaluation(options(dir));
    server.requests.length = 0;
    await runEvaluation(options(dir));
    expect([flowCalls(), judgeCalls()]).toEqual([12, 0]);

    server.setHandler((request) =>
      request.body.messages[0].content === 'Answer briefly.' ? chatReply(`a different answer to ${request.body.messages[1].content}`) : chatReply('{"score": 2}'),
    );
    server.requests.length = 0;
    const changed = await runEvaluation(options(dir));
    expect([flowCalls(), judgeCalls()]).toEqual([12, 12]);
    expect(changed.suites[0]?.cases[0]?.samples[0]?.scores.relevance?.value).toBe(2);
  });

  it('--no-cache and drift runs send every call to the model and record no cache counts', async () => {
    const dir = suiteDir('cache: true\n');
    await runEvaluation(options(dir));
    for (const more of [{ cache: false }, { purpose: 'drift' as const }]) {
      server.requests.length = 0;
      const results = await runEvaluation(options(dir, more));
      expect([flowCalls(), judgeCalls()]).toEqual([12, 12]);
      expect(results.run.cache).toBeUndefined();
    }
  });
});
