import type { Case } from '../core/case.js';
import { mapLimit } from '../core/pool.js';
import { renderValue } from '../core/template.js';
import type { FlowOutput } from '../flows/types.js';
import type { PriceTable } from '../metrics/cost/prices.js';
import { costUsd, findPrice, mergePrices } from '../metrics/cost/prices.js';
import { findMetric, templatedOptions } from '../metrics/registry.js';
import type { MetricDefinition, SampleMeasures, Score, ScoredMetric } from '../metrics/types.js';
import type { ModelClient } from '../model/types.js';
import { failedSample, scoreRecord, skippedScore } from '../results/build.js';
import type { CaseResult, MetricInfo, SampleResult, ScoreRecord } from '../results/types.js';
import type { CaseRun, SampleRun } from '../runner/types.js';
import { caseHash, evaluatorHash } from '../suites/identity.js';
import type { EvaluatorSpec, Suite } from '../suites/types.js';

export interface EvaluateContext {
  client: ModelClient | undefined;
  judgeModel: string;
  concurrency: number;
  /** Called as each case is scored (progress). */
  onCase?: () => void;
}

/** What every results file says about a suite's metrics (family, scale, direction, gate). */
export function metricInfos(suite: Suite): MetricInfo[] {
  return suite.evaluators.map((evaluator) => {
    const metric = definitionOf(evaluator);
    return {
      name: evaluator.name,
      metric: metric.name,
      family: metric.family,
      scale: metric.scale,
      direction: metric.direction,
      configHash: evaluatorHash(evaluator),
      ...(metric.threshold === undefined ? {} : { threshold: metric.threshold }),
      gate: { ...suite.gate.metrics[evaluator.name] },
    };
  });
}

function definitionOf(evaluator: EvaluatorSpec): MetricDefinition {
  const metric = findMetric(evaluator.metric);
  if (!metric) throw new Error(`unknown metric "${evaluator.metric}" reached the evaluate stage`);
  return metric;
}

/** Scores one case's samples by every evaluator of the suite (prices read once). */
export function caseEvaluator(suite: Suite, ctx: EvaluateContext): (run: CaseRun) => Promise<CaseResult> {
  const prices = mergePrices(suite.evaluators.find((evaluator) => evaluator.metric === 'cost')?.options.prices);
  return async (run) => {
    const samples = await Promise.all(run.samples.map((sample) => evaluateSample(sample, run.case, suite, ctx, prices)));
    ctx.onCase?.();
    return { id: run.case.id, hash: caseHash(run.case), inputs: run.case.vars, samples };
  };
}

/** The evaluate stage: every sample of every case scored by every evaluator. */
export async function evaluateCases(runs: readonly CaseRun[], suite: Suite, ctx: EvaluateContext): Promise<CaseResult[]> {
  return mapLimit(runs, ctx.concurrency, caseEvaluator(suite, ctx));
}

/** The Batch API bills half the listed price. */
const BATCH_PRICE_FACTOR = 0.5;

/** The flow's measurements, stored once per sample: tokens, latency, its own cost. */
function measures(flow: FlowOutput, prices: PriceTable): SampleMeasures {
  const price = flow.model ? findPrice(flow.model, prices) : undefined;
  const factor = flow.batch ? BATCH_PRICE_FACTOR : 1;
  return {
    ...(flow.model ? { model: flow.model } : {}),
    usage: flow.usage,
    latencyMs: flow.latency.totalMs,
    ...(flow.latency.firstTokenMs === undefined ? {} : { firstTokenMs: flow.latency.firstTokenMs }),
    ...(price ? { costUsd: costUsd(flow.usage, price) * factor } : {}),
  };
}

async function evaluateSample(sample: SampleRun, testCase: Case, suite: Suite, ctx: EvaluateContext, prices: PriceTable): Promise<SampleResult> {
  if (!sample.ok) return failedSample(sample.error);
  const flow = sample.value;
  const measured = measures(flow, prices);
  const scores: Record<string, ScoreRecord> = {};
  let evaluatorCost = 0;
  for (const evaluator of suite.evaluators) {
    const metric = definitionOf(evaluator);
    if (metric.measure) {
      const record = scoreRecord(metric.measure(measured));
      if (record.status !== 'ok') scores[evaluator.name] = record;
      continue;
    }
    if (metric.needs && !ctx.client) {
      scores[evaluator.name] = skippedScore('needs a model API key');
      continue;
    }
    const score = await scoreOne(metric, evaluator, flow, testCase, suite, ctx);
    scores[evaluator.name] = scoreRecord(score);
    const spent = score.evaluatorUsage;
    const price = spent ? findPrice(spent.model, prices) : undefined;
    if (spent && price) evaluatorCost += costUsd(spent, price);
  }
  return {
    output: flow.output,
    ...(flow.context === undefined ? {} : { context: flow.context }),
    ...measured,
    ...(flow.cached ? { cached: true } : {}),
    ...(flow.batch ? { batch: true } : {}),
    ...(evaluatorCost > 0 ? { evaluatorCostUsd: evaluatorCost } : {}),
    scores,
  };
}

/** The evaluator's options rendered over the case, except those the metric renders as Jinja itself. */
function renderOptions(metric: MetricDefinition, options: Record<string, unknown>, vars: Record<string, unknown>): Record<string, unknown> {
  return { ...options, ...(renderValue(templatedOptions(metric, options), vars) as Record<string, unknown>) };
}

async function scoreOne(metric: ScoredMetric, evaluator: EvaluatorSpec, flow: FlowOutput, testCase: Case, suite: Suite, ctx: EvaluateContext): Promise<Score> {
  try {
    const options = renderOptions(metric, evaluator.options, testCase.vars);
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
