import type { Case } from '../core/case.js';
import { renderValue } from '../core/template/engine.js';
import type { FlowOutput } from '../flows/types.js';
import type { PriceTable } from '../metrics/cost/prices.js';
import { costUsd, findPrice, mergePrices, priceOf } from '../metrics/cost/prices.js';
import { findMetric, openScorer, templatedOptions } from '../metrics/registry.js';
import type { MetricDefinition, SampleMeasures, Score, ScoredMetric, Scorer } from '../metrics/types.js';
import type { ModelClient } from '../model/types.js';
import { failedSample, scoreRecord, skippedScore } from '../results/build.js';
import { capText, TEXT_LIMITS } from '../core/text-limits.js';
import type { CaseResult, MetricInfo, SampleResult, ScoreRecord } from '../results/types.js';
import type { CaseRun, SampleRun } from '../runner/types.js';
import { caseHash, evaluatorHash } from '../suites/identity.js';
import { optionsFor } from '../suites/case-asserts.js';
import type { EvaluatorSpec, Suite } from '../suites/types.js';

export interface EvaluateContext {
  client: ModelClient | undefined;
  judgeModel: string;
  concurrency: number;
  /** The model the flow is configured with (priced first, before the one the provider reports). */
  flowModel?: string;
  /** Called as each case is scored (progress). */
  onCase?: () => void;
}

/** What every results file says about a suite's metrics (family, scale, direction, gate). */
export function metricInfos(suite: Suite, judgeModel?: string): MetricInfo[] {
  return suite.evaluators.map((evaluator) => {
    const metric = definitionOf(evaluator);
    const shape = metric.shapeOf?.(evaluator.options) ?? metric;
    const threshold = evaluator.threshold ?? shape.threshold;
    return {
      name: evaluator.name,
      metric: metric.name,
      family: shape.family,
      scale: shape.scale,
      direction: shape.direction,
      configHash: evaluatorHash(evaluator, { suiteDir: suite.dir, ...(judgeModel ? { judgeModel } : {}) }),
      ...(threshold === undefined ? {} : { threshold }),
      gate: { ...(evaluator.weight === 0 ? { gate: false } : {}), ...suite.gate.metrics[evaluator.name] },
    };
  });
}

function definitionOf(evaluator: EvaluatorSpec): MetricDefinition {
  const metric = findMetric(evaluator.metric);
  if (!metric) throw new Error(`unknown metric "${evaluator.metric}" reached the evaluate stage`);
  return metric;
}

/** The prices an evaluator's options add to the run's table (a measured metric's `prices` hook). */
function pricesOf(metric: MetricDefinition, options: Readonly<Record<string, unknown>>): unknown {
  const added = metric.measure ? metric.prices?.(options) : undefined;
  return added && typeof added === 'object' ? added : {};
}

/** One suite's evaluate stage for one run: every evaluator's scorer opened once, closed when the run ends. */
interface SuiteScoring {
  /** Scores one case's samples by every evaluator of the suite. */
  evaluateCase(run: CaseRun): Promise<CaseResult>;
  /** Run-level outputs of the scorers that have them (PromptFlow aggregation nodes), by evaluator name; a failure is recorded, never thrown. */
  aggregates(): Promise<Record<string, unknown>>;
  /** Closes every scorer (their workers); the run's last step, whatever happened. */
  close(): Promise<void>;
}

type Scorers = ReadonlyMap<string, Scorer>;

/** Opens the suite's scoring: one scorer per scored evaluator, prices read once. */
export function openScoring(suite: Suite, ctx: EvaluateContext): SuiteScoring {
  const prices = mergePrices(Object.assign({}, ...suite.evaluators.map((evaluator) => pricesOf(definitionOf(evaluator), evaluator.options))));
  const scorers = new Map<string, Scorer>();
  for (const evaluator of suite.evaluators) {
    const metric = definitionOf(evaluator);
    if (!metric.measure) scorers.set(evaluator.name, openScorer(metric, evaluator.options, { suiteDir: suite.dir }));
  }
  return {
    async evaluateCase(run) {
      const samples = await Promise.all(run.samples.map((sample) => evaluateSample(sample, run.case, suite, ctx, prices, scorers)));
      ctx.onCase?.();
      return { id: run.case.id, hash: caseHash(run.case), inputs: run.case.vars, samples };
    },
    async aggregates() {
      const aggregates: Record<string, unknown> = {};
      for (const [name, scorer] of scorers) {
        try {
          const value = await scorer.aggregate?.();
          if (value !== undefined) aggregates[name] = value;
        } catch (error) {
          aggregates[name] = { error: (error as Error).message };
        }
      }
      return aggregates;
    },
    async close() {
      await Promise.allSettled([...scorers.values()].map((scorer) => scorer.close?.()));
    },
  };
}

/** The Batch API bills half the listed price. */
const BATCH_PRICE_FACTOR = 0.5;

/** The flow's measurements, stored once per sample: tokens, latency, its own cost. */
function measures(flow: FlowOutput, prices: PriceTable, configured: string | undefined): SampleMeasures {
  const price = priceOf([configured, flow.model], prices);
  const factor = flow.batch ? BATCH_PRICE_FACTOR : 1;
  return {
    ...(flow.model ? { model: flow.model } : {}),
    usage: flow.usage,
    latencyMs: flow.latency.totalMs,
    ...(flow.latency.firstTokenMs === undefined ? {} : { firstTokenMs: flow.latency.firstTokenMs }),
    ...(price ? { costUsd: costUsd(flow.usage, price) * factor } : {}),
  };
}

async function evaluateSample(sample: SampleRun, testCase: Case, suite: Suite, ctx: EvaluateContext, prices: PriceTable, scorers: Scorers): Promise<SampleResult> {
  if (!sample.ok) return failedSample(sample.error, sample.errorKind);
  const flow = sample.value;
  const measured = measures(flow, prices, ctx.flowModel);
  const scores: Record<string, ScoreRecord> = {};
  let evaluatorCost = 0;
  for (const evaluator of suite.evaluators) {
    const metric = definitionOf(evaluator);
    if (metric.measure) {
      const record = scoreRecord(metric.measure(measured, (metric.shapeOf?.(evaluator.options) ?? metric).scale));
      if (record.status !== 'ok') scores[evaluator.name] = record;
      continue;
    }
    const options = optionsFor(evaluator, testCase.id);
    if (!options) continue;
    if (metric.needs && !ctx.client) {
      scores[evaluator.name] = skippedScore('needs a model API key');
      continue;
    }
    const score = await scoreOne(metric, scorers.get(evaluator.name) as Scorer, options, flow, testCase, suite, ctx, evaluator.threshold);
    scores[evaluator.name] = scoreRecord(score);
    const spent = score.evaluatorUsage;
    const price = spent ? findPrice(spent.model, prices) : undefined;
    if (spent && price) evaluatorCost += costUsd(spent, price);
  }
  return {
    output: capText(flow.output, TEXT_LIMITS.output),
    ...(flow.context === undefined ? {} : { context: capText(flow.context, TEXT_LIMITS.output) }),
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

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Scores one sample with the evaluator's options for this case (`written`: as the suite or the case's `assert:` wrote them). */
async function scoreOne(metric: ScoredMetric, scorer: Scorer, written: Record<string, unknown>, flow: FlowOutput, testCase: Case, suite: Suite, ctx: EvaluateContext, threshold: number | undefined): Promise<Score> {
  try {
    const options = renderOptions(metric, written, testCase.vars);
    const missing = metric.requires.find((name) => isEmpty(options[name]));
    if (missing) return { value: null, error: `option "${missing}" is empty for this case` };
    const context = flow.context ?? (typeof options.context === 'string' ? options.context : undefined);
    return await scorer.score({
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
      ...(threshold === undefined ? {} : { threshold }),
    });
  } catch (error) {
    return { value: null, error: (error as Error).message };
  }
}
