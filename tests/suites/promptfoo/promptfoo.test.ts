import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../../src/core/errors.js';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';
import { loadSuites } from '../../../src/suites/load.js';
import type { OpenAIServer } from '../../support/openai-server.js';
import { startOpenAIServer } from '../../support/openai-server.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/promptfoo');
const CAPITALS: Record<string, string> = { France: 'Paris', Japan: 'Tokyo' };

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

const run = (cwd: string, suites = ['promptfooconfig.yaml']) => runEvaluation({ suites, cwd, apiKey: 'sk-test', baseUrl: server.url, concurrency: 2 });
const scoresOf = (results: Awaited<ReturnType<typeof run>>, suite = 0) =>
  results.suites[suite]?.cases.map((testCase) => Object.fromEntries(Object.entries(testCase.samples[0]?.scores ?? {}).map(([name, score]) => [name, score.value])));

describe('promptfoo configs run directly', () => {
  it('a prompt × provider matrix is one suite per pair, with defaultTest and per-test asserts', async () => {
    server.setHandler((request) => {
      const text: string = request.body.messages.at(-1).content;
      const country = Object.keys(CAPITALS).find((name) => text.includes(name)) ?? '';
      return { json: { id: 'x', object: 'chat.completion', created: 1, model: request.body.model, choices: [{ index: 0, message: { role: 'assistant', content: `${CAPITALS[country]}.` }, finish_reason: 'stop' }], usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } } };
    });
    const results = await run(join(FIXTURES, 'matrix'));
    expect(results.suites.map((suite) => suite.name)).toEqual([
      'Capitals: What is the capital of {{country}}? Answ × openai:chat:gpt-4o-mini',
      'Capitals: What is the capital of {{country}}? Answ × azure-prod',
      'Capitals: detailed.txt × openai:chat:gpt-4o-mini',
      'Capitals: detailed.txt × azure-prod',
    ]);
    const azureDetailed = server.requests.find((request) => request.body.model === 'prod-gpt4o' && request.body.messages[0].content.startsWith('You are'));
    expect(azureDetailed?.body).toMatchObject({ temperature: 0, max_tokens: 50, messages: [{ role: 'user', content: 'You are a geography teacher. In English, what is the capital of France?' }] });
    const suite = results.suites[0];
    expect(suite?.metrics.map((metric) => [metric.name, metric.metric, metric.threshold, metric.gate])).toEqual([
      ['icontains', 'icontains', 1, {}],
      ['latency', 'latency', 5000, {}],
      ['contains', 'contains', 1, {}],
      ['not-contains', 'not-contains', 1, {}],
      // promptfoo: a javascript number passes when > 0 (the smallest positive number is the pass mark).
      ['javascript', 'javascript', Number.MIN_VALUE, {}],
      // japan's `contains` has weight 0: a metric of its own, report-only — not france's, which gates.
      ['contains-2', 'contains', 1, { gate: false }],
    ]);
    expect(suite?.cases.map((testCase) => testCase.id)).toEqual(['france', 'japan']);
    // latency is measured on the sample (latencyMs), not stored as a score.
    expect(scoresOf(results)).toEqual([
      { icontains: 1, contains: 1, 'not-contains': 1, javascript: 1 },
      { icontains: 1, 'contains-2': 1, javascript: 1 },
    ]);
    expect(suite?.cases[0]?.samples[0]?.latencyMs).toEqual(expect.any(Number));
    expect(suite?.cases[1]?.samples[0]?.scores.javascript?.reason).toBe('1 words');
  });

  it('reads CSV tests with __expected columns and a JSON chat prompt file', async () => {
    server.setHandler((request) => ({ json: { id: 'x', object: 'chat.completion', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: `echo: ${request.body.messages.at(-1).content}` }, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 } } }));
    const results = await run(join(FIXTURES, 'csv'));
    expect(server.requests.at(-1)?.body.messages[0]).toEqual({ role: 'system', content: 'You translate to French.' });
    expect(results.suites[0]?.cases.map((testCase) => testCase.id)).toEqual(['greeting', 'night', 'thanks']);
    expect(scoresOf(results)).toEqual([
      { icontains: 1, 'not-contains': 1 },
      { contains: 1, javascript: 1 },
      { equals: 1 },
    ]);
  });

  it('runs exec: providers (prompt as argument, stdout as answer) and javascript file assertions', async () => {
    const results = await run(join(FIXTURES, 'exec'));
    expect(results.suites[0]?.flow.kind).toBe('command');
    expect(results.suites[0]?.cases[0]?.samples[0]?.output).toBe('Here: {"topic":"tides","prompt":"Summarise as JSON: tides"}');
    expect(scoresOf(results)).toEqual([
      { 'json-valid': 0, 'contains-json': 1, regex: 1, javascript: 1 },
      { 'not-json-valid': 1, javascript: 0.75 },
    ]);
  });

  it('runs the echo provider and CommonJS named-export javascript assertions (promptfooconfig.<name>.yaml names work too)', async () => {
    const results = await runEvaluation({ suites: ['promptfooconfig.echo.yaml'], cwd: FIXTURES, concurrency: 1 });
    expect(results.suites[0]?.cases[0]?.samples[0]?.output).toBe('Topic: tides');
    expect(scoresOf(results)).toEqual([{ javascript: 1, equals: 1 }]);
  });

  it('maps the http provider: {{prompt}} in the body, transformResponse as the output path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-pfoo-http-'));
    server.setHandler((request) => ({ json: { data: { answer: `got ${request.body.query}` } } }));
    writeFileSync(
      join(dir, 'promptfooconfig.yaml'),
      `prompts: ['Q: {{q}}']\nproviders:\n  - id: http\n    config:\n      url: ${server.url}/app\n      body: { query: '{{prompt}}' }\n      transformResponse: json.data.answer\ntests:\n  - vars: { q: tides }\n    assert: [{ type: equals, value: 'got Q: tides' }]\n`,
    );
    const results = await runEvaluation({ suites: ['promptfooconfig.yaml'], cwd: dir, concurrency: 1 });
    expect(scoresOf(results)).toEqual([{ equals: 1 }]);
  });

  it('globs promptfoo configs together with EvalGate suites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-pfoo-glob-'));
    cpSync(join(FIXTURES, 'exec'), join(dir, 'exec'), { recursive: true });
    cpSync(join(FIXTURES, 'csv'), join(dir, 'csv'), { recursive: true });
    const suites = await loadSuites(['**/promptfooconfig.yaml'], { cwd: dir });
    expect(suites.map((suite) => [suite.name, suite.file])).toEqual([
      ['promptfooconfig', 'csv/promptfooconfig.yaml'],
      ['Exec app', 'exec/promptfooconfig.yaml'],
    ]);
  });

  it('names an unsupported assertion type or provider in one line with file:line', async () => {
    const error = (await loadSuites(['promptfooconfig.yaml'], { cwd: join(FIXTURES, 'unsupported') }).catch((caught: unknown) => caught)) as ConfigError;
    expect(error.format()).toMatch(/^promptfooconfig.yaml:11: promptfoo assertion type "perplexity" is not supported — EvalGate runs equals, contains, .*javascript, python/);
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-pfoo-bad-'));
    writeFileSync(join(dir, 'promptfooconfig.yaml'), `prompts: ['x']\nproviders:\n  - openai:chat:gpt-4o\n  - anthropic:messages:claude-sonnet-4\ntests:\n  - assert: [{ type: contains, value: x }]\n`);
    const provider = (await loadSuites(['promptfooconfig.yaml'], { cwd: dir }).catch((caught: unknown) => caught)) as ConfigError;
    expect(provider.format()).toBe('promptfooconfig.yaml:4: promptfoo provider "anthropic:messages:claude-sonnet-4" is not supported — EvalGate runs openai:chat:<model>, openai:<model>, azureopenai:chat:<deployment>, http (or an https:// URL), exec:<command>, echo');
  });

  it('refuses what it cannot translate faithfully: Nunjucks-built JSON chat prompts, output transforms', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-pfoo-nunjucks-'));
    writeFileSync(join(dir, 'prompt.json'), '[{% for m in history %}{"role": "user", "content": {{ m | dump }}},{% endfor %}{"role": "user", "content": "{{q}}"}]');
    writeFileSync(join(dir, 'promptfooconfig.yaml'), `prompts: [file://prompt.json]\nproviders: [openai:gpt-4o-mini]\ntests:\n  - vars: { q: hi }\n    assert: [{ type: contains, value: hi }]\n`);
    const chat = (await loadSuites(['promptfooconfig.yaml'], { cwd: dir }).catch((caught: unknown) => caught)) as ConfigError;
    expect(chat.format()).toMatch(/^promptfooconfig.yaml:1: a JSON chat prompt must be plain JSON — Nunjucks tags and filters/);
    writeFileSync(join(dir, 'promptfooconfig.yaml'), `prompts: ['{{q}}']\nproviders: [openai:gpt-4o-mini]\ntests:\n  - vars: { q: hi }\n    options: { transform: JSON.parse(output) }\n    assert: [{ type: contains, value: hi }]\n`);
    const transform = (await loadSuites(['promptfooconfig.yaml'], { cwd: dir }).catch((caught: unknown) => caught)) as ConfigError;
    expect(transform.format()).toBe('promptfooconfig.yaml:4: `options.transform` is not supported — assert on the raw output (e.g. a javascript assertion that parses it)');
  });
});
