import type { ModelCallCosts } from '../results/types.js';
import type { Direction, Family, Scale } from '../metrics/types.js';
import type { ErrorKind } from '../core/failure.js';
import type { MetricErrors } from './metric-errors.js';

/**
 * pass | warn | fail are the gate's verdicts on what was compared; `incomplete` says part of the
 * base's baseline was not compared (see `Comparison.coverage`); `error` is "the evaluation or
 * the comparison could not run" (provider down, baseline unreadable) — never "quality regressed".
 */
export type Verdict = 'pass' | 'warn' | 'fail' | 'incomplete' | 'error';

/** A metric's status: `incomplete` when it could not be compared (the reason says why). */
type MetricStatus = 'pass' | 'warn' | 'fail' | 'incomplete';

/** One part of the base's baseline this run did not compare: what, why, and what to do. */
export interface CoverageGap {
  suite: string;
  /** Absent when the whole suite (or, with suite `*`, the whole run) was not compared. */
  metric?: string;
  reason: string;
  fix: string;
}

export interface MetricComparison {
  name: string;
  metric: string;
  family: Family;
  scale: Scale;
  direction: Direction;
  /** false: report-only (gate: false). */
  gating: boolean;
  /** Run-level values on the shared cases (display scale: 0–1 for quality, USD, ms). */
  baseline: number | null;
  pr: number | null;
  /** PR − baseline (display scale). For cost/latency, `ratio` is the headline instead. */
  delta: number | null;
  ratio?: number | null;
  /** 90% bootstrap interval of the mean difference (or of the ratio for cost/latency). */
  ci: [number, number] | null;
  /** One-sided p-value for "worse" (paired test, or permutation test of the ratio). */
  pRaw: number | null;
  /** Adjusted over every gating test of the PR (all suites) by Holm counting what each test can reach (compare/family.ts); the raw p for report-only tests. */
  pHolm: number | null;
  improved: number;
  regressed: number;
  shared: number;
  /**
   * Smallest true drop (0–1 scale) that FAILs with 80 % power: the tolerance rule and the PR-wide
   * family (Holm's first step α/m) included, no change elsewhere assumed; if computable.
   */
  detectableDrop: number | null;
  status: MetricStatus;
  reason: string;
}

export interface CaseRef {
  id: string;
  inputs: Record<string, unknown>;
  /** For removed cases: whether the case was failing on the baseline (warns). */
  wasFailing?: boolean;
}

/** A shared case (same id) whose inputs changed since the baseline: compared, and flagged. */
export interface ChangedCase {
  id: string;
  /** The baseline's fields whose value changed or that the PR dropped. */
  fields: string[];
}

export interface CaseDiff {
  id: string;
  inputs: Record<string, unknown>;
  baselineOutput: string | null;
  prOutput: string | null;
  /** Per metric (name → PR − baseline on 0–1 scale), only metrics that moved. */
  deltas: Record<string, number>;
  /** Sum of the quality drops, used to rank the top regressed cases. */
  drop: number;
}

type SuiteOutcome = 'compared' | 'new' | 'removed' | 'skipped' | 'could-not-run';

export interface SuiteComparison {
  name: string;
  file: string;
  outcome: SuiteOutcome;
  /** Human reason for skipped / could-not-run / removed suites. */
  note?: string;
  verdict: Verdict;
  shared: number;
  metrics: MetricComparison[];
  added: CaseRef[];
  removed: CaseRef[];
  /** Shared cases whose inputs changed (compared by id); absent in comparisons of older versions. */
  changedInputs?: ChangedCase[];
  regressedCases: CaseDiff[];
  /**
   * Cases whose flow errored on every sample in the PR run: `infrastructure` ones are left out
   * of the comparison, `application` ones count as failures.
   */
  erroredCases: { id: string; error: string; kind: ErrorKind }[];
  /** Metrics that could not be computed on some samples, with their first distinct messages. */
  metricErrors: MetricErrors[];
  /** Gate settings this PR changes; the baseline's apply until merge. */
  gateChanges: string[];
  /** Metrics whose evaluator changed (config, judge model, rubric): not compared. */
  notComparable: string[];
  /**
   * How the quality metrics were judged when the base has evidence of a noise-free flow: `noise-free`
   * (these metrics gate the measured drop directly) or `statistical` (the evidence was contradicted).
   * Absent: the statistical tests, as always.
   */
  regime?: { kind: 'noise-free' | 'statistical'; metrics: string[]; reason: string };
  /** What of this suite's baseline was not compared (empty: everything was). */
  gaps: CoverageGap[];
  /**
   * A sequential PR run of this suite (compare/sequential-check.ts), as compare checked it: cases
   * run of the plan, why it stopped, whether stage two ran with more samples (`staged`: the tests
   * combine the two stages), the cases that did, the calls against a full run, and `problem` when
   * the record did not match the data (then it was not relied on).
   */
  sequential?: {
    ran: number;
    of: number;
    stopped?: { decision: 'futile' | 'fail'; reason: string };
    staged: boolean;
    resampled: { id: string; samples: number }[];
    calls: { made: number; full: number };
    problem?: string;
  };
  /** What the PR run's model calls met beyond their answers (retries, rate-limit waits, hedges), when anything. */
  calls?: ModelCallCosts;
  /** What the runs spent in USD: the flow itself, and judges / moderation apart. */
  spend?: { flowUsd: number; evaluatorUsd: number; baselineFlowUsd: number | null };
}

export interface Comparison {
  verdict: Verdict;
  /** false when there is no stored baseline (bootstrap, or missing: see `coverage`). */
  hasBaseline: boolean;
  /** true when the base commit has no suites: nothing is gated yet, the run reports and passes. */
  bootstrap: boolean;
  /** Every suite / metric of the base's baseline left uncompared, and why; empty when all was compared. */
  coverage: CoverageGap[];
  suites: SuiteComparison[];
  /** Number of metrics whose status is fail. */
  regressions: number;
  /** One-line summary per reason, top of the report. */
  headline: string;
  /** The PR-wide error budget: every gating test of every suite is one Holm family. */
  family: { alpha: number; warnAlpha: number; tests: number; /** Tests of primary metrics (compare/weights.ts), when any. */ primaryTests?: number; /** A run that may stop early: the share of the budget its interim FAIL looks spend (`alpha` is the final look's). */ earlyLooksAlpha?: number };
}
