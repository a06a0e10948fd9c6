import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../../src/core/errors.js';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';
import { commaSeparated, expectedCell } from '../../../src/suites/promptfoo/assertions.js';
import { loadSuites } from '../../../src/suites/load.js';
import type { Suite } from '../../../src/suites/types.js';
import type { OpenAIServer } from '../../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../../support/openai-server.js';

/** A folder with the given files (paths → text), promptfooconfig.yaml among them. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-pfoo-parity-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const load = (files: Record<string, string>) => loadSuites(['promptfooconfig.yaml'], { cwd: project(files) });
const failure = async (files: Record<string, string>) => ((await load(files).catch((error: unknown) => error)) as ConfigError).format();
const evaluators = (suite: Suite | undefined) => suite?.evaluators.map((evaluator) => [evaluator.name, evaluator.metric, evaluator.threshold ?? null]);
const HEAD = "prompts: ['Q: {{q}}']\nproviders: [openai:chat:gpt-4o-mini]\n";

describe('promptfoo parity: tests, vars and defaultTest', () => {
  it('`defaultTest: file://` applies its vars, asserts and grader options to every test; unnamed asserts of one type stay apart', async () => {
    const [suite] = await load({
      'promptfooconfig.yaml': `${HEAD}defaultTest: file://defaults.yaml\ntests:\n  - vars: { q: a }\n  - vars: { q: b, tone: dry }\n    assert: [{ type: icontains, value: b }]\n`,
      'defaults.yaml': 'vars: { tone: warm }\nassert:\n  - { type: icontains, value: x }\n  - { type: icontains, value: y }\n  - { type: llm-rubric, value: polite }\noptions:\n  provider: openai:chat:gpt-4.1\n  rubricPrompt: "Grade {{ output }} against {{ rubric }}"\n',
    });
    expect(evaluators(suite)).toEqual([['icontains', 'icontains', null], ['icontains-2', 'icontains', null], ['llm-rubric', 'llm-rubric', null], ['icontains-3', 'icontains', null]]);
    expect(suite?.evaluators[2]?.options).toEqual({ rubric: 'polite', prompt: 'Grade {{ output }} against {{ rubric }}', 'judge-model': 'gpt-4.1' });
    expect(suite?.cases.map((testCase) => testCase.vars)).toEqual([{ q: 'a', tone: 'warm' }, { q: 'b', tone: 'dry' }]);
  });

  it('array vars are one test per value (every combination); glob file vars one test per file, its text trimmed', async () => {
    const [suite] = await load({
      'promptfooconfig.yaml': `${HEAD}defaultTest:\n  vars: { doc: 'file://docs/*.txt' }\ntests:\n  - vars: { q: [a, b], lang: [fr, de] }\n    assert: [{ type: contains, value: '{{lang}}' }]\n  - vars: { q: c, doc: file://docs/one.txt, list: [{ k: 1 }] }\n`,
      'docs/one.txt': 'first\n\n',
      'docs/two.txt': '  second\n',
    });
    const vars = suite?.cases.map((testCase) => testCase.vars) ?? [];
    expect(vars.map(({ q, lang, doc }) => `${String(q)}-${String(lang)}-${String(doc)}`)).toEqual([
      // promptfoo's order: defaultTest's vars first, each var's values nested inside the previous var's.
      'a-fr-first', 'a-de-first', 'b-fr-first', 'b-de-first', 'a-fr-second', 'a-de-second', 'b-fr-second', 'b-de-second', 'c-undefined-first',
    ]);
    expect(vars.at(-1)?.list).toEqual([{ k: 1 }]);
    expect(await failure({ 'promptfooconfig.yaml': `${HEAD}tests:\n  - vars: { q: 'file://missing/*.txt' }\n` })).toMatch(/^promptfooconfig.yaml:4: var "q": no file matches missing\/\*\.txt/);
  });

  it('CSV cells in `type(threshold):value` syntax, __config thresholds, __metric names and __metadata as promptfoo reads them', async () => {
    expect(expectedCell('similar(0.99):Paris')).toEqual({ type: 'similar', value: 'Paris', threshold: 0.99 });
    expect(expectedCell('similar:Paris')).toEqual({ type: 'similar', value: 'Paris', threshold: 0.8 });
    expect(expectedCell('contains-any:a, "b, c",d')).toEqual({ type: 'contains-any', value: ['a', 'b, c', 'd'] });
    expect(expectedCell('not-icontains: London')).toEqual({ type: 'not-icontains', value: 'London' });
    expect(expectedCell("javascript: output.includes('x');")).toEqual({ type: 'javascript', value: "output.includes('x');" });
    expect(expectedCell('file://checks.py:grade')).toEqual({ type: 'python', value: 'file://checks.py:grade' });
    expect(expectedCell('grade: is polite')).toEqual({ type: 'llm-rubric', value: ' is polite' });
    expect(expectedCell('Paris: the capital')).toEqual({ type: 'equals', value: 'Paris: the capital' });
    expect(expectedCell('perplexity(2):x')).toEqual({ type: 'perplexity', value: 'x', threshold: 2 });
    const [suite] = await load({
      'promptfooconfig.yaml': `${HEAD}tests: file://tests.csv\n`,
      'tests.csv': 'q,__expected1,__expected2,__config:__expected2:threshold,__metric,__metadata:topic,__metadata:tags[]\nx,contains-any:a,"similar:x",0.6,Accuracy,geo,"a,b\\,c"\n',
    });
    expect(evaluators(suite)).toEqual([['Accuracy', 'contains-any', null], ['Accuracy-2', 'similarity', 0.6]]);
    expect(suite?.cases[0]?.vars).toEqual({ q: 'x', metadata: { topic: 'geo', tags: ['a', 'b,c'] } });
    expect(await failure({ 'promptfooconfig.yaml': `${HEAD}tests: file://t.csv\n`, 't.csv': 'q,__prefix\nx,Answer:\n' })).toMatch(/`__prefix` .* is not supported/);
  });

  it('contains-any / contains-all split a comma-separated string; quoted fields keep their commas', async () => {
    expect(commaSeparated('Berlin, Paris')).toEqual(['Berlin', 'Paris']);
    expect(commaSeparated('"Paris, France", Rome,')).toEqual(['Paris, France', 'Rome']);
    const [suite] = await load({ 'promptfooconfig.yaml': `${HEAD}tests:\n  - vars: { q: x }\n    assert: [{ type: contains-all, value: 'a, b' }, { type: contains-any, value: [c, d] }]\n` });
    expect(suite?.evaluators.map((evaluator) => evaluator.cases)).toEqual([{ [suite?.cases[0]?.id ?? '']: { expected: ['a', 'b'] } }, { [suite?.cases[0]?.id ?? '']: { expected: ['c', 'd'] } }]);
  });

  it('a promptfoo metric name shared by asserts with different thresholds becomes one metric per pass mark', async () => {
    const [suite] = await load({
      'promptfooconfig.yaml': `${HEAD}tests:\n  - vars: { q: a }\n    assert:\n      - { type: javascript, value: '1', metric: Quality }\n      - { type: javascript, value: '1', metric: Quality, threshold: 0.5 }\n  - vars: { q: b }\n    assert:\n      - { type: javascript, value: '1', metric: Quality, threshold: 0.5 }\n`,
    });
    expect(evaluators(suite)).toEqual([['Quality', 'javascript', null], ['Quality-2', 'javascript', 0.5]]);
    expect(suite?.evaluators[1]?.cases && Object.keys(suite.evaluators[1].cases)).toHaveLength(2);
  });

  it('refuses, never drops, what it cannot honour: assertScoringFunction, a test threshold, other options, unknown provider config', async () => {
    expect(await failure({ 'promptfooconfig.yaml': `${HEAD}defaultTest:\n  assertScoringFunction: file://score.js\ntests:\n  - vars: { q: a }\n` })).toMatch(/^promptfooconfig.yaml:4: `assertScoringFunction` .* has no EvalGate equivalent/);
    expect(await failure({ 'promptfooconfig.yaml': `${HEAD}tests:\n  - vars: { q: a }\n    threshold: 0.5\n` })).toMatch(/^promptfooconfig.yaml:4: a test's `threshold`/);
    expect(await failure({ 'promptfooconfig.yaml': `${HEAD}tests:\n  - vars: { q: a }\n    options: { prefix: 'Hi ' }\n` })).toMatch(/`options.prefix` is not supported/);
    expect(await failure({ 'promptfooconfig.yaml': "prompts: ['x']\nproviders:\n  - id: openai:chat:gpt-4o-mini\n    config: { logprobs: true }\ntests:\n  - vars: {}\n" })).toMatch(/^promptfooconfig.yaml:3: provider config `logprobs` is not supported/);
    expect(await failure({ 'promptfooconfig.yaml': `${HEAD}tests:\n  - vars: { q: a }\n    assert: [{ type: contains, value: a, rubricPrompt: x }]\n` })).toMatch(/`rubricPrompt` on a contains assertion is not supported/);
  });
});

describe('promptfoo parity: prompts and providers', () => {
  it("sends promptfoo's OpenAI defaults (temperature 0, max_tokens 1024) unless the config sets them; none to reasoning models", async () => {
    const suites = await load({
      'promptfooconfig.yaml': "prompts: ['x']\nproviders:\n  - openai:gpt-4.1\n  - openai:o4-mini\n  - id: openai:chat:gpt-4o-mini\n    config: { temperature: 0.7, apiBaseUrl: 'https://ignored' }\ntests:\n  - vars: {}\n    assert: [{ type: contains, value: x }]\n",
    });
    expect(suites.map((suite) => (suite.flow as { parameters?: unknown }).parameters)).toEqual([{ temperature: 0, max_tokens: 1024 }, {}, { temperature: 0.7, max_tokens: 1024 }]);
  });

  it('the same provider twice (two temperatures) gives two suites, `#2` on the second; prompt-level config reaches the request', async () => {
    const suites = await load({
      'promptfooconfig.yaml': "prompts:\n  - raw: 'x'\n    label: json\n    config: { response_format: { type: json_object }, tools: [{ type: function, function: { name: f } }] }\nproviders:\n  - id: openai:chat:gpt-4o-mini\n    config: { temperature: 0.1 }\n  - id: openai:chat:gpt-4o-mini\n    config: { temperature: 0.9 }\ntests:\n  - vars: {}\n    assert: [{ type: contains, value: x }]\n",
    });
    expect(suites.map((suite) => suite.name)).toEqual(['promptfooconfig: json × openai:chat:gpt-4o-mini', 'promptfooconfig: json × openai:chat:gpt-4o-mini #2']);
    expect((suites[1]?.flow as { parameters?: unknown }).parameters).toEqual({ temperature: 0.9, max_tokens: 1024, response_format: { type: 'json_object' }, tools: [{ type: 'function', function: { name: 'f' } }] });
  });

  it("dereferences `$ref: '#/…'`, reads a plain-text [INST] prompt as text, and names a broken $ref at its line", async () => {
    const [suite] = await load({
      'promptfooconfig.yaml': "prompts: [file://inst.txt]\nproviders: [openai:gpt-4o-mini]\ntemplates:\n  short: { type: javascript, value: output.length < 99 }\ntests:\n  - vars: { q: a }\n    assert:\n      - $ref: '#/templates/short'\n",
      'inst.txt': '<s>[INST] {{ q }} [/INST]\n',
    });
    expect(evaluators(suite)).toEqual([['javascript', 'javascript', null]]);
    expect((suite?.flow as { messages: unknown }).messages).toEqual([{ role: 'user', content: '<s>[INST] {{ q }} [/INST]' }]);
    expect(await failure({ 'promptfooconfig.yaml': `${HEAD}tests:\n  - vars: { q: a }\n    assert:\n      - $ref: '#/templates/none'\n` })).toBe('promptfooconfig.yaml:6: $ref "#/templates/none" points at nothing in the config');
  });
});

describe('promptfoo parity: runs against a loopback model', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  afterAll(() => server.close());

  it('renders the load filter, scores javascript by promptfoo’s rule and grades llm-rubric with the defaultTest grader', async () => {
    server.setHandler((request) => (request.body.messages.some((message: { content: string }) => message.content.includes('<Rubric>')) ? chatReply('{"pass": false, "score": 1, "reason": "vetoed"}') : chatReply(`Hi ${String(request.body.messages.at(-1).content)}`)));
    const dir = project({
      'promptfooconfig.yaml': "prompts: ['{{ (profile | load).name }}']\nproviders: [openai:gpt-4o-mini]\ndefaultTest:\n  options: { provider: openai:gpt-4.1-mini }\ntests:\n  - vars: { profile: '{\"name\": \"Ada\"}' }\n    assert:\n      - { type: javascript, value: \"output.length / 100;\" }\n      - { type: javascript, value: '0.03', threshold: 0.5 }\n      - { type: llm-rubric, value: polite }\n      - { type: javascript, value: 'JSON.parse(output)' }\n",
    });
    const results = await runEvaluation({ suites: ['promptfooconfig.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 1 });
    const suite = results.suites[0];
    expect(suite?.cases[0]?.samples[0]?.output).toBe('Hi Ada');
    const scores = suite?.cases[0]?.samples[0]?.scores ?? {};
    expect([scores.javascript?.value, scores['javascript-2']?.value, scores['llm-rubric']?.value, scores['javascript-3']?.status]).toEqual([0.06, 0.03, 0, 'error']);
    expect(suite?.metrics.map((metric) => metric.threshold)).toEqual([Number.MIN_VALUE, 0.5, Number.MIN_VALUE, Number.MIN_VALUE]);
    const grader = server.requests.find((request) => request.body.model === 'gpt-4.1-mini');
    expect(grader?.body).toMatchObject({ temperature: 0, max_tokens: 1024 });
    expect(server.requests[0]?.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0, max_tokens: 1024, messages: [{ role: 'user', content: 'Ada' }] });
  });
});
