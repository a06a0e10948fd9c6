import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import type { ResultsFile } from '../../src/results/types.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer((request) => chatReply(/France/.test(request.body.messages.at(-1).content) ? 'Paris.' : 'Tokyo, Japan.'));
});
afterAll(() => server.close());

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = main(args, { cwd, env: {}, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), interactive: false });
  return code.then((exit) => ({ exit, stdout, stderr }));
}

/** Every suite's per-case scores (latency aside: it is timing), keyed by suite name. */
const scores = (results: ResultsFile) =>
  Object.fromEntries(
    results.suites.map((suite) => [
      suite.name,
      suite.cases.map((testCase) => ({ id: testCase.id, output: testCase.samples[0]?.output, scores: Object.fromEntries(Object.entries(testCase.samples[0]?.scores ?? {}).filter(([name]) => name !== 'latency').map(([name, score]) => [name, score.value])) })),
    ]),
  );

const run = (cwd: string, suites: string[]) => runEvaluation({ suites, cwd, apiKey: 'sk-test', baseUrl: server.url, concurrency: 2 });

describe('evalgate import', () => {
  it('promptfoo: writes one .eval.yaml per prompt × provider that gives the same results as the config run directly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-import-'));
    cpSync(join(FIXTURES, 'promptfoo/matrix'), join(dir, 'matrix'), { recursive: true });
    const { exit, stdout } = await cli(['import', 'promptfoo', 'matrix/promptfooconfig.yaml', '--out', 'evals'], dir);
    expect(exit).toBe(0);
    const written = readdirSync(join(dir, 'evals')).sort();
    expect(written).toEqual([
      'capitals-detailed-txt-azure-prod.eval.yaml',
      'capitals-detailed-txt-openai-chat-gpt-4o-mini.eval.yaml',
      'capitals-what-is-the-capital-of-country-answ-azure-prod.eval.yaml',
      'capitals-what-is-the-capital-of-country-answ-openai-chat-gpt-4o-mini.eval.yaml',
    ]);
    expect(stdout).toContain('wrote evals/capitals-detailed-txt-azure-prod.eval.yaml\n');
    const suite = parse(readFileSync(join(dir, 'evals', written[0] ?? ''), 'utf8')) as { flow: unknown; cases: { assert?: unknown[] }[] };
    expect(suite.flow).toEqual({ kind: 'prompt', model: 'prod-gpt4o', messages: [{ role: 'user', content: 'You are a geography teacher. In {{language}}, what is the capital of {{country}}?' }], parameters: { temperature: 0, max_tokens: 50 } });
    expect(suite.cases[0]?.assert).toHaveLength(3);
    const direct = await run(dir, ['matrix/promptfooconfig.yaml']);
    const imported = await run(dir, ['evals/*.eval.yaml']);
    expect(scores(imported)).toEqual(scores(direct));
    expect(imported.suites.map((entry) => entry.hash).sort()).toEqual(direct.suites.map((entry) => entry.hash).sort());
  });

  it('promptfoo: re-anchors file:// javascript assertions to the output folder (exec app kept beside the config)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-import-exec-'));
    cpSync(join(FIXTURES, 'promptfoo/exec'), dir, { recursive: true });
    expect((await cli(['import', 'promptfoo', 'promptfooconfig.yaml'], dir)).exit).toBe(0);
    const text = readFileSync(join(dir, 'exec-app.eval.yaml'), 'utf8');
    expect(text).toContain('code: file://checks.mjs:hasTopic');
    expect(scores(await run(dir, ['exec-app.eval.yaml']))).toEqual(scores(await run(dir, ['promptfooconfig.yaml'])));
  });

  it('promptflow: writes a kind: promptflow suite over the folder’s data.jsonl (and explains when there is none)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-import-pf-'));
    cpSync(join(FIXTURES, 'promptflow/flex-function'), join(dir, 'flows/writer'), { recursive: true });
    const failed = await cli(['import', 'promptflow', 'flows/writer', '--out', 'evals'], dir);
    expect(failed).toMatchObject({ exit: 2, stderr: expect.stringContaining('the flow folder has no data.jsonl and not every input has a default') });
    cpSync(join(FIXTURES, 'promptflow/python-chain'), join(dir, 'flows/chain'), { recursive: true });
    writeFileSync(join(dir, 'flows/chain/data.jsonl'), '{"text": "one two"}\n{"text": "three"}\n');
    expect((await cli(['import', 'promptflow', 'flows/chain', '--out', 'evals'], dir)).exit).toBe(0);
    expect(parse(readFileSync(join(dir, 'evals/chain.eval.yaml'), 'utf8'))).toEqual({ name: 'chain', flow: { kind: 'promptflow', path: '../flows/chain' }, data: '../flows/chain/data.jsonl', evaluators: [{ metric: 'latency' }] });
    const results = await runEvaluation({ suites: ['evals/chain.eval.yaml'], cwd: dir, concurrency: 1 });
    expect(results.suites[0]?.cases.map((testCase) => testCase.samples[0]?.output)).toEqual(['ONE TWO ONE TWO (2 words)', 'THREE THREE (1 words)']);
  });

  it('explains a wrong source or missing path', async () => {
    expect(await cli(['import', 'langsmith', 'x'], tmpdir())).toMatchObject({ exit: 2, stderr: 'evalgate: import takes a source and a path — usage: evalgate import promptflow|promptfoo|openai-evals PATH [--out DIR]\n' });
  });
});
