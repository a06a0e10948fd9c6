import { join } from 'node:path';
import { DEFAULTS } from '../core/defaults.js';
import { mapLimit } from '../core/pool.js';
import type { Schedule } from '../core/semaphore.js';
import { semaphore } from '../core/semaphore.js';
import { settleMetrics } from '../evaluate/settle.js';
import { metricInfos, openScoring } from '../evaluate/evaluate.js';
import { createFlow, flowKind } from '../flows/registry.js';
import type { Flow } from '../flows/types.js';
import type { ModelClient, ScopableModelClient } from '../model/types.js';
import { callCostsText } from '../report/format.js';
import { ranSuite, resultsDocument, skippedSuite } from '../results/build.js';
import type { SuiteHeader } from '../results/build.js';
import type { ResultsFile, SuiteResult } from '../results/types.js';
import { runCase } from '../runner/run-cases.js';
import { loadSuites } from '../suites/load.js';
import { selectSuites } from '../suites/select.js';
import type { Suite } from '../suites/types.js';
import type { RunClients, SuiteScope } from './model-clients.js';
import { callCosts, runClients, suiteScopes, usesBatch } from './model-clients.js';
import type { EvaluationOptions } from './options.js';
import type { ProgressCounters } from './progress.js';
import { progressTracker } from './progress.js';
import { shardSuite } from './shard.js';

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
  const results = await Promise.all(parts.map(({ suite, positions }) => runSuite(suite, positions, ctx)));
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

/** Classic Azure OpenAI API version, unless OPENAI_API_VERSION says otherwise. */
const AZURE_API_VERSION = '2024-10-21';

/** The openai SDK is most of the bundle: loaded only when a key says a model will be called. */
async function buildClient(options: EvaluationOptions, counters: ProgressCounters): Promise<ScopableModelClient> {
  const { azureEndpoint, createModelClient } = await import('../model/client.js');
  const azure = azureEndpoint(options.baseUrl);
  return createModelClient({
    apiKey: options.apiKey ?? '',
    ...(azure ? { azure: { endpoint: azure, apiVersion: options.azureApiVersion ?? AZURE_API_VERSION } } : options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    timeoutMs: options.attemptTimeoutMs ?? Math.max(1000, Math.round((options.timeoutMs ?? DEFAULTS.timeoutSeconds * 1000) / 2)),
    concurrency: options.concurrency,
    onRetry: () => {
      counters.retries += 1;
    },
    onHedge: () => {
      counters.hedges += 1;
    },
  });
}

/** Batch API client for `mode: batch` suites (its module loads only when one is asked for). */
async function buildBatchClient(online: ModelClient, options: EvaluationOptions): Promise<ModelClient> {
  const { batchClient } = await import('../model/batch/batch-client.js');
  return batchClient(online, {
    apiKey: options.apiKey ?? '',
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    stateDir: join(options.cwd, DEFAULTS.batchStateDir),
    pollMs: options.batchPollMs ?? DEFAULTS.batchPollSeconds * 1000,
    maxWaitMs: DEFAULTS.batchMaxWaitHours * 3600 * 1000,
    ...(options.log ? { log: options.log } : {}),
  });
}

async function runSuite(suite: Suite, positions: number[] | undefined, ctx: RunContext): Promise<SuiteResult> {
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
    metrics: metricInfos(suite, ctx.judgeModel),
    ...(positions ? { positions } : {}),
  };
  if (flow.needsModel && !clients.judge) {
    await flow.close?.();
    const skipReason = 'needs a model API key: set OPENAI_API_KEY (CLI) or the `api-key` input (action)';
    options.log?.(`${suite.name}: skipped — ${skipReason}`);
    return skippedSuite(header, skipReason);
  }
  options.log?.(`${suite.name}: ${suite.cases.length} cases × ${suite.repeat} (${flow.kind} flow)`);
  ctx.progress.plan(suite.cases.length * suite.repeat, suite.cases.length);
  // A batch suite hands every request to the Batch API at once; it takes no slots of the pool.
  const batched = usesBatch(suite, options) && flow.needsModel;
  const scoring = openScoring(suite, { client: clients.judge, judgeModel: ctx.judgeModel, concurrency: options.concurrency, ...(flow.model ? { flowModel: flow.model } : {}), onCase: () => ctx.progress.caseDone() });
  const runOptions = {
    repeat: suite.repeat,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutSeconds * 1000,
    ...(batched ? {} : { schedule: ctx.schedule }),
    onSample: () => ctx.progress.flowDone(),
  };
  try {
    // Each case is scored as soon as its samples ran: judges overlap the flows, and no run waits in memory.
    const evaluated = await mapLimit(suite.cases, batched ? suite.cases.length : options.concurrency, async (testCase) => scoring.evaluateCase(await runCase(testCase, flow, runOptions)));
    const aggregates = { ...(await flowAggregates(flow)), ...(await scoring.aggregates()) };
    const { metrics, cases } = settleMetrics(header.metrics, evaluated, flow.model);
    const note = metrics.find((metric) => metric.note)?.note;
    if (note) options.log?.(`${suite.name}: ${note}`);
    const costs = callCosts(scope.stats);
    const calls = callCostsText(costs.calls);
    if (calls) options.log?.(`${suite.name}: ${calls}`);
    return { ...ranSuite({ ...header, metrics }, cases), ...costs, ...(Object.keys(aggregates).length ? { aggregates } : {}) };
  } finally {
    await Promise.allSettled([scoring.close(), flow.close?.()]);
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
