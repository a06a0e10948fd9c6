import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ResultsFile } from '../../src/results/types.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';
import { CLI, runNode } from '../support/run-node.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer((request) => {
    const last = String(request.body.messages.at(-1).content);
    if (/strict evaluator/.test(String(request.body.messages[0].content))) return chatReply(/Paris/.test(last) ? '{"choice": "correct", "reason": "right city"}' : '{"choice": "wrong", "reason": "not the capital"}');
    return chatReply(/France/.test(last) ? 'Paris' : 'Osaka');
  });
});
afterAll(() => server.close());

/** The eval object as GET /v1/evals/{id} returns it, with a model named in its metadata, and its rows. */
function evalFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-openai-evals-e2e-'));
  const evalObject = {
    object: 'eval',
    id: 'eval_67abd54d9b0081909a86353f6fb9317a',
    name: 'capitals',
    created_at: 1739314509,
    metadata: { model: 'gpt-4o-mini' },
    data_source_config: { type: 'custom', schema: { type: 'object', properties: { item: { type: 'object' } } } },
    testing_criteria: [
      { type: 'string_check', name: 'exact', input: '{{sample.output_text}}', operation: 'eq', reference: '{{item.answer}}' },
      {
        type: 'label_model',
        name: 'judge',
        model: 'gpt-4o',
        input: [{ role: 'developer', content: 'The question was {{item.input}}. Is {{sample.output_text}} its correct answer?' }],
        labels: ['correct', 'wrong'],
        passing_labels: ['correct'],
      },
    ],
  };
  writeFileSync(join(dir, 'eval.json'), JSON.stringify(evalObject, null, 2));
  const rows = [{ item: { input: 'Capital of France?', answer: 'Paris' } }, { item: { input: 'Capital of Japan?', answer: 'Tokyo' } }];
  writeFileSync(join(dir, 'eval.jsonl'), `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
  return dir;
}

const scores = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as ResultsFile).suites[0]?.cases.map((testCase) => [testCase.samples[0]?.output, testCase.samples[0]?.scores.exact?.value, testCase.samples[0]?.scores.judge?.value]);

describe('evalgate run eval.json / import openai-evals (dist/cli/index.js under Node 24, loopback OpenAI server)', () => {
  it('runs the eval directly: the model answers {{item.input}}, string_check and the label judge grade it; the import gives the same suite', async () => {
    const dir = evalFolder();
    const env = { EVALGATE_API_KEY: 'sk-test' };
    const direct = await runNode(CLI, ['run', 'eval.json', '--base-url', server.url, '--update-baseline'], { cwd: dir, env });
    expect(direct.stderr).toContain('baseline updated');
    expect(direct.code).toBe(0);
    expect(scores(join(dir, '.evalgate/results.json'))).toEqual([
      ['Paris', 1, 1],
      ['Osaka', 0, 0],
    ]);
    const flowRequests = server.requests.filter((request) => request.body.model === 'gpt-4o-mini');
    expect(flowRequests.map((request) => request.body.messages).sort()).toEqual([[{ role: 'user', content: 'Capital of France?' }], [{ role: 'user', content: 'Capital of Japan?' }]].sort());
    expect(server.requests.filter((request) => request.body.model === 'gpt-4o')).toHaveLength(2);

    const imported = await runNode(CLI, ['import', 'openai-evals', 'eval.json', '--out', 'evals'], { cwd: dir, env });
    expect([imported.code, imported.stdout]).toEqual([0, 'wrote evals/capitals.eval.yaml\n']);
    const suite = parse(readFileSync(join(dir, 'evals/capitals.eval.yaml'), 'utf8')) as { data: string; evaluators: { metric: string }[] };
    expect([suite.data, suite.evaluators.map((evaluator) => evaluator.metric)]).toEqual(['../eval.jsonl', ['javascript', 'rubric']]);
    const again = await runNode(CLI, ['run', 'evals/capitals.eval.yaml', '--base-url', server.url, '--no-compare', '--output', 'imported.json'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(scores(join(dir, 'imported.json'))).toEqual(scores(join(dir, '.evalgate/results.json')));
  });

  it('an unsupported criterion: exit 2 with the file, line, criterion and what to do — no stack trace', async () => {
    const dir = evalFolder();
    const evalObject = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')) as { testing_criteria: unknown[] };
    evalObject.testing_criteria.push({ type: 'text_similarity', name: 'close', evaluation_metric: 'fuzzy_match', input: '{{sample.output_text}}', reference: '{{item.answer}}', pass_threshold: 0.8 });
    writeFileSync(join(dir, 'eval.json'), JSON.stringify(evalObject, null, 2));
    const result = await runNode(CLI, ['run', 'eval.json', '--base-url', server.url, '--no-compare'], { cwd: dir, env: { EVALGATE_API_KEY: 'sk-test' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/eval\.json:\d+.*testing_criteria\[2\] \("close", text_similarity\): text_similarity \(fuzzy_match\) is not supported/);
    expect(result.stderr).toContain('metric: levenshtein');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
