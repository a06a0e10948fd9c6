import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { failedSample, ranSuite, resultsDocument, skippedSuite } from '../../src/results/build.js';
import type { SuiteHeader } from '../../src/results/build.js';
import { parseResultsFile, readResultsFile } from '../../src/results/io.js';
import { readResultsStream } from '../../src/results/read-stream.js';
import { resultsJsonChunks } from '../../src/results/serialise.js';
import type { CaseResult, ResultsFile } from '../../src/results/types.js';

const dir = mkdtempSync(join(tmpdir(), 'evalgate-read-stream-'));
let files = 0;
function fileWith(text: string): string {
  files += 1;
  const path = join(dir, `results-${files}.json`);
  writeFileSync(path, text);
  return path;
}
const written = (results: unknown): string => [...resultsJsonChunks(results as ResultsFile)].join('');

const header = (name: string, repeat = 1): SuiteHeader => ({
  name, file: `evals/${name}.eval.yaml`, hash: `h-${name}`, flow: { kind: 'prompt', model: 'gpt-4o-mini' }, repeat, alpha: 0.05, tolerance: 0.05,
  metrics: [
    { name: 'f1', metric: 'f1', family: 'quality', scale: { kind: 'unit' }, direction: 'higher-is-better', gate: { min: 0.2 }, configHash: 'c1', threshold: 0.5 },
    { name: 'relevance', metric: 'relevance', family: 'quality', scale: { kind: 'likert', min: 1, max: 5 }, direction: 'higher-is-better', gate: {} },
  ],
});
const answered = (output: string, f1: number): CaseResult['samples'][number] => ({
  output, usage: { prompt: 12, completion: 3, cached: 0, reasoning: 1 }, latencyMs: 40, firstTokenMs: 9, costUsd: 0.0002, evaluatorCostUsd: 0.0001, model: 'gpt-4o-mini-2024',
  scores: { f1: { status: 'ok', value: f1 }, relevance: { status: 'ok', value: 4, reason: 'on topic "quoted"', details: { raw: '{"score": 4}' } } },
});
const testCase = (id: string, samples: CaseResult['samples']): CaseResult => ({ id, hash: `x-${id}`, inputs: { q: `question ${id}\nsecond line ]},`, list: [1, { n: null }] }, samples });

const document = resultsDocument({ date: '2026-11-25T00:00:00.000Z', commit: 'abc', ref: 'refs/pull/1/merge', durationMs: 5, judgeModel: 'gpt-4o', cache: { hits: 1, misses: 2 }, shard: { index: 2, count: 8 } }, [
  {
    ...ranSuite(header('faq', 2), [
      testCase('a-0', [answered('one', 0.5), { ...failedSample('timed out after 30 s', 'infrastructure'), scores: { f1: { status: 'error', error: 'no output' }, relevance: { status: 'skipped', reason: 'no key' } } }]),
      testCase('a-2', [answered('two', 1), { ...answered('two', 0), cached: true }]),
      testCase('a-5', [answered('three', 0.25), { ...answered('3', 0.75), batch: true, scores: { f1: { status: 'not-applicable' } } }]),
    ]),
    positions: [0, 2, 5],
    aggregates: { flow: { accuracy: 0.5 }, judge: [1, 2] },
  },
  skippedSuite(header('skipped'), 'needs an API key: set api-key / OPENAI_API_KEY'),
  ranSuite(header('empty'), []),
  ranSuite(header('last'), [testCase('d-0', [answered('only', 0)])]),
]);

const lineOf = (text: string, start: string): number => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

async function failure(text: string): Promise<ConfigError> {
  const error = await readResultsFile(fileWith(text)).then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('reading results files as a stream', () => {
  it.each([
    ['several suites (positions, aggregates, repeat 2, error samples, skipped and empty suites)', document],
    ['no suites', { ...document, suites: [] }],
    ['an empty suite last', { ...document, suites: [document.suites[0], document.suites[2]] }],
    ['a skipped suite first and last', { ...document, suites: [document.suites[1], document.suites[3], document.suites[1]] }],
  ])('reads the writer output line by line: %s', async (_name, results) => {
    const text = written(results);
    const path = fileWith(text);
    const streamed = await readResultsStream(path, 'results.json');
    expect(streamed.kind).toBe('read');
    expect(streamed.kind === 'read' && streamed.results).toEqual(results);
    expect(await readResultsFile(path)).toEqual(parseResultsFile(text, 'results.json'));
  });

  it('reads a case line longer than a read chunk, multi-byte characters across chunk edges, and no final newline', async () => {
    const long = { ...document, suites: [ranSuite(header('long'), [testCase('long', [answered('é→😀'.repeat(60_000), 0.5)]), testCase('next', [answered('n', 1)])])] };
    const streamed = await readResultsStream(fileWith(written(long).trimEnd()), 'results.json');
    expect(streamed.kind === 'read' && streamed.results).toEqual(long);
  });

  it('reads Windows line endings as a stream', async () => {
    const streamed = await readResultsStream(fileWith(written(document).replace(/\n/g, '\r\n')), 'results.json');
    expect(streamed.kind === 'read' && streamed.results).toEqual(document);
  });
});

describe('files in another layout read whole, as before', () => {
  const v1 = {
    format: 'evalgate-results', version: 1, tool: { name: 'evalgate', version: '0.1.0' }, run: { date: '2026-11-01T00:00:00Z', models: [], durationMs: 5 },
    suites: [{ ...header('faq'), status: 'ran', cases: [{ id: 'c1', hash: 'x', inputs: {}, samples: [{ output: 'a', usage: { prompt: 1, completion: 1, cached: 0, reasoning: 0 }, latencyMs: 4, scores: { f1: { value: 0.5 }, relevance: { value: null, error: 'skipped: no key' } } }] }] }],
  };
  const upgraded = parseResultsFile(JSON.stringify(v1), 'v1.json');

  it.each([
    ['a pretty-printed version-1 file', JSON.stringify(v1, null, 2), upgraded],
    ['a version-1 file in the one-line-per-case layout', written(v1), upgraded],
    ['a pretty-printed version-2 file', JSON.stringify(document, null, 2), document],
    ['a version-2 file on one line', JSON.stringify(document), document],
  ])('%s', async (_name, text, expected) => {
    const path = fileWith(text);
    expect((await readResultsStream(path, 'x.json')).kind).toBe('not-streamed');
    expect(await readResultsFile(path)).toEqual(expected);
  });

  it('a hand-edited file whose case spans two lines', async () => {
    const text = written(document).replace('"samples":[{"output":"two"', '"samples":[\n{"output":"two"');
    const path = fileWith(text);
    const streamed = await readResultsStream(path, 'x.json');
    expect(streamed.kind === 'off-layout' && streamed.error.location.line).toBe(lineOf(text, '{"id":"a-2"'));
    expect(await readResultsFile(path)).toEqual(document);
  });
});

describe('a bad file is a ConfigError naming its line', () => {
  const text = written(document);
  const lines = text.split('\n');

  it('truncated in the middle of a case', async () => {
    const cut = text.indexOf('{"id":"a-2"') + 30;
    const error = await failure(text.slice(0, cut));
    expect(error.location.line).toBe(lineOf(text, '{"id":"a-2"'));
    expect(error.format()).toMatch(/results-\d+\.json:4: not valid JSON \(.*\) — regenerate it with `evalgate run --update-baseline`/);
  });

  it('truncated after a whole case line', async () => {
    const error = await failure(`${lines.slice(0, 4).join('\n')}\n`);
    expect(error.location.line).toBe(4);
    expect(error.message).toMatch(/ends early, where another case should follow/);
  });

  it('a case line that is not JSON in the middle', async () => {
    const error = await failure(lines.map((line, index) => (index === 3 ? '{"id":"a-2",,},' : line)).join('\n'));
    expect(error.location.line).toBe(4);
    expect(error.message).toMatch(/^not valid JSON/);
  });

  it('a case that does not match the schema, with the same path as the whole-text check', async () => {
    const broken = text.replace('"latencyMs":40,', '"latencyMs":"slow",');
    const error = await failure(broken);
    expect(error.location.line).toBe(3);
    expect(error.message).toBe('invalid results file at suites.0.cases.0.samples.0.latencyMs: must be number');
    expect(() => parseResultsFile(broken, 'x')).toThrow(error.message);
  });

  it('a score outside its metric\'s scale', async () => {
    const broken = text.replace('{"output":"three","usage":{"prompt":12,"completion":3,"cached":0,"reasoning":1},"latencyMs":40,"firstTokenMs":9,"costUsd":0.0002,"evaluatorCostUsd":0.0001,"model":"gpt-4o-mini-2024","scores":{"f1":{"status":"ok","value":0.25}', '{"output":"three","usage":{"prompt":12,"completion":3,"cached":0,"reasoning":1},"latencyMs":40,"firstTokenMs":9,"costUsd":0.0002,"evaluatorCostUsd":0.0001,"model":"gpt-4o-mini-2024","scores":{"f1":{"status":"ok","value":1.5}');
    expect(broken).not.toBe(text);
    const error = await failure(broken);
    expect(error.location.line).toBe(lineOf(text, '{"id":"a-5"'));
    expect(error.message).toBe("invalid results file at suites.0.cases.2.samples.0.scores.f1.value: 1.5 is outside the metric's scale (0–1)");
    expect(() => parseResultsFile(broken, 'x')).toThrow(error.message);
  });

  it('a suite header that does not match the schema', async () => {
    const at = lineOf(text, '{"name":"empty"') - 1;
    const error = await failure(lines.map((line, index) => (index === at ? line.replace('"repeat":1,', '"repeat":0,') : line)).join('\n'));
    expect(error.location.line).toBe(lineOf(text, '{"name":"empty"'));
    expect(error.message).toBe('invalid results file at suites.2.repeat: must be >= 1');
  });

  it('a newer results format version', async () => {
    const error = await failure(written({ ...document, version: 3 }));
    expect(error.location.line).toBe(1);
    expect(error.format()).toMatch(/:1: written by a newer EvalGate \(results format version 3; this one reads 2\) — upgrade EvalGate$/);
  });

  it('text after the closing line', async () => {
    const error = await failure(`${text}{"id":"extra"}\n`);
    expect(error.location.line).toBe(lines.length);
    expect(error.message).toBe('text after the end of the results');
  });
});
