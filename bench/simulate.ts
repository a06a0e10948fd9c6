import betaDistribution from '@stdlib/random-base-beta';
import { mulberry32 } from '../src/compare/rng.js';
import { determinismOf } from '../src/results/determinism.js';
import type { CaseResult, MetricInfo, ResultsFile, SampleResult, SuiteResult } from '../src/results/types.js';

/**
 * Simulated pull requests: a baseline run and a PR run of SUITES suites, each with three gating
 * metrics (exact: binary; relevance: 1–5 judge; pii: a binary harm defect) plus cost and
 * latency. Per-case success probabilities come from a Beta whose mean (the suite's difficulty)
 * and concentration (how bimodal the cases are) differ by suite; every run has its own
 * run-level latency drift; a share of samples fails transiently (HTTP 503).
 */
export interface Scenario {
  cases: number;
  repeat: number;
  /** True drop (0–1 points) of the mean of one metric of one suite (`dropSuite`); 0 = unchanged PR. */
  drop: number;
  dropMetric: 'exact' | 'relevance';
  /**
   * `all`: the PR's judge answers 401 for every sample of every suite. `answer-dependent`: the
   * judge errors (HTTP 503) on 35 % of the answers it would score 4 or 5 and 2 % of the others —
   * what is left scores lower, so the errored metric's own test sees a drop.
   */
  judgeOutage?: 'all' | 'answer-dependent';
  /** The dropped metric is marked `primary: true` in every suite (`true`) or in the dropped suite only (`'dropped-suite'`: one primary test in the PR). */
  primary?: boolean | 'dropped-suite';
  /**
   * A deterministic flow: every case always passes or always fails (probabilities rounded to 0/1),
   * and the baseline carries the evidence a refresh stores (two base runs compared, results/determinism.ts).
   */
  deterministic?: boolean;
  /** The PR breaks this many passing cases of the dropped metric in the dropped suite (it changed the flow: another suite hash). */
  broken?: number;
  /** Every suite's Beta concentration (instead of CONCENTRATIONS by suite): low = consistent cases. */
  concentration?: number;
  /** Every suite's mean success probability (instead of 0.60–0.95 by suite): 0.5 with concentration 2 is Beta(1, 1). */
  quality?: number;
}

/** A simulated PR whose cases can be drawn again: `draw` gives one more PR sample of a case (the same truth, drift and drop). */
export interface DrawablePair {
  base: ResultsFile;
  pr: ResultsFile;
  draw: (suite: number, index: number) => SampleResult;
}

export const SUITES = 10;
export const CONCENTRATIONS = [1, 5, 20] as const;
const TRANSIENT_ERRORS = 0.05;
export const LATENCY_DRIFT_SD = 0.15;

export const METRICS: MetricInfo[] = [
  { name: 'exact', metric: 'contains', family: 'quality', scale: { kind: 'binary' }, direction: 'higher-is-better', gate: {}, configHash: 'b' },
  { name: 'relevance', metric: 'relevance', family: 'quality', scale: { kind: 'likert', min: 1, max: 5 }, direction: 'higher-is-better', gate: {}, configHash: 'j' },
  { name: 'pii', metric: 'pii', family: 'harm', scale: { kind: 'binary' }, direction: 'lower-is-better', gate: {}, configHash: 'p' },
  { name: 'cost', metric: 'cost', family: 'cost', scale: { kind: 'amount', unit: 'usd' }, direction: 'lower-is-better', gate: {}, configHash: 'c' },
  { name: 'latency', metric: 'latency', family: 'latency', scale: { kind: 'amount', unit: 'ms' }, direction: 'lower-is-better', gate: {}, configHash: 'l' },
];

/** One suite's fixed truth: per case, the success probabilities of each metric and the typical cost and latency. */
interface SuiteTruth {
  exact: Float64Array;
  relevance: Float64Array;
  pii: Float64Array;
  costUsd: Float64Array;
  latencyMs: Float64Array;
}

const meanOf = (values: Float64Array, shift = 0) => values.reduce((sum, p) => sum + Math.max(0, p - shift), 0) / values.length;

/**
 * The shift of every case's success probability that lowers the metric's mean by exactly `drop`:
 * a case already near 0 cannot fall by the whole drop, so the others fall a little more.
 */
function shiftFor(probabilities: Float64Array, drop: number): number {
  if (drop === 0) return 0;
  const target = meanOf(probabilities) - drop;
  let low = drop;
  let high = 1;
  for (let step = 0; step < 40; step += 1) {
    const middle = (low + high) / 2;
    if (meanOf(probabilities, middle) > target) low = middle;
    else high = middle;
  }
  return high;
}

/** The truth with the first `count` always-passing cases of `metric` made to fail always. */
function brokenTruth(t: SuiteTruth, metric: 'exact' | 'relevance', count: number): SuiteTruth {
  const values = Float64Array.from(t[metric]);
  let left = count;
  for (let index = 0; index < values.length && left > 0; index += 1) {
    if (values[index] === 1) {
      values[index] = 0;
      left -= 1;
    }
  }
  return { ...t, [metric]: values };
}

export function prSimulator(seed: number) {
  const random = mulberry32(seed);
  const draw = betaDistribution.factory({ seed });
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const beta = (mean: number, concentration: number) => draw(mean * concentration, (1 - mean) * concentration);

  function truth(cases: number, suite: number, scenario: Scenario): SuiteTruth {
    const concentration = scenario.concentration ?? (CONCENTRATIONS[suite % CONCENTRATIONS.length] as number);
    const deterministic = scenario.deterministic === true;
    const drawn = 0.6 + random() * 0.35;
    const quality = scenario.quality ?? drawn;
    const defects = 0.02 + random() * 0.08;
    const rounded = (value: number) => (deterministic ? Math.round(value) : value);
    const many = (make: () => number) => Float64Array.from({ length: cases }, make);
    return {
      exact: many(() => rounded(beta(quality, concentration))),
      relevance: many(() => rounded(beta(quality, concentration))),
      pii: many(() => rounded(beta(defects, concentration))),
      // Heavy-tailed per-case amounts: lognormal with σ = 1 for cost, 0.5 for latency.
      costUsd: many(() => 0.001 * Math.exp(normal())),
      latencyMs: many(() => 800 * Math.exp(0.5 * normal())),
    };
  }

  const bernoulli = (p: number) => (random() < p ? 1 : 0);
  const judge = (p: number) => 1 + bernoulli(p) + bernoulli(p) + bernoulli(p) + bernoulli(p);

  function judged(p: number, outage: Scenario['judgeOutage']): SampleResult['scores'][string] {
    if (outage === 'all') return { status: 'error', error: 'judge: HTTP 401 invalid_api_key' };
    const score = judge(p);
    if (outage === 'answer-dependent' && random() < (score >= 4 ? 0.35 : 0.02)) return { status: 'error', error: 'judge: HTTP 503 overloaded (after 3 retries)' };
    return { status: 'ok', value: score };
  }

  function sample(t: SuiteTruth, index: number, drift: number, shift: { exact: number; relevance: number }, outage: Scenario['judgeOutage']): SampleResult {
    const usage = { prompt: 100, completion: 20, cached: 0, reasoning: 0 };
    if (random() < TRANSIENT_ERRORS) return { output: null, error: 'HTTP 503 Service Unavailable (after 3 retries)', errorKind: 'infrastructure', usage, latencyMs: 0, scores: {} };
    const at = (values: Float64Array) => values[index] as number;
    const scores: SampleResult['scores'] = {
      exact: { status: 'ok', value: bernoulli(Math.max(0, at(t.exact) - shift.exact)) },
      relevance: judged(Math.max(0, at(t.relevance) - shift.relevance), outage),
      pii: { status: 'ok', value: bernoulli(at(t.pii)) },
    };
    return {
      // The answer is what was scored: a case that scores differently answered differently.
      output: `answer ${Object.values(scores).map((score) => score.value ?? '-').join(' ')}`, usage,
      latencyMs: at(t.latencyMs) * drift * Math.exp(0.2 * normal()),
      costUsd: at(t.costUsd) * Math.exp(0.1 * normal()),
      scores,
    };
  }

  function run(truths: SuiteTruth[], scenario: Scenario, side: 'base' | 'pr', dropSuite: number): { results: ResultsFile; draw: DrawablePair['draw'] } {
    // The whole run is faster or slower (another runner): one factor for every latency of the run.
    const drift = Math.exp(LATENCY_DRIFT_SD * normal());
    const drawers = truths.map((truthOfSuite, suite) => {
      const breaks = side === 'pr' && suite === dropSuite && (scenario.broken ?? 0) > 0;
      const t = breaks ? brokenTruth(truthOfSuite, scenario.dropMetric, scenario.broken ?? 0) : truthOfSuite;
      const shifted = side === 'pr' && suite === dropSuite ? shiftFor(t[scenario.dropMetric], scenario.drop) : 0;
      const shift = { exact: scenario.dropMetric === 'exact' ? shifted : 0, relevance: scenario.dropMetric === 'relevance' ? shifted : 0 };
      const outage = side === 'pr' ? scenario.judgeOutage : undefined;
      return { breaks, cases: t.exact.length, draw: (index: number) => sample(t, index, drift, shift, outage) };
    });
    const primaryMetrics = METRICS.map((metric) => (metric.name === scenario.dropMetric ? { ...metric, gate: { primary: true } } : metric));
    const suites: SuiteResult[] = drawers.map(({ breaks, cases: count, draw }, suite) => {
      const metrics = scenario.primary === true || (scenario.primary === 'dropped-suite' && suite === dropSuite) ? primaryMetrics : METRICS;
      const cases: CaseResult[] = Array.from({ length: count }, (_, index) => ({
        id: `c${index}`, hash: `h${index}`, inputs: {},
        samples: Array.from({ length: scenario.repeat }, () => draw(index)),
      }));
      return { name: `suite-${suite}`, file: `evals/s${suite}.eval.yaml`, hash: breaks ? 's-changed' : 's', flow: { kind: 'sim' }, repeat: scenario.repeat, status: 'ran', alpha: 0.05, tolerance: 0.05, metrics, cases };
    });
    const results: ResultsFile = { format: 'evalgate-results', version: 2, tool: { name: 'evalgate', version: 'bench' }, run: { date: '', models: [], durationMs: 0 }, suites };
    return { results, draw: (suite, index) => (drawers[suite] as (typeof drawers)[number]).draw(index) };
  }

  /**
   * A baseline run and a PR run of the same suites; a drop goes to suite `dropSuite` (so every
   * Beta shape takes its turn). A deterministic scenario's baseline carries the evidence its
   * refresh would have stored: an earlier base run compared with it.
   */
  return (scenario: Scenario, dropSuite: number): DrawablePair => {
    const truths = Array.from({ length: SUITES }, (_, suite) => truth(scenario.cases, suite, scenario));
    const base = run(truths, scenario, 'base', dropSuite).results;
    if (scenario.deterministic) {
      const earlier = run(truths, scenario, 'base', dropSuite).results;
      base.suites = base.suites.map((suite, index) => {
        const determinism = determinismOf(earlier.suites[index], suite);
        return determinism ? { ...suite, determinism } : suite;
      });
    }
    const pr = run(truths, scenario, 'pr', dropSuite);
    return { base, pr: pr.results, draw: pr.draw };
  };
}
