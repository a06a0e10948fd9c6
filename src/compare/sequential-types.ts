import type { CaseResult, MetricInfo, SequentialRecord, SuiteResult } from '../results/types.js';

/**
 * The contract between the engine (src/engine/, which runs cases) and the sequential monitor
 * (src/compare/sequential.ts, which decides when a PR run knows its verdict). The engine asks the
 * monitor what to run next; the monitor never runs anything. Owned jointly: change it only by
 * agreement (docs/gate.md "Stopping when the verdict is known").
 */

/** The base commit's setting (like every gate setting, a PR may only make it stricter: turn it off). */
export interface SequentialSettings {
  /** Stop a suite once its verdict is known (default on for PR runs; pushes and --update-baseline run every case). */
  enabled: boolean;
  /** Seed of the case order (the engine uses the base commit's sha, so a re-run takes the same order). */
  seed: string;
}

/** What the engine tells the monitor about one suite before its first case runs. */
export interface SequentialSuitePlan {
  name: string;
  /** The base's stored entry of this suite (the monitor compares against it case by case). */
  base: SuiteResult;
  /** The PR suite's metrics (as `metricInfos` builds them for the results file). */
  metrics: MetricInfo[];
  /** The PR suite's case ids, in the order the engine will run them (seeded, cached first). */
  order: string[];
  repeat: number;
  /** How many of the order's first cases come from the response cache (absent: none): no conditional-power look reads them alone. */
  cached?: number;
}

/** The monitor's answer for one suite, asked after every scored case. */
export type SequentialStep =
  /**
   * Run the next case of the order with `repeat` samples (the suite's own `repeat` when absent).
   * The monitor raises it for cases not yet run once a suite carries the decision: re-running
   * cases already scored would bias the paired statistic (docs/gate.md "Stopping when the verdict is known").
   */
  | { action: 'continue'; repeat?: number }
  /** Run nothing more of this suite: the verdict is known. */
  | { action: 'stop'; reason: string };

export interface SequentialMonitor {
  /** The PR's scored result of one case: every sample it has so far (a re-sampled case arrives again, whole). */
  record(suite: string, result: CaseResult): void;
  next(suite: string): SequentialStep;
  /** What the results file stores for the suite once it is done (compare reads it to decide). */
  outcome(suite: string): SequentialRecord;
}

/** Stored in SuiteResult.sequential (declared with the results file's types: src/results/types.ts). */
export type { SequentialRecord } from '../results/types.js';
