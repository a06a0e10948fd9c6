import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import type { ConfigError } from '../../src/core/errors.js';
import { loadSuite } from '../../src/suites/load.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';

/** GitHub's documented example .prompt.yml, plus a built-in and a custom LLM evaluator. */
const SUMMARIZER = `name: Text Summarizer
description: Summarizes input text concisely
model: openai/gpt-4o-mini
modelParameters:
  temperature: 0.5
  maxTokens: 200
messages:
  - role: system
    content: You are a text summarizer. Your only job is to summarize text given to you.
  - role: user
    content: |
      Summarize the given text, beginning with "Summary -":
      <text>
      {{input}}
      </text>
testData:
  - input: |
      The quick brown fox jumped over the lazy dog.
      The dog was too tired to react.
    expected: Summary - A fox jumped over a lazy, unresponsive dog.
evaluators:
  - name: Output should start with 'Summary -'
    string:
      startsWith: 'Summary -'
  - name: Similarity
    uses: github/similarity
  - name: Is it short?
    llm:
      modelId: openai/gpt-4.1-mini
      systemPrompt: You judge summaries.
      prompt: "Is this summary short? {{completion}}"
      choices:
        - { choice: "yes", score: 1 }
        - { choice: "no", score: 0 }
`;

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer((request) => {
    const text = JSON.stringify(request.body.messages ?? []);
    if (text.includes('You judge summaries')) return chatReply('{"choice": "yes"}');
    if (text.includes('You are a text summarizer')) return chatReply('Summary - A fox jumped over a tired dog.');
    return chatReply('{"score": 4, "reason": "close"}');
  });
});
afterAll(() => server.close());

function write(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-promptyml-'));
  writeFileSync(join(dir, 'summarize.prompt.yml'), text);
  return dir;
}

describe('.prompt.yml files (GitHub Models prompt format)', () => {
  it('load as a prompt-flow suite: model without publisher, parameters, testData as cases, evaluators mapped', async () => {
    const suite = await loadSuite('summarize.prompt.yml', write(SUMMARIZER));
    expect(suite.name).toBe('Text Summarizer');
    expect(suite.flow).toMatchObject({ kind: 'prompt', model: 'gpt-4o-mini', parameters: { temperature: 0.5, max_tokens: 200 } });
    expect(suite.cases).toHaveLength(1);
    expect(suite.cases[0]?.source).toEqual({ file: 'summarize.prompt.yml', line: 17 });
    expect(suite.evaluators).toEqual([
      { name: 'output-should-start-with-summary', metric: 'starts-with', options: { 'ignore-case': true, expected: 'Summary -' } },
      { name: 'similarity', metric: 'similarity-judge', options: { expected: '{{expected}}' } },
      { name: 'is-it-short', metric: 'rubric', options: { prompt: 'You judge summaries.\n\nIs this summary short? {{ output }}', choices: { yes: 1, no: 0 }, 'judge-model': 'gpt-4.1-mini' } },
    ]);
  });

  it('run end to end against an OpenAI-compatible server', async () => {
    const results = await runEvaluation({ suites: ['*.prompt.yml'], cwd: write(SUMMARIZER), apiKey: 'sk-test', baseUrl: server.url, concurrency: 2 });
    const scores = results.suites[0]?.cases[0]?.samples[0]?.scores;
    expect(scores).toMatchObject({ 'output-should-start-with-summary': { value: 1 }, similarity: { value: 4 }, 'is-it-short': { value: 1 } });
    const judged = server.requests.find((request) => JSON.stringify(request.body.messages ?? []).includes('You judge summaries'));
    expect(judged?.body.model).toBe('gpt-4.1-mini');
    expect(judged?.body.messages[1].content).toContain('Is this summary short? Summary - A fox jumped over a tired dog.');
  });

  it('points errors at the line of the .prompt.yml', async () => {
    const unknown = SUMMARIZER.replace('uses: github/similarity', 'uses: github/bleu');
    const error = (await loadSuite('summarize.prompt.yml', write(unknown)).catch((caught: unknown) => caught)) as ConfigError;
    expect(error.format()).toBe('summarize.prompt.yml:26: unknown evaluator "github/bleu" — known: github/similarity, github/coherence, github/fluency, github/relevance, github/groundedness');
    const badRole = SUMMARIZER.replace('  - role: user', '  - role: tool');
    expect(((await loadSuite('summarize.prompt.yml', write(badRole)).catch((caught: unknown) => caught)) as ConfigError).format()).toMatch(/^summarize\.prompt\.yml:10: flow\.messages\.1\.role must be one of system, user, assistant/);
    const emptyData = SUMMARIZER.replace(/testData:[^]*?evaluators:/, 'testData: []\nevaluators:');
    expect(((await loadSuite('summarize.prompt.yml', write(emptyData)).catch((caught: unknown) => caught)) as ConfigError).format()).toMatch(/^summarize\.prompt\.yml:16: `testData` is empty/);
  });

  it('folds case in string checks like GitHub’s runner, and renders {{expected}} in llm evaluators', async () => {
    const text = SUMMARIZER.replace("startsWith: 'Summary -'", "startsWith: 'SUMMARY -'").replace('Is this summary short? {{completion}}', 'Compare {{completion}} with {{expected}}');
    const results = await runEvaluation({ suites: ['*.prompt.yml'], cwd: write(text), apiKey: 'sk-test', baseUrl: server.url, concurrency: 1 });
    expect(results.suites[0]?.cases[0]?.samples[0]?.scores['output-should-start-with-summary']).toMatchObject({ value: 1 });
    const judged = server.requests.filter((request) => JSON.stringify(request.body.messages ?? []).includes('You judge summaries')).at(-1);
    expect(judged?.body.messages[1].content).toContain('with Summary - A fox jumped over a lazy, unresponsive dog.');
  });

  it('skips prompt-only files (no testData) with a note instead of failing the run', async () => {
    const dir = write(SUMMARIZER);
    writeFileSync(join(dir, 'draft.prompt.yml'), 'name: Draft\nmodel: openai/gpt-4o-mini\nmessages:\n  - role: user\n    content: "Summarize {{input}}"\n');
    const lines: string[] = [];
    const results = await runEvaluation({ suites: ['*.prompt.yml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 1, log: (line) => lines.push(line) });
    expect(results.suites.map((suite) => suite.name)).toEqual(['Text Summarizer']);
    expect(lines).toContain('draft.prompt.yml: skipped — a prompt file without testData has nothing to evaluate (add testData and evaluators to gate on it)');
    const onlyDraft = mkdtempSync(join(tmpdir(), 'evalgate-promptyml-'));
    writeFileSync(join(onlyDraft, 'draft.prompt.yml'), 'model: openai/gpt-4o-mini\nmessages:\n  - { role: user, content: hi }\n');
    await expect(runEvaluation({ suites: ['*.prompt.yml'], cwd: onlyDraft, concurrency: 1 })).rejects.toThrow('no suites to run: draft.prompt.yml is a prompt file without testData');
  });

  it('hints at the name when a *.yml file looks like a prompt file, and rejects unknown modelParameters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-promptyml-'));
    writeFileSync(join(dir, 'summarize.yml'), SUMMARIZER);
    const error = (await loadSuite('summarize.yml', dir).catch((caught: unknown) => caught)) as ConfigError;
    expect(error.format()).toBe('summarize.yml:1: a suite needs exactly one of `data:` (a cases file) or `cases:` (inline) — this looks like a GitHub prompt file (model, messages, testData): name it *.prompt.yml to run it as one');
    const unknown = SUMMARIZER.replace('maxTokens: 200', 'maxTokens: 200\n  topK: 40');
    const parameterError = (await loadSuite('summarize.prompt.yml', write(unknown)).catch((caught: unknown) => caught)) as ConfigError;
    expect(parameterError.format()).toMatch(/^summarize\.prompt\.yml:7: unknown modelParameters\.topK — known: maxTokens, maxCompletionTokens, temperature, topP/);
  });
});
