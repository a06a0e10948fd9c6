import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import type { ConfigError } from '../../src/core/errors.js';
import { readPromptySpec } from '../../src/prompty/load.js';
import { loadSuite } from '../../src/suites/load.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';

/** A Contoso Chat-style Prompty v1 file: Azure deployment, parameters, object inputs, a Jinja loop. */
const CHAT_V1 = `---
name: Contoso Chat Prompt
model:
  api: chat
  configuration:
    type: azure_openai
    azure_deployment: gpt-4o-mini
    azure_endpoint: \${ENV:AZURE_OPENAI_ENDPOINT}
  parameters:
    max_tokens: 128
    temperature: 0.2
inputs:
  customer:
    type: object
  documentation:
    type: object
  question:
    type: string
  tone: friendly
---
system:
You are an AI assistant helping {{ customer.firstName }}. Be {{ tone }}.
# Documentation
{% for item in documentation %}
- {{ item.title }}: {{ item.content }}
{% endfor %}

user:
{{ question }}
`;

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer(() => chatReply('The TrailMaster tent sleeps 4.', { prompt: 120, completion: 9 }));
});
afterAll(() => server.close());

function suiteDir(prompty: string, cases: object[], flow = 'flow: { kind: prompty, file: chat.prompty }'): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-prompty-flow-'));
  writeFileSync(join(dir, 'chat.prompty'), prompty);
  writeFileSync(join(dir, 'cases.jsonl'), cases.map((entry) => JSON.stringify(entry)).join('\n'));
  writeFileSync(join(dir, 'chat.eval.yaml'), `name: chat\n${flow}\ndata: cases.jsonl\nevaluators:\n  - { metric: icontains, expected: "{{answer}}" }\n  - { metric: cost }\n`);
  return dir;
}

const CASE = { id: 'tent', customer: { firstName: 'Sarah' }, documentation: [{ title: 'TrailMaster', content: 'Sleeps 4.' }], question: 'How many people fit?', answer: 'sleeps 4' };

describe('Prompty front matter', () => {
  const read = (text: string) => readPromptySpec(text, join(tmpdir(), 'x.prompty'));

  it('reads v1: Azure deployment, parameters, input defaults', () => {
    expect(read(CHAT_V1)).toMatchObject({ model: 'gpt-4o-mini', parameters: { max_tokens: 128, temperature: 0.2 }, defaults: { tone: 'friendly' }, stream: false });
  });

  it('reads v2: model id, camelCase options (maxOutputTokens → max_completion_tokens), inputSchema defaults', () => {
    const v2 = '---\nmodel:\n  id: gpt-5.4-mini\n  provider: azure\n  options: { temperature: 0.7, maxOutputTokens: 1000, topP: 0.9, stopSequences: ["\\n"] }\ninputSchema:\n  properties:\n    - { name: firstName, kind: string, default: Jane }\n    - { name: question, kind: string }\n---\nuser:\n{{question}}\n';
    expect(read(v2)).toMatchObject({
      model: 'gpt-5.4-mini',
      parameters: { temperature: 0.7, max_completion_tokens: 1000, top_p: 0.9, stop: ['\n'] },
      defaults: { firstName: 'Jane' },
    });
    expect(read('---\nmodel: gpt-4o\n---\nuser:\nhi').model).toBe('gpt-4o');
  });
});

describe('kind: prompty flow', () => {
  it('renders the body per case and calls the front matter’s model with its parameters', async () => {
    const dir = suiteDir(CHAT_V1, [CASE]);
    const results = await runEvaluation({ suites: ['chat.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 2 });
    const request = server.requests.at(-1)?.body as { model: string; max_tokens: number; temperature: number; messages: { role: string; content: string }[] };
    expect(request).toMatchObject({ model: 'gpt-4o-mini', max_tokens: 128, temperature: 0.2 });
    expect(request.messages).toEqual([
      { role: 'system', content: expect.stringMatching(/^You are an AI assistant helping Sarah\. Be friendly\.\n# Documentation\n+- TrailMaster: Sleeps 4\./) },
      { role: 'user', content: 'How many people fit?' },
    ]);
    const suite = results.suites[0];
    expect(suite?.flow).toEqual({ kind: 'prompty', model: 'gpt-4o-mini' });
    expect(suite?.cases[0]?.samples[0]?.scores).toEqual({ icontains: { status: 'ok', value: 1 } });
    expect(suite?.cases[0]?.samples[0]?.costUsd).toBeCloseTo((120 * 0.15 + 9 * 0.6) / 1e6, 15);
  });

  it('lets the suite override the model and add parameters', async () => {
    const dir = suiteDir(CHAT_V1, [CASE], 'flow: { kind: prompty, file: chat.prompty, model: gpt-5.4-nano, parameters: { seed: 7 } }');
    await runEvaluation({ suites: ['chat.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 1 });
    expect(server.requests.at(-1)?.body).toMatchObject({ model: 'gpt-5.4-nano', max_tokens: 128, seed: 7 });
  });

  it('names the case, the file line and the expression when a case lacks a field the body prints', async () => {
    const dir = suiteDir(CHAT_V1, [CASE, { id: 'anonymous', documentation: [], question: 'Hi?', answer: 'x' }]);
    const error = (await loadSuite('chat.eval.yaml', dir).catch((caught: unknown) => caught)) as ConfigError;
    expect(error.format()).toBe(
      'chat.prompty:22: {{ customer.firstName }} is undefined for case "anonymous" (cases.jsonl:2; fields: id, documentation, question, answer) — add the field to every case, or give the input a default in the front matter',
    );
  });

  it('explains a missing file, a file without a model and a template it cannot render', async () => {
    const missing = suiteDir(CHAT_V1, [CASE], 'flow: { kind: prompty, file: nope.prompty }');
    await expect(loadSuite('chat.eval.yaml', missing)).rejects.toThrow('prompty file not found: nope.prompty');
    const modelless = suiteDir('---\nname: x\n---\nuser:\n{{question}}\n', [CASE]);
    await expect(loadSuite('chat.eval.yaml', modelless)).rejects.toThrow('chat.prompty names no model');
    const mustache = suiteDir('---\nmodel: gpt-4o\ntemplate: mustache\n---\nuser:\n{{question}}\n', [CASE]);
    await expect(loadSuite('chat.eval.yaml', mustache)).rejects.toThrow('template format "mustache" is not supported');
    const broken = suiteDir('---\nmodel: [unclosed\n---\nuser: hi\n', [CASE]);
    await expect(loadSuite('chat.eval.yaml', broken)).rejects.toThrow(/front matter is not valid YAML/);
  });

  it('is skipped with a note when there is no key, like every model flow', async () => {
    const dir = suiteDir(CHAT_V1, [CASE]);
    const results = await runEvaluation({ suites: ['chat.eval.yaml'], cwd: dir, concurrency: 1 });
    expect(results.suites[0]).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('needs a model API key') });
  });
});
