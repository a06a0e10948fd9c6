import { sequentialMonitor } from '../compare/sequential.js';
import { stopsEarly } from '../compare/sequential-setting.js';
import type { SequentialMonitor, SequentialSuitePlan } from '../compare/sequential-types.js';
import { mapLimit } from '../core/pool.js';
import type { Flow } from '../flows/types.js';
import type { MetricInfo } from '../results/types.js';
import type { Suite } from '../suites/types.js';
import { cachedFirst, seededOrder } from './case-order.js';
import type { RunClients } from './model-clients.js';
import { usesBatch } from './model-clients.js';
import type { EvaluationOptions } from './options.js';

/** A suite opened for the run, as planning sees it. */
export interface PlannedSuite {
  suite: Suite;
  flow: Flow;
  metrics: MetricInfo[];
}

export interface SequentialPlan {
  monitor: SequentialMonitor;
  /** The monitored suites' orders, by suite name. */
  orders: Map<string, string[]>;
}

/**
 * Which suites of a pull request's run may stop early, in which order their cases run, and the
 * one monitor of the run. A suite is watched when the base stored it as run and both the base
 * and the PR have the setting on; shards, batch runs and `mode: batch` suites run every case
 * (undefined: nothing is watched).
 */
export async function planSequential(suites: readonly PlannedSuite[], options: EvaluationOptions, clients: Pick<RunClients, 'flowCached'>): Promise<SequentialPlan | undefined> {
  const sequential = options.sequential;
  if (!sequential || options.shard || options.batch || options.purpose === 'drift') return undefined;
  const plans: SequentialSuitePlan[] = [];
  for (const { suite, flow, metrics } of suites) {
    const base = sequential.base.suites.find((entry) => entry.name === suite.name && entry.status === 'ran');
    if (!base || usesBatch(suite, options) || suite.cases.length === 0) continue;
    if (!stopsEarly(sequential.base, base, { ...(sequential.requested === undefined ? {} : { run: sequential.requested }), ...(suite.gate.sequential === undefined ? {} : { suite: suite.gate.sequential }) })) continue;
    const seeded = seededOrder(sequential.seed, suite.name, suite.cases.map((testCase) => testCase.id));
    const cached = await cachedCases(suite, flow, clients, options.concurrency);
    plans.push({ name: suite.name, base, metrics, order: cachedFirst(seeded, cached), repeat: suite.repeat, ...(cached.size ? { cached: cached.size } : {}) });
  }
  if (plans.length === 0) return undefined;
  return { monitor: sequentialMonitor(plans, { enabled: true, seed: sequential.seed }), orders: new Map(plans.map((plan) => [plan.name, plan.order])) };
}

/**
 * Cases whose flow answer is in the response cache: a chat flow of a `cache: true` suite whose
 * request for the case (the first sample's) is stored. Other flows (commands, HTTP apps,
 * PromptFlow) cannot be asked without running them: none of their cases counts as cached.
 */
async function cachedCases(suite: Suite, flow: Flow, clients: Pick<RunClients, 'flowCached'>, concurrency: number): Promise<Set<string>> {
  const { request } = flow;
  if (!request || !suite.cache) return new Set();
  // The cache's files are read side by side, as the run itself would: this runs before the first call.
  const found = await mapLimit(suite.cases, concurrency, (testCase) => clients.flowCached(suite, request(testCase.vars)));
  return new Set(suite.cases.filter((_, index) => found[index]).map((testCase) => testCase.id));
}
