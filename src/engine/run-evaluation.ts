import { DEFAULTS } from '../core/defaults.js';
import { aggregateEvaluators, evaluateCases, metricInfos } from '../evaluate/evaluate.js';
import type { Flow } from '../flows/types.js';
import { createFlow } from '../flows/registry.js';
import { closePythonWorkers } from '../flows/promptflow/python-worker.js';
import type { ModelClient } from '../model/types.js';
import { ranSuite, resultsDocument, skippedSuite } from '../results/build.js';
import type { SuiteHeader } from '../results/build.js';
import type { ResultsFile, SuiteResult } from '../results/types.js';
import { runCases } from '../runner/run-cases.js';
import { loadSuites } from '../suites/load.js';
import { selectSuites } from '../suites/select.js';
import type { Suite } from '../suites/types.js';
import type { EvaluationOptions } from './options.js';

/**
 * The main job: load suites → run flows → evaluate → results. Pure of GitHub and of the
 * terminal: adapters pass options in and get the results document back.
 */
export async function runEvaluation(options: EvaluationOptions): Promise<ResultsFile> {
  const started = Date.now();
  const loaded = await loadSuites(options.suites, { cwd: options.cwd, ...(options.log ? { log: options.log } : {}) });
  const suites = options.selection ? selectSuites(loaded, options.selection) : loaded;
  const client = options.apiKey ? await buildClient(options) : undefined;
  const judgeModel = options.judgeModel ?? DEFAULTS.judgeModel;
  const results: SuiteResult[] = [];
  for (const suite of suites) {
    try {
      results.push(await runSuite(suite, client, judgeModel, options));
    } finally {
      closePythonWorkers();
    }
  }
  return resultsDocument(
    {
      date: new Date(started).toISOString(),
      ...(options.commit ? { commit: options.commit } : {}),
      ...(options.ref ? { ref: options.ref } : {}),
      ...(client ? { judgeModel } : {}),
      durationMs: Date.now() - started,
    },
    results,
  );
}

/** Classic Azure OpenAI API version, unless OPENAI_API_VERSION says otherwise. */
const AZURE_API_VERSION = '2024-10-21';

/** The openai SDK is most of the bundle: loaded only when a key says a model will be called. */
async function buildClient(options: EvaluationOptions): Promise<ModelClient> {
  const { azureEndpoint, createModelClient } = await import('../model/client.js');
  const azure = azureEndpoint(options.baseUrl);
  return createModelClient({
    apiKey: options.apiKey ?? '',
    ...(azure ? { azure: { endpoint: azure, apiVersion: options.azureApiVersion ?? AZURE_API_VERSION } } : options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    timeoutMs: options.attemptTimeoutMs ?? Math.max(1000, Math.round((options.timeoutMs ?? DEFAULTS.timeoutSeconds * 1000) / 2)),
    concurrency: options.concurrency,
  });
}

async function runSuite(suite: Suite, client: ModelClient | undefined, judgeModel: string, options: EvaluationOptions): Promise<SuiteResult> {
  const flow = createFlow(suite.flow, {
    dir: suite.dir,
    client,
    ...(options.model ? { modelOverride: options.model } : {}),
  });
  const header: SuiteHeader = {
    name: suite.name,
    file: suite.file,
    hash: suite.hash,
    flow: { kind: flow.kind, ...(flow.model ? { model: flow.model } : {}) },
    repeat: suite.repeat,
    alpha: suite.gate.alpha,
    tolerance: suite.gate.tolerance,
    metrics: metricInfos(suite, judgeModel),
  };
  if (flow.needsModel && !client) {
    const skipReason = 'needs a model API key: set OPENAI_API_KEY (CLI) or the `api-key` input (action)';
    options.log?.(`${suite.name}: skipped — ${skipReason}`);
    return skippedSuite(header, skipReason);
  }
  options.log?.(`${suite.name}: ${suite.cases.length} cases × ${suite.repeat} (${flow.kind} flow)`);
  const runs = await runCases(suite.cases, flow, {
    repeat: suite.repeat,
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutSeconds * 1000,
    onProgress: (done, total) => options.onProgress?.(suite.name, done, total),
  });
  const cases = await evaluateCases(runs, suite, { client, judgeModel, concurrency: options.concurrency });
  const aggregates = { ...(await flowAggregates(flow)), ...(await aggregateEvaluators(suite)) };
  return { ...ranSuite(header, cases), ...(Object.keys(aggregates).length ? { aggregates } : {}) };
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
