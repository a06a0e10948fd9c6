import type { Case } from '../core/case.js';
import type { FlowSpec } from '../flows/registry.js';
import type { SuiteHeaders } from './request-headers.js';

/** A loaded, validated suite: everything the runner needs, nothing left to parse. */
export interface Suite {
  name: string;
  /** Path of the suite file relative to the working directory (as users wrote it). */
  file: string;
  /** Absolute folder of the suite file; data files and commands resolve from here. */
  dir: string;
  flow: FlowSpec;
  cases: Case[];
  evaluators: EvaluatorSpec[];
  gate: GateConfig;
  /** Samples per case (`repeat: k`); the gate averages them per case. */
  repeat: number;
  /** `cache: true`: the flow's model answers may be served from the response cache. */
  cache: boolean;
  /** `batch`: the flow's chat calls go through the OpenAI Batch API (half price, minutes to hours). */
  mode: 'online' | 'batch';
  /** `flow.headers` / `judge.headers` as written (resolved from the environment when the run starts). */
  headers?: SuiteHeaders;
  /** sha256 of the suite's flow + evaluators config (not its data). */
  hash: string;
}

export interface EvaluatorSpec {
  /** Unique key of this evaluator in the suite (`name:`, default the metric name). */
  name: string;
  metric: string;
  /** Options as written; strings are templates rendered per case. */
  options: Record<string, unknown>;
  /** A per-case `assert:` evaluator: case id → its options there; it scores only these cases. */
  cases?: Record<string, Record<string, unknown>>;
  /** Per-case pass mark overriding the metric's (promptfoo's `threshold`). */
  threshold?: number;
  /** promptfoo's `weight`: 0 makes the evaluator report-only; each evaluator is gated on its own. */
  weight?: number;
}

export interface MetricGate {
  /** Absolute floor on the PR's run-level score (0–1 scale for quality metrics). */
  min?: number;
  /** Absolute ceiling on the PR's run-level value, for lower-is-better metrics (e.g. a defect rate). */
  max?: number;
  /** Smallest drop worth failing for; defaults to the suite's tolerance. */
  tolerance?: number;
  /** false: report-only, never fails the gate. */
  gate?: boolean;
  /** true: a primary metric — its tests share PRIMARY_SHARE of the PR's error budget (compare/weights.ts). */
  primary?: boolean;
}

export interface GateConfig {
  alpha: number;
  tolerance: number;
  /** `gate: sequential:` as written (absent: the run's setting decides): false runs every case of the suite on a pull request too. */
  sequential?: boolean;
  metrics: Record<string, MetricGate>;
}
