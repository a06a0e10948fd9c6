import type { ModelClient } from '../model/types.js';
import type { TokenUsage } from '../core/usage.js';
import type { Unit } from './units.js';

/** The five LLMOps metric families, in the order every report shows them. */
export const FAMILIES = ['quality', 'harm', 'honesty', 'cost', 'latency'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * How a metric's raw value is read.
 * - binary: 0 or 1 per sample (pass/fail).
 * - unit: a fraction in [0, 1].
 * - likert: judge scores min..max (1–5), mapped to (s − min)/(max − min) for the gate.
 * - amount: a non-negative quantity in one of the units of ./units.ts (USD, ms, tokens/s…).
 */
export type Scale =
  | { kind: 'binary' }
  | { kind: 'unit' }
  | { kind: 'likert'; min: number; max: number }
  | { kind: 'amount'; unit: Unit };

export type Direction = 'higher-is-better' | 'lower-is-better';

/** What a scorer gets for one sample of one case. Reference fields are already rendered. */
export interface ScoreInput {
  /** The flow's answer (as text; JSON answers are serialised). */
  output: string;
  /** The case's variables (untrusted data). */
  vars: Readonly<Record<string, unknown>>;
  /** The evaluator's options, with every string template rendered against the case. */
  options: Readonly<Record<string, unknown>>;
  /** Context the flow returned (RAG chunks), if any, else the rendered `context` option. */
  context?: string;
  usage: TokenUsage;
  latency: { totalMs: number; firstTokenMs?: number };
  model: string | undefined;
  /** Present when the run has a model endpoint; judges and embeddings need it. */
  client: ModelClient | undefined;
  judgeModel: string;
  /** The suite's folder: files an evaluator names (a `.prompty` rubric) resolve from here. */
  suiteDir: string;
  /** The evaluator's own `threshold:` when it sets one (promptfoo-style scorers decide a pass with it). */
  threshold?: number;
  signal?: AbortSignal;
}

/**
 * One metric's verdict on one sample. `value: null` means "not applicable" (autoevals'
 * convention); `error` means the metric could not be computed (and is never a 0 or NaN).
 */
export interface Score {
  value: number | null;
  reason?: string;
  error?: string;
  /** Free-form details shown in reports (per-category scores, matched spans…). */
  details?: Record<string, unknown>;
  /** Tokens the evaluator itself spent (judges, moderation), costed apart from the flow. */
  evaluatorUsage?: TokenUsage & { model: string };
}

/** How a metric's per-case values are compared with the baseline's. Declared per metric; compare/ reads only this. */
export type GatePolicy = PairedPolicy | RatioPolicy;

/** A paired test on the shared cases' 0–1 values (McNemar for binary k = 1, sign-flip otherwise). */
export interface PairedPolicy {
  test: 'paired';
  /** Smallest worsening worth failing for: a fixed number, or the suite's `tolerance`. */
  tolerance: number | 'suite';
  /** Whether the test joins the multiple-testing family (Holm). */
  multipleTesting: boolean;
  /** How a worsening reads in reports: "dropped", "defect rate rose". */
  worsening: string;
}

export type RatioStatistic = 'sum' | 'p50' | 'p95';

/** PR ÷ baseline of a run-level statistic of an amount (cost, latency), with a bootstrap interval. */
export interface RatioPolicy {
  test: 'ratio';
  /** How a case's samples combine: cost adds up per case as a mean, latency as a median. */
  aggregate: 'mean' | 'median';
  statistics: readonly { statistic: RatioStatistic; tolerance: number; canFail: boolean }[];
  multipleTesting: boolean;
  /**
   * Report-only unless the suite sets `gate: true` for the metric: a whole-run speed change
   * (another runner) moves every case at once, which no case-level test can tell from a regression.
   */
  reportOnlyByDefault?: boolean;
}

/** What a measured metric reads of a stored sample: the flow's own measurements, stored once. */
export interface SampleMeasures {
  usage: TokenUsage;
  latencyMs: number;
  firstTokenMs?: number;
  costUsd?: number;
  model?: string;
}

interface MetricBase {
  /** The name users write in `metric:`. */
  name: string;
  family: Family;
  scale: Scale;
  direction: Direction;
  /** One-line description shown in docs and `--help`. */
  description: string;
  /** Options a case must supply (after rendering), e.g. ['expected']. */
  requires: readonly string[];
  /** JSON Schema (draft 2020-12 subset) of this metric's options, merged into the suite schema. */
  optionsSchema: Record<string, unknown>;
  /**
   * Default per-case pass mark on the metric's own scale: a case passes at ≥ threshold
   * (higher-is-better) or ≤ threshold (lower-is-better). Reports count failing cases with it
   * (e.g. a removed case that was failing on main). Amounts (cost, latency) have none.
   */
  threshold?: number;
  /**
   * Options the metric renders itself as Jinja over the case plus `output`, `expected` and
   * `context` (a rubric's prompt and inputs); every other string option is a Jinja template
   * rendered over the case before scoring.
   */
  jinjaOptions?: readonly string[];
  /**
   * Load-time check of one case (a rubric renders its prompt with an empty output): throws a
   * TemplateError naming an undefined variable, or a ConfigError for a bad option or file.
   * `vars`: the case's fields plus `output` and the `context` a flow may report.
   */
  checkCase?(options: Readonly<Record<string, unknown>>, vars: Readonly<Record<string, unknown>>, suiteDir: string): void;
  /** What the metric needs from the model endpoint; metrics that need one skip without a key. */
  needs?: 'chat' | 'embeddings' | 'moderation';
  /** A metric whose family, scale and direction the suite declares in its options (`metric: promptflow`). */
  shapeOf?(options: Readonly<Record<string, unknown>>): { family: Family; scale: Scale; direction: Direction; threshold: number };
  /** Run-level outputs over every sample scored with these options (reported, never gated); clears them. */
  aggregate?(options: Readonly<Record<string, unknown>>, suiteDir: string): Promise<Record<string, unknown> | undefined>;
  /** How the gate compares it. */
  policy: GatePolicy;
  /**
   * Checks the options at load time (a regex compiles, a JSON Schema compiles); throws an Error
   * whose message the loader turns into a ConfigError at the evaluator's line. Options that are
   * templates over the case are checked after rendering, at scoring time.
   */
  checkOptions?(options: Readonly<Record<string, unknown>>): void;
}

/** A metric that scores each sample's output (its score is stored in the results). */
export interface ScoredMetric extends MetricBase {
  score(input: ScoreInput): Promise<Score> | Score;
  measure?: never;
}

/**
 * A metric that reads the flow's own measurements (cost, latency), which every sample stores
 * once; only a failure to measure (e.g. no price for the model) is stored as a score.
 */
export interface MeasuredMetric extends MetricBase {
  measure(sample: SampleMeasures): Score;
  score?: never;
}

export type MetricDefinition = ScoredMetric | MeasuredMetric;

/** The model client of a metric that `needs` one (the evaluate stage skips such metrics without a client). */
export function clientOf(input: Pick<ScoreInput, 'client'>): ModelClient {
  if (!input.client) throw new Error('this metric needs a model endpoint');
  return input.client;
}
