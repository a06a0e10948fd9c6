import type { FlowOutput } from '../flows/types.js';
import { ZERO_USAGE } from '../core/usage.js';
import type { ModelClient } from '../model/types.js';
import type { CaseResult, MetricInfo, SampleResult, ScoreRecord } from '../results/types.js';
import { mapLimit } from '../core/pool.js';
import type { CaseRun, SampleRun } from '../runner/types.js';
import { caseHash, evaluatorHash } from '../suites/identity.js';
import { renderValue } from '../core/template.js';
import type { EvaluatorSpec, Suite } from '../suites/types.js';
import type { Case } from '../core/case.js';
import type { PriceTable } from './cost/prices.js';
import { costUsd, findPrice, mergePrices } from './cost/prices.js';
import { findMetric, templatedOptions } from './registry.js';
import { optionsFor } from '../suites/case-asserts.js';
import type { MetricDefinition, Score } from './types.js';

export interface EvaluateContext {
  client: ModelClient | undefined;
  judgeModel: string;
  concurrency: number;
}

/** What every results file says about a suite's metrics (family, scale, direction, gate). */
export function metricInfos(suite: Suite): MetricInfo[] {
  return suite.evaluators.map((evaluator) => {
    const metric = definitionOf(evaluator);
    const shape = metric.shapeOf?.(evaluator.options) ?? metric;
    return {
      name: evaluator.name,
      metric: metric.name,
      family: shape.family,
      scale: shape.scale,
      direction: shape.direction,
      configHash: evaluatorHash(evaluator),
      ...((evaluator.threshold ?? shape.threshold) === undefined ? {} : { threshold: evaluator.threshold ?? shape.threshold }),
      gate: { ...(evaluator.weight === 0 ? { gate: false } : {}), ...suite.gate.metrics[evaluator.name] },
    };
  });
}

function definitionOf(evaluator: EvaluatorSpec): MetricDefinition {
  const metric = findMetric(evaluator.metric);
  if (!metric) throw new Error(`unknown metric "${evaluator.metric}" reached the evaluate stage`);
  return metric;
}

/** The evaluate stage: every sample of every case scored by every evaluator. */
export async function evaluateCases(runs: readonly CaseRun[], suite: Suite, ctx: EvaluateContext): Promise<CaseResult[]> {
  const prices = mergePrices(suite.evaluators.find((evaluator) => evaluator.metric === 'cost')?.options.prices);
  return mapLimit(runs, ctx.concurrency, async (run) => ({
    id: run.case.id,
    hash: caseHash(run.case),
    inputs: run.case.vars,
    samples: await Promise.all(run.samples.map((sample) => evaluateSample(sample, run.case, suite, ctx, prices))),
  }));
}

async function evaluateSample(sample: SampleRun, testCase: Case, suite: Suite, ctx: EvaluateContext, prices: PriceTable): Promise<SampleResult> {
  if (!sample.ok) return { output: null, error: sample.error, usage: { ...ZERO_USAGE }, latencyMs: 0, scores: {} };
  const flow = sample.value;
  const scores: Record<string, ScoreRecord> = {};
  let evaluatorCost = 0;
  for (const evaluator of suite.evaluators) {
    const options = optionsFor(evaluator, testCase.id);
    if (!options) continue;
    const score = await scoreOne(definitionOf(evaluator), options, flow, testCase, suite, ctx);
    scores[evaluator.name] = toRecord(score);
    const spent = score.evaluatorUsage;
    const price = spent ? findPrice(spent.model, prices) : undefined;
    if (spent && price) evaluatorCost += costUsd(spent, price);
  }
  const flowPrice = flow.model ? findPrice(flow.model, prices) : undefined;
  return {
    output: flow.output,
    ...(flow.context === undefined ? {} : { context: flow.context }),
    usage: flow.usage,
    latencyMs: flow.latency.totalMs,
    ...(flow.latency.firstTokenMs === undefined ? {} : { firstTokenMs: flow.latency.firstTokenMs }),
    ...(flowPrice ? { costUsd: costUsd(flow.usage, flowPrice) } : {}),
    ...(evaluatorCost > 0 ? { evaluatorCostUsd: evaluatorCost } : {}),
    scores,
  };
}

/** The evaluator's options rendered over the case, except those the metric renders as Jinja itself. */
function renderOptions(metric: MetricDefinition, options: Record<string, unknown>, vars: Record<string, unknown>): Record<string, unknown> {
  return { ...options, ...(renderValue(templatedOptions(metric, options), vars) as Record<string, unknown>) };
}

async function scoreOne(metric: MetricDefinition, written: Record<string, unknown>, flow: FlowOutput, testCase: Case, suite: Suite, ctx: EvaluateContext): Promise<Score> {
  if (metric.needs && !ctx.client) return { value: null, error: 'skipped: needs a model API key' };
  try {
    const options = renderOptions(metric, written, testCase.vars);
    const context = flow.context ?? (typeof options.context === 'string' ? options.context : undefined);
    return await metric.score({
      output: flow.output,
      vars: testCase.vars,
      options,
      ...(context === undefined ? {} : { context }),
      usage: flow.usage,
      latency: flow.latency,
      model: flow.model,
      client: ctx.client,
      judgeModel: typeof options['judge-model'] === 'string' ? options['judge-model'] : ctx.judgeModel,
      suiteDir: suite.dir,
    });
  } catch (error) {
    return { value: null, error: (error as Error).message };
  }
}

function toRecord(score: Score): ScoreRecord {
  const value = score.value === null || Number.isFinite(score.value) ? score.value : null;
  return {
    value,
    ...(score.error ? { error: score.error } : value === null && score.value !== null ? { error: `not a number: ${score.value}` } : {}),
    ...(score.reason ? { reason: score.reason } : {}),
    ...(score.details ? { details: score.details } : {}),
  };
}

/** Run-level outputs of the evaluators that have them (PromptFlow aggregation nodes), by evaluator name; a failure is recorded, never thrown. */
export async function aggregateEvaluators(suite: Suite): Promise<Record<string, unknown>> {
  const aggregates: Record<string, unknown> = {};
  for (const evaluator of suite.evaluators) {
    const metric = definitionOf(evaluator);
    if (!metric.aggregate) continue;
    try {
      const value = await metric.aggregate(evaluator.options, suite.dir);
      if (value !== undefined) aggregates[evaluator.name] = value;
    } catch (error) {
      aggregates[evaluator.name] = { error: (error as Error).message };
    }
  }
  return aggregates;
}
