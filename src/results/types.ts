import type { TokenUsage } from '../core/usage.js';
import type { Direction, Family, Scale } from '../metrics/types.js';
import type { ErrorKind } from '../core/failure.js';

/** The versioned results document (also the baseline): src/results/schema.ts describes it (generated into schema/results.schema.json). */
export const RESULTS_FORMAT = 'evalgate-results';
export const RESULTS_VERSION = 2;

export interface ResultsFile {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  tool: { name: 'evalgate'; version: string };
  run: RunMetadata;
  suites: SuiteResult[];
}

export interface RunMetadata {
  /** ISO-8601 start time. */
  date: string;
  commit?: string;
  ref?: string;
  /** Models the flows called (as configured). */
  models: string[];
  judgeModel?: string;
  durationMs: number;
  /** Model calls served from the response cache (`hits`) and sent to the model (`misses`). */
  cache?: { hits: number; misses: number };
  /** Present in a shard's partial results (`--shard 2/8`): which part of the cases it ran. */
  shard?: { index: number; count: number };
  /** Written by a baseline refresh: suites the push could not store, and why (a PR that needs them says so). */
  unstored?: { suite: string; reason: string }[];
  /** Written by a baseline refresh: the default branch's gate settings, which a pull request may only tighten. */
  gate?: StoredRunGate;
}

/** The gate settings of the run that stored a baseline (the action's inputs on the default branch). */
export interface StoredRunGate {
  failOn?: 'regression' | 'warn' | 'never';
  suites?: string[];
  /** Where the default branch stores its baseline: a pull request that reads another file is not compared with it. */
  baseline?: string;
  /** The default branch's `sequential` input / flag, when it set one: false makes its pull requests run every case. */
  sequential?: boolean;
}

/** A metric's gate settings as the run applied them. */
export interface StoredGate {
  min?: number;
  max?: number;
  tolerance?: number;
  gate?: boolean;
  /** A primary metric of its suite (docs/gate.md "Primary metrics"). */
  primary?: boolean;
}

export interface MetricInfo {
  /** The evaluator's key in the suite (usually the metric name). */
  name: string;
  metric: string;
  family: Family;
  scale: Scale;
  direction: Direction;
  gate: StoredGate;
  /** Hash of the evaluator's config: a metric is compared only when it is unchanged. */
  configHash?: string;
  /** Per-case pass mark on the metric's own scale (see MetricDefinition.threshold). */
  threshold?: number;
  /** What the run changed about how the metric is measured, shown with its result (cost in tokens: no price for the model). */
  note?: string;
}

type SuiteStatus = 'ran' | 'skipped';

export interface SuiteResult {
  name: string;
  file: string;
  hash: string;
  /** `ownCode`: the flow runs the team's own code, outside what the suite hash covers (command, http, promptflow). */
  flow: { kind: string; model?: string; ownCode?: boolean };
  repeat: number;
  status: SuiteStatus;
  /** Why a suite was skipped (e.g. "needs an API key: set api-key / OPENAI_API_KEY"). */
  skipReason?: string;
  alpha: number;
  tolerance: number;
  /** The suite file's `gate: sequential:` as written (absent: not set): on the baseline, the default branch's setting a PR may only tighten. */
  stopEarly?: boolean;
  metrics: MetricInfo[];
  /** Partial results of a shard only: where each of `cases` sits in the suite's full case list. */
  positions?: number[];
  cases: CaseResult[];
  /**
   * Evidence that the flow is noise-free (results/determinism.ts), set when the entry is stored as
   * the baseline: the gate then judges these metrics' measured drop against the tolerance directly.
   */
  determinism?: Determinism;
  /** How a PR run stopped when its verdict was known (compare/sequential.ts); absent: every case ran, fixed-N. */
  sequential?: SequentialRecord;
  /** What the suite's model calls cost beyond their answers (retries, rate-limit waits, hedges), when anything. */
  calls?: ModelCallCosts;
  /** Run-level outputs, reported, never gated: PromptFlow aggregation nodes of the flow (`flow`) and of evaluation-flow metrics (by evaluator name). */
  aggregates?: Record<string, unknown>;
}

/** Stored in SuiteResult.sequential: how a PR run chose what to run, so compare and the report can say it. */
export interface SequentialRecord {
  seed: string;
  /** Cases of the suite run (new cases, not samples). */
  ran: number;
  /** Cases the suite has. */
  of: number;
  /** The suite's case ids in the order the run took them (`order` of the plan): the first `ran` ran, the rest did not (not coverage gaps). */
  order: string[];
  /** The first `cached` cases of `order` came from the response cache (the plan's `cached`). */
  cached?: number;
  /** From case `after` + 1 of the order on, new cases ran with `repeat` samples (chosen from the first `after` cases' results). */
  adapted?: { after: number; repeat: number };
  /** Why the run stopped before `of` (`undefined`: it ran every case). */
  stopped?: {
    reason: string;
    decision: 'futile' | 'fail';
    /** `fail` only: the interim look (the first `look` cases of `order`) and the metric that crossed the efficacy boundary. */
    look?: number;
    metric?: string;
  };
  /** Case ids that ran with more samples than the suite's `repeat`, with how many. */
  resampled: { id: string; samples: number }[];
  /** Flow invocations made and those a full fixed-N run would have made. */
  calls: { made: number; full: number };
}

/** A suite's model-call overhead: retried attempts (after a server error, timeout or dropped connection; after a 429) and the waits before them, in ms; hedges sent. */
export interface ModelCallCosts {
  retries: number;
  retryWaitMs: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  hedges: number;
}

/** A baseline entry's evidence of a noise-free flow; valid only while the suite hash is `hash`. */
export interface Determinism {
  /** The suite (flow + evaluators) hash the evidence was measured at: it expires when that changes. */
  hash: string;
  /** `refresh`: unchanged cases gave identical outputs and scores across two baseline runs; `repeat`: the k samples of every case agreed. */
  source: 'refresh' | 'repeat';
  /** Cases compared. */
  cases: number;
  /** Scored metrics whose values agreed on every compared case. */
  metrics: string[];
}

export interface CaseResult {
  id: string;
  /** Hash of the case's inputs (the alignment key, with the id). */
  hash: string;
  inputs: Record<string, unknown>;
  samples: SampleResult[];
}

/**
 * One metric's outcome on one sample. `ok` carries the value; `not-applicable` and `skipped`
 * (no model endpoint) carry none; `error` carries the message — an error is never a score.
 */
type ScoreStatus = 'ok' | 'not-applicable' | 'skipped' | 'error';

export interface ScoreRecord {
  status: ScoreStatus;
  value?: number;
  error?: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/**
 * One run of the flow on one case. The flow's measurements (tokens, latency, its own cost) are
 * stored once, here; measured metrics (cost, latency) read them, scored metrics are in `scores`.
 */
export interface SampleResult {
  /** null when the flow failed for this sample (see `error`). */
  output: string | null;
  error?: string;
  /** Why the flow failed (recorded where it was thrown, see core/failure.ts); absent in older results: classified from `error` (runner/error-kind.ts). */
  errorKind?: ErrorKind;
  context?: string;
  /** The model that answered, as the provider reported it. */
  model?: string;
  usage: TokenUsage;
  latencyMs: number;
  firstTokenMs?: number;
  /** The flow's own cost in USD, when its model has a price. */
  costUsd?: number;
  /** The flow's answer came from the response cache: usage, latency and cost are the recorded ones. */
  cached?: boolean;
  /** The flow's answer came through the Batch API: `costUsd` is the half price billed. */
  batch?: boolean;
  /** What judges / moderation spent on this sample, costed apart. */
  evaluatorCostUsd?: number;
  scores: Record<string, ScoreRecord>;
}
