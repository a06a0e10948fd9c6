import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../src/core/case.js';
import { evaluateCases } from '../evaluate.js';
import type { FlowOutput } from '../../../src/flows/types.js';
import type { MetricDefinition } from '../../../src/metrics/types.js';
import { singleAttemptClient } from '../model-client.js';
import type { ModelClient } from '../../../src/model/types.js';
import type { ScoreRecord } from '../../../src/results/types.js';
import type { SampleRun } from '../../../src/runner/types.js';
import type { Suite } from '../../../src/suites/types.js';
import type { OpenAIServer } from '../openai-server.js';
import { chatReply, embeddingReply, moderationReply, startOpenAIServer } from '../openai-server.js';

import { metricInfos } from '../../../src/evaluate/evaluate.js';
import { UNITS } from '../../../src/metrics/units.js';
import { ranSuite, resultsDocument } from '../../../src/results/build.js';
import { readResultsFile, writeResultsFile } from '../../../src/results/io.js';
/**
 * The metric contract, in the style of evalite's testAllStorage: every metric of the registry,
 * through the evaluate stage as a run calls it. The shared edge cases must give a typed status —
 * never a made-up score; every value lies on the metric's scale and survives a results file's
 * write and read. A new metric is covered by adding it to the registry; none is exempt by name.
 */

/** A value for each commonly required option; a metric whose required options are not all here declares `example`. */
const REQUIRED_OPTION: Record<string, unknown> = { expected: 'the tent weighs 4.2 kg', pattern: '\\d', schema: { type: 'object' }, canary: 'ZEBRA-42' };
const optionsFor = (metric: MetricDefinition, extra: Record<string, unknown> = {}) => ({
  ...Object.fromEntries(metric.requires.map((name) => [name, REQUIRED_OPTION[name]])),
  ...metric.example,
  ...extra,
});

const FLOW_OUTPUT: FlowOutput = { output: 'The tent weighs 4.2 kg.', context: 'The tent weighs 4.2 kg.', usage: { prompt: 10, completion: 5, cached: 0, reasoning: 0 }, model: 'gpt-4o-mini', latency: { totalMs: 120, firstTokenMs: 20 } };
const CASE: Case = { id: 'c1', vars: { question: 'How heavy is the tent?' }, source: { file: 'cases.jsonl', line: 1 } };

function suiteOf(metric: MetricDefinition, options: Record<string, unknown>): Suite {
  return {
    name: 's', file: 's.eval.yaml', dir: SUITE_DIR, hash: 'h', repeat: 1,
    flow: { kind: 'command', argv: ['app'], timeoutMs: 1000, env: {} },
    cases: [CASE],
    evaluators: [{ name: metric.name, metric: metric.name, options }],
    gate: { alpha: 0.05, tolerance: 0.05, metrics: {} }, cache: false, mode: 'online',
  };
}

async function evaluate(metric: MetricDefinition, options: Record<string, unknown>, sample: SampleRun, withClient: boolean) {
  const suite = suiteOf(metric, options);
  const [result] = await evaluateCases([{ case: CASE, samples: [sample] }], suite, { client: withClient ? client : undefined, judgeModel: 'gpt-4o-mini', concurrency: 1 });
  return result?.samples[0];
}

/** A stored score is either a value on the metric's scale or a status without one. */
function expectWellFormed(metric: MetricDefinition, score: ScoreRecord | undefined): void {
  if (!score) return;
  if (score.status === 'ok') {
    const value = score.value as number;
    expect(Number.isFinite(value), metric.name).toBe(true);
    const { scale } = metric;
    if (scale.kind === 'binary') expect([0, 1], metric.name).toContain(value);
    if (scale.kind === 'unit') expect(value >= 0 && value <= 1, `${metric.name}: ${value}`).toBe(true);
    if (scale.kind === 'likert') expect(value >= scale.min && value <= scale.max, `${metric.name}: ${value}`).toBe(true);
    if (scale.kind === 'amount') expect(value >= 0 && value <= UNITS[scale.unit].max, `${metric.name}: ${value}`).toBe(true);
  } else {
    expect(score.value, metric.name).toBeUndefined();
    if (score.status === 'error') expect(score.error, metric.name).toBeTruthy();
  }
}

/** The model endpoint answers every kind of request: judges get `answer`. */
function serve(server: OpenAIServer, answer: string): void {
  server.setHandler((request) => {
    if (request.path.endsWith('/embeddings')) return embeddingReply([[1, 0], [0.6, 0.8], [0.8, 0.6]].slice(0, (request.body as { input: unknown[] }).input.length));
    if (request.path.endsWith('/moderations')) return moderationReply({ flagged: false });
    return chatReply(answer);
  });
}

/** The suite folder of the contract's evaluators: `eval-flow/` is there for metrics that run a PromptFlow evaluation flow. */
const SUITE_DIR = mkdtempSync(join(tmpdir(), 'evalgate-metric-contract-'));
cpSync(fileURLToPath(new URL('../../fixtures/promptflow/eval-flow', import.meta.url)), join(SUITE_DIR, 'eval-flow'), { recursive: true });

let server: OpenAIServer;
let client: ModelClient;

export function testAllMetrics(METRICS: readonly MetricDefinition[]): void {
  beforeAll(async () => {
    server = await startOpenAIServer();
    client = singleAttemptClient(server.url);
  });
  afterAll(() => server.close());
  const referenceMetrics = METRICS.filter((metric) => metric.requires.includes('expected'));
  const chatJudges = METRICS.filter((metric) => metric.needs === 'chat');

  describe('every metric, the same edge cases', () => {
    it.each(METRICS.map((metric) => [metric.name, metric] as const))('%s: its required options have contract values (else it declares `example`)', (_name, metric) => {
      const options = optionsFor(metric);
      for (const name of metric.requires) expect(options[name], `${metric.name} requires ${name}: add it to the metric's \`example\``).toBeDefined();
    });

    it.each(METRICS.map((metric) => [metric.name, metric] as const))('%s: a measured or scored value lies on its scale and a results file holding it reads back', async (_name, metric) => {
      serve(server, '{"score": 4, "choice": "good", "pass": true, "reason": "fine", "violence": 0, "sexual": 0, "self_harm": 0, "hate_unfairness": 0}');
      const options = optionsFor(metric);
      const suite = suiteOf(metric, options);
      const [testCase] = await evaluateCases([{ case: CASE, samples: [{ ok: true, value: FLOW_OUTPUT }] }], suite, { client, judgeModel: 'gpt-4o-mini', concurrency: 1 });
      const sample = testCase?.samples[0];
      if (metric.measure && sample) {
        const { usage, latencyMs, firstTokenMs, costUsd, model } = sample;
        const measured = metric.measure({ usage, latencyMs: latencyMs ?? 0, ...(firstTokenMs === undefined ? {} : { firstTokenMs }), ...(costUsd === undefined ? {} : { costUsd }), ...(model ? { model } : {}) }, metric.scale);
        expectWellFormed(metric, measured.value === null ? { status: 'skipped', reason: 'n/a' } : { status: 'ok', value: measured.value });
      } else expectWellFormed(metric, sample?.scores[metric.name]);
      const file = join(mkdtempSync(join(tmpdir(), 'evalgate-metric-results-')), 'results.json');
      const header = { name: 's', file: 's.eval.yaml', hash: 'h', flow: { kind: 'command' }, repeat: 1, alpha: 0.05, tolerance: 0.05, metrics: metricInfos(suite) };
      await writeResultsFile(file, resultsDocument({ date: '2026-12-01T00:00:00.000Z', durationMs: 1 }, [ranSuite(header, testCase ? [testCase] : [])]));
      expect((await readResultsFile(file)).suites[0]?.cases[0]).toEqual(testCase);
    });

    it.each(METRICS.map((metric) => [metric.name, metric] as const))('%s: a well-formed score on an ordinary answer', async (_name, metric) => {
      serve(server, '{"score": 4, "choice": "good", "pass": true, "reason": "fine", "violence": 0, "sexual": 0, "self_harm": 0, "hate_unfairness": 0}');
      const sample = await evaluate(metric, optionsFor(metric), { ok: true, value: FLOW_OUTPUT }, true);
      const score = sample?.scores[metric.name];
      if (metric.measure) expect(score, `${metric.name} is measured on the sample, not stored as a score`).toBeUndefined();
      else expect(score?.status, JSON.stringify(score)).toBe('ok');
      expectWellFormed(metric, score);
    });

    it.each(METRICS.map((metric) => [metric.name, metric] as const))('%s: without a model endpoint, skipped only if it needs one', async (_name, metric) => {
      const sample = await evaluate(metric, optionsFor(metric), { ok: true, value: FLOW_OUTPUT }, false);
      const score = sample?.scores[metric.name];
      if (metric.needs) expect(score).toEqual({ status: 'skipped', reason: 'needs a model API key' });
      else expect(score?.status).not.toBe('skipped');
      expectWellFormed(metric, score);
    });

    it.each(METRICS.map((metric) => [metric.name, metric] as const))('%s: a failed flow run is recorded on the sample, never scored', async (_name, metric) => {
      const sample = await evaluate(metric, optionsFor(metric), { ok: false, error: 'the command exited with 1', errorKind: 'application' }, true);
      expect(sample).toMatchObject({ output: null, error: 'the command exited with 1', scores: {} });
    });

    it.each(referenceMetrics.map((metric) => [metric.name, metric] as const))('%s: an empty expected is an error, a list of them is scored', async (_name, metric) => {
      serve(server, '{"score": 4, "reason": "fine"}');
      const empty = await evaluate(metric, optionsFor(metric, { expected: [] }), { ok: true, value: FLOW_OUTPUT }, true);
      expect(empty?.scores[metric.name]?.status).toBe('error');
      const list = await evaluate(metric, optionsFor(metric, { expected: ['no', 'the tent weighs 4.2 kg'] }), { ok: true, value: FLOW_OUTPUT }, true);
      expect(list?.scores[metric.name]?.status, JSON.stringify(list?.scores)).toBe('ok');
      expectWellFormed(metric, list?.scores[metric.name]);
    });

    it.each(chatJudges.map((metric) => [metric.name, metric] as const))('%s: an unparseable judge answer is an error carrying the answer', async (_name, metric) => {
      serve(server, 'I cannot decide, sorry.');
      const sample = await evaluate(metric, optionsFor(metric), { ok: true, value: FLOW_OUTPUT }, true);
      const score = sample?.scores[metric.name];
      expect(score?.status).toBe('error');
      expect(score?.error).toContain('I cannot decide');
    });
  });
}
