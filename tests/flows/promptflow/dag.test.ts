import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';
import type { ConfigError } from '../../../src/core/errors.js';
import { loadSuite } from '../../../src/suites/load.js';
import type { OpenAIServer, RecordedRequest } from '../../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../../support/openai-server.js';
import { FIXTURES, suiteWith } from './support.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer((request) => chatReply(`answer to ${request.body.messages.at(-1).content}`, { prompt: 20, completion: 4 }));
});
afterAll(() => server.close());

const run = (dir: string) => runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 2 });
const lastRequest = () => server.requests.at(-1)?.body as RecordedRequest['body'];

describe('kind: promptflow — llm and prompt nodes', () => {
  it('renders the prompt node, splits role markers (# comments allowed), sends deployment_name and numeric strings as numbers', async () => {
    const dir = suiteWith(`{ kind: promptflow, path: ${FIXTURES}/basic-llm }`, [{ id: 'q1', question: 'Why is the sky blue?', want: 'sky blue' }]);
    const results = await run(dir);
    expect(lastRequest()).toMatchObject({ model: 'gpt-4o-mini', max_tokens: 64, temperature: 0.2 });
    expect(lastRequest().messages).toEqual([
      { role: 'system', content: 'You are a friendly assistant.\nAnswer in one sentence.' },
      { role: 'user', content: 'Why is the sky blue?' },
    ]);
    const suite = results.suites[0];
    expect(suite?.flow).toEqual({ kind: 'promptflow', model: 'gpt-4o-mini', ownCode: true });
    expect(suite?.cases[0]?.samples[0]).toMatchObject({ output: 'answer to Why is the sky blue?', usage: { prompt: 20, completion: 4 }, scores: { contains: { value: 1 } } });
  });

  it('maps flow inputs from case fields with `inputs:` and scores another output with `output:`', async () => {
    const dir = suiteWith(`{ kind: promptflow, path: ${FIXTURES}/basic-llm, inputs: { question: "{{q}}", tone: "{{mood}}" }, output: rendered }`, [{ q: 'Hi?', mood: 'grumpy', want: 'grumpy' }]);
    const results = await run(dir);
    expect(results.suites[0]?.cases[0]?.samples[0]).toMatchObject({ output: 'You are a grumpy assistant.', scores: { contains: { value: 1 } } });
  });

  it('chooses node variants: the default_variant_id, or the suite’s `variant:`', async () => {
    await run(suiteWith(`{ kind: promptflow, path: ${FIXTURES}/variants }`, [{ text: 'long text', want: 'x' }]));
    expect(lastRequest()).toMatchObject({ model: 'gpt-4o-mini', max_tokens: 32, messages: [{ role: 'system', content: 'Summarise in five words.' }, { role: 'user', content: 'long text' }] });
    await run(suiteWith(`{ kind: promptflow, path: ${FIXTURES}/variants, variant: variant_1 }`, [{ text: 'long text', want: 'x' }]));
    expect(lastRequest()).toMatchObject({ model: 'gpt-4o', temperature: 0.7, messages: [{ role: 'system', content: 'Summarise in detail.' }, { role: 'user', content: 'long text' }] });
  });

  it('runs a chat flow: chat_history turns rendered into messages, a function message, the chat output scored', async () => {
    const history = [{ inputs: { question: 'Hi' }, outputs: { answer: 'Hello!' } }];
    const results = await run(suiteWith(`{ kind: promptflow, path: ${FIXTURES}/chat }`, [{ chat_history: history, question: 'And now?', want: 'And now?' }, { question: 'First?', want: 'First' }]));
    const messages = server.requests.map((request) => request.body.messages);
    expect(messages).toContainEqual([
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'function', name: 'lookup', content: '{"found": true}' },
      { role: 'user', content: 'And now?' },
    ]);
    expect(results.suites[0]?.cases.map((testCase) => testCase.samples[0]?.scores.contains?.value)).toEqual([1, 1]);
  });

  it('sends api: completion as one user message to the chat endpoint', async () => {
    await run(suiteWith(`{ kind: promptflow, path: ${FIXTURES}/completion }`, [{ topic: 'rain', want: 'rain' }]));
    expect(lastRequest()).toMatchObject({ model: 'gpt-35-turbo-instruct', max_tokens: 16, messages: [{ role: 'user', content: 'Write a haiku about rain:' }] });
  });

  it('lets --model override every llm node', async () => {
    const dir = suiteWith(`{ kind: promptflow, path: ${FIXTURES}/basic-llm }`, [{ question: 'Q', want: 'Q' }]);
    const results = await runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 1, model: 'gpt-5.4-nano' });
    expect(lastRequest().model).toBe('gpt-5.4-nano');
    expect(results.suites[0]?.flow.model).toBe('gpt-5.4-nano');
  });

  it('is skipped without a key when it has llm nodes', async () => {
    const dir = suiteWith(`{ kind: promptflow, path: ${FIXTURES}/basic-llm }`, [{ question: 'Q', want: 'Q' }]);
    const results = await runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, concurrency: 1 });
    expect(results.suites[0]).toMatchObject({ status: 'skipped' });
  });
});

const loadError = (dir: string) => loadSuite('pf.eval.yaml', dir).then(
  () => '',
  (error: ConfigError) => error.format(),
);

describe('kind: promptflow — configuration errors', () => {
  it('names the missing flow folder, unknown outputs and inputs a case lacks', async () => {
    expect(await loadError(suiteWith('{ kind: promptflow, path: nowhere }', [{ a: 1 }]))).toBe(
      'pf.eval.yaml:2: no PromptFlow flow at nowhere — `path:` is a folder with flow.dag.yaml or flow.flex.yaml (relative to the suite file)',
    );
    expect(await loadError(suiteWith(`{ kind: promptflow, path: ${FIXTURES}/basic-llm, output: nope }`, [{ question: 'q', want: 'q' }]))).toMatch(
      /^pf.eval.yaml:2: flow.output: the flow has no output "nope" — outputs of .*basic-llm\/flow.dag.yaml: answer, rendered$/,
    );
    expect(await loadError(suiteWith(`{ kind: promptflow, path: ${FIXTURES}/basic-llm }`, [{ id: 'c1', want: 'q' }]))).toMatch(
      /^.*basic-llm\/flow.dag.yaml: case "c1" \(cases.jsonl:1\) gives no value for flow input "question" of .*flow.dag.yaml — add the field to every case/,
    );
  });
});
