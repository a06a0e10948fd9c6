import type { TokenUsage } from '../core/usage.js';
import type { Direction, Family, Scale } from '../metrics/types.js';
import type { MetricGate } from '../suites/types.js';

/** The versioned results document (PRODUCT.md §5). The baseline is one of these. */
export const RESULTS_FORMAT = 'evalgate-results';
export const RESULTS_VERSION = 1;

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
}

export interface MetricInfo {
  /** The evaluator's key in the suite (usually the metric name). */
  name: string;
  metric: string;
  family: Family;
  scale: Scale;
  direction: Direction;
  gate: MetricGate;
  /** sha256 of the evaluator's config: a metric is compared only when it is unchanged. */
  configHash?: string;
  /** Per-case pass mark on the metric's own scale (see MetricDefinition.threshold). */
  threshold?: number;
}

export type SuiteStatus = 'ran' | 'skipped';

export interface SuiteResult {
  name: string;
  file: string;
  hash: string;
  flow: { kind: string; model?: string };
  repeat: number;
  status: SuiteStatus;
  /** Why a suite was skipped (e.g. "needs an API key: set api-key / OPENAI_API_KEY"). */
  skipReason?: string;
  alpha: number;
  tolerance: number;
  metrics: MetricInfo[];
  cases: CaseResult[];
  /** Run-level outputs, reported, never gated: PromptFlow aggregation nodes of the flow (`flow`) and of evaluation-flow metrics (by evaluator name). */
  aggregates?: Record<string, unknown>;
}

export interface CaseResult {
  id: string;
  /** sha256 over the case's inputs and the suite's evaluator config (alignment key). */
  hash: string;
  inputs: Record<string, unknown>;
  samples: SampleResult[];
}

export interface ScoreRecord {
  value: number | null;
  error?: string;
  reason?: string;
  details?: Record<string, unknown>;
}

export interface SampleResult {
  /** null when the flow failed for this sample (see `error`). */
  output: string | null;
  error?: string;
  context?: string;
  usage: TokenUsage;
  latencyMs: number;
  firstTokenMs?: number;
  /** The flow's own cost in USD, when its model has a price. */
  costUsd?: number;
  /** What judges / moderation spent on this sample, costed apart. */
  evaluatorCostUsd?: number;
  scores: Record<string, ScoreRecord>;
}
