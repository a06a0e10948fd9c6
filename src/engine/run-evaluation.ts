import { DEFAULTS } from '../core/defaults.js';
import { mapLimit } from '../core/pool.js';
import type { Schedule } from '../core/semaphore.js';
import { semaphore } from '../core/semaphore.js';
import { settleMetrics } from '../evaluate/settle.js';
import { metricInfos, openScoring } from '../evaluate/evaluate.js';
import { createFlow, flowKind } from '../flows/registry.js';
import type { Flow } from '../flows/types.js';
import { callCostsText } from '../report/format.js';
import { ranSuite, resultsDocument, skippedSuite } from '../results/build.js';
import type { SuiteHeader } from '../results/build.js';
import type { CaseResult, ResultsFile, SuiteResult } from '../results/types.js';
import type { SequentialRecord } from '../compare/sequential-types.js';
import { runCase } from '../runner/run-cases.js';
import type { SampleRun } from '../runner/types.js';
import { loadSuites } from '../suites/load.js';
import { selectSuites } from '../suites/select.js';
import type { Suite } from '../suites/types.js';
import type { RunClients, SuiteScope } from './model-clients.js';
import { buildBatchClient, buildClient, callCosts, runClients, suiteScopes, usesBatch } from './model-clients.js';
import type { EvaluationOptions } from './options.js';
import type { ProgressCounters } from './progress.js';
import { progressTracker } from './progress.js';
import { shardSuite } from './shard.js';
import { planSequential } from './sequential-plan.js';
import type { MonitoredSuite } from './sequential-run.js';
import { runMonitored } from './sequential-run.js';

/** What every suite of a run shares: one pool, one set of model clients, one progress count. */
interface RunContext {
  clients: RunClients;
  /** Each suite's headers and call counters, by suite name. */
  scopes: Map<string, SuiteScope>;
  schedule: Schedule;
  judgeModel: string;
  progress: ReturnType<typeof progressTracker>;
  options: EvaluationOptions;
}

/**
 * The main job: load suites → run flows → evaluate → results. All suites run at once through
 * one pool of `concurrency` slots (and one model client: one rate limiter, one cache); results
 * keep the suites' order. Pure of GitHub and of the terminal.
 */
export async function runEvaluation(options: EvaluationOptions): Promise<ResultsFile> {
  const started = Date.now();
  const found = await loadSuites(options.suites, { cwd: options.cwd, ...(options.log ? { log: options.log } : {}), ...(options.model ? { modelOverride: options.model } : {}) });
  const loaded = options.selection ? selectSuites(found, options.selection) : found;
  const counters: ProgressCounters = { retries: 0, hedges: 0, cacheHits: () => clients.cache?.hits ?? 0 };
  const scopes = suiteScopes(loaded, Boolean(options.apiKey), options);
  const base = options.apiKey ? await buildClient(options, counters) : undefined;
  const batch = base && loaded.some((suite) => usesBatch(suite, options)) ? await buildBatchClient(base, options) : undefined;
  const clients = runClients(base, options, batch);
  const judgeModel = options.judgeModel ?? DEFAULTS.judgeModel;
  const ctx: RunContext = { clients, scopes, schedule: semaphore(options.concurrency), judgeModel, progress: progressTracker(counters, options.onProgress), options };
  const parts = loaded.map((suite) => (options.shard ? shardSuite(suite, options.shard) : { suite, positions: undefined }));
  const results = await runSuites(await Promise.all(parts.map(({ suite, positions }) => openSuite(suite, positions, ctx))), ctx);
  await clients.finish();
  return resultsDocument(
    {
      date: new Date(started).toISOString(),
      ...(options.commit ? { commit: options.commit } : {}),
      ...(options.ref ? { ref: options.ref } : {}),
      ...(base ? { judgeModel } : {}),
      durationMs: Date.now() - started,
      ...(clients.cache ? { cache: { ...clients.cache } } : {}),
      ...(options.shard ? { shard: { ...options.shard } } : {}),
    },
    results,
  );
}

/** A suite ready to run: its flow built and its scoring opened (both closed when the run ends). */
interface OpenSuite {
  suite: Suite;
  header: SuiteHeader;
  /** Where the suite's model calls are counted. */
  scope: SuiteScope;
  flow: Flow;
  scoring: ReturnType<typeof openScoring>;
  /** A batch suite hands every request to the Batch API at once; it takes no slots of the pool. */
  batched: boolean;
  runOptions: { repeat: number; timeoutMs: number; schedule?: Schedule; onSample: () => void };
}

/** Builds the suite's flow and scoring — or the skipped entry when its flow needs a key the run lacks. */
async function openSuite(suite: Suite, positions: number[] | undefined, ctx: RunContext): Promise<OpenSuite | SuiteResult> {
  const { options } = ctx;
  const scope = ctx.scopes.get(suite.name) as SuiteScope;
  const clients = ctx.clients.forSuite(suite, scope);
  const flow = createFlow(suite.flow, {
    dir: suite.dir,
    client: clients.flow,
    ...(options.model ? { modelOverride: options.model } : {}),
  });
  const header: SuiteHeader = {
    name: suite.name,
    file: suite.file,
    hash: suite.hash,
    flow: { kind: flow.kind, ...(flow.model ? { model: flow.model } : {}), ...(flowKind(suite.flow.kind)?.ownCode ? { ownCode: true } : {}) },
    repeat: suite.repeat,
    alpha: suite.gate.alpha,
    tolerance: suite.gate.tolerance,
    ...(suite.gate.sequential === undefined ? {} : { stopEarly: suite.gate.sequential }),
    metrics: metricInfos(suite, ctx.judgeModel),
    ...(positions ? { positions } : {}),
  };
  if (flow.needsModel && !clients.judge) {
    await flow.close?.();
    const skipReason = 'needs a model API key: set OPENAI_API_KEY (CLI) or the `api-key` input (action)';
    options.log?.(`${suite.name}: skipped — ${skipReason}`);
    return skippedSuite(header, skipReason);
  }
  const batched = usesBatch(suite, options) && flow.needsModel;
  const scoring = openScoring(suite, { client: clients.judge, judgeModel: ctx.judgeModel, concurrency: options.concurrency, ...(flow.model ? { flowModel: flow.model } : {}), onCase: () => ctx.progress.caseDone() });
  const runOptions = {
    repeat: suite.repeat,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutSeconds * 1000,
    ...(batched ? {} : { schedule: ctx.schedule }),
    onSample: () => ctx.progress.flowDone(),
  };
  return { suite, header, scope, flow, scoring, batched, runOptions };
}

/** Every case of the suite, `repeat` samples each; each case is scored as soon as its samples ran (judges overlap the flows). */
async function runEveryCase(open: OpenSuite, ctx: RunContext): Promise<CaseResult[]> {
  const { suite, scoring, flow, batched, runOptions } = open;
  ctx.options.log?.(`${suite.name}: ${suite.cases.length} cases × ${suite.repeat} (${flow.kind} flow)`);
  ctx.progress.plan(suite.cases.length * suite.repeat, suite.cases.length);
  return mapLimit(suite.cases, batched ? suite.cases.length : ctx.options.concurrency, async (testCase) => scoring.evaluateCase(await runCase(testCase, flow, runOptions)));
}

/** The monitored suite as the run loop drives it: one sample at a time, in the slot the loop holds. */
function monitoredSuite(open: OpenSuite, order: string[], ctx: RunContext): MonitoredSuite {
  const { suite, scoring, flow, runOptions } = open;
  ctx.options.log?.(`${suite.name}: up to ${suite.cases.length} cases × ${suite.repeat} (${flow.kind} flow), stopping once the verdict is known`);
  const single = { repeat: 1, timeoutMs: runOptions.timeoutMs, onSample: runOptions.onSample };
  return {
    name: suite.name,
    cases: suite.cases,
    order,
    repeat: suite.repeat,
    sample: async (testCase) => (await runCase(testCase, flow, single)).samples[0] as SampleRun,
    score: (run) => scoring.evaluateCase(run),
    onDispatch: (samples) => ctx.progress.plan(samples, 1),
  };
}

/** The suite's entry from the cases that ran: cost units settled, run-level aggregates, the sequential record. */
async function suiteEntry(open: OpenSuite, evaluated: CaseResult[], ctx: RunContext, record?: SequentialRecord): Promise<SuiteResult> {
  const { suite, header, scope, flow, scoring } = open;
  const aggregates = { ...(await flowAggregates(flow)), ...(await scoring.aggregates()) };
  const { metrics, cases } = settleMetrics(header.metrics, evaluated, flow.model);
  const note = metrics.find((metric) => metric.note)?.note;
  if (note) ctx.options.log?.(`${suite.name}: ${note}`);
  const costs = callCosts(scope.stats);
  const calls = callCostsText(costs.calls);
  if (calls) ctx.options.log?.(`${suite.name}: ${calls}`);
  if (record?.stopped) ctx.options.log?.(`${suite.name}: ${record.stopped.reason}`);
  return { ...ranSuite({ ...header, metrics }, cases), ...costs, ...(Object.keys(aggregates).length ? { aggregates } : {}), ...(record ? { sequential: record } : {}) };
}

/**
 * Runs every opened suite: the ones a pull request may stop early together through one run loop
 * (sequential-run.ts), the rest case by case; all of them share the run's pool.
 */
async function runSuites(opened: (OpenSuite | SuiteResult)[], ctx: RunContext): Promise<SuiteResult[]> {
  const open = opened.filter((entry): entry is OpenSuite => !('status' in entry));
  try {
    const plan = await planSequential(open.map(({ suite, flow, header }) => ({ suite, flow, metrics: header.metrics })), ctx.options, ctx.clients);
    const watched = plan ? open.filter((entry) => plan.orders.has(entry.suite.name)) : [];
    const monitored = plan && watched.length ? runMonitored(watched.map((entry) => monitoredSuite(entry, plan.orders.get(entry.suite.name) as string[], ctx)), plan.monitor, ctx.schedule, ctx.options.concurrency) : undefined;
    return await Promise.all(
      opened.map(async (entry) => {
        if ('status' in entry) return entry;
        const ran = monitored && plan?.orders.has(entry.suite.name) ? (await monitored).get(entry.suite.name) : undefined;
        return ran ? suiteEntry(entry, ran.cases, ctx, ran.record) : suiteEntry(entry, await runEveryCase(entry, ctx), ctx);
      }),
    );
  } finally {
    await Promise.allSettled(open.flatMap(({ scoring, flow }) => [scoring.close(), flow.close?.()]));
  }
}

/** The flow's run-level outputs under `flow` (PromptFlow aggregation nodes); a failure is recorded. */
async function flowAggregates(flow: Flow): Promise<Record<string, unknown>> {
  try {
    const value = await flow.aggregate?.(AbortSignal.timeout(DEFAULTS.timeoutSeconds * 1000));
    return value === undefined ? {} : { flow: value };
  } catch (error) {
    return { flow: { error: (error as Error).message } };
  }
}
