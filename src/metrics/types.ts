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
  /**
   * Options of a working evaluator, where the required ones alone do not make one (a choice of
   * forms, a file): the metric contract test scores with them. Files resolve from the suite's
   * folder, which holds `eval-flow/` (a PromptFlow evaluation flow with an `overlap` output).
   */
  example?: Readonly<Record<string, unknown>>;
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
  /** How the gate compares it. */
  policy: GatePolicy;
  /**
   * Checks the options at load time (a regex compiles, a JSON Schema compiles); throws an Error
   * whose message the loader turns into a ConfigError at the evaluator's line. Options that are
   * templates over the case are checked after rendering, at scoring time.
   */
  checkOptions?(options: Readonly<Record<string, unknown>>): void;
}

/** One evaluator's scoring for one run, opened by the evaluate stage and closed when the run ends. */
export interface Scorer {
  score(input: ScoreInput): Promise<Score> | Score;
  /** Run-level outputs over every sample this scorer scored (PromptFlow aggregation nodes): reported, never gated. */
  aggregate?(): Promise<Record<string, unknown> | undefined>;
  /** Releases what the scorer holds (a worker process); called once, when the run ends. */
  close?(): void | Promise<void>;
}

/** What opening a scorer may use: the suite's folder (files and workers resolve here). */
export interface MetricRunContext {
  suiteDir: string;
}

/** A metric that scores each sample's output with a pure function (its score is stored in the results). */
interface StatelessMetric extends MetricBase {
  score(input: ScoreInput): Promise<Score> | Score;
  create?: never;
  measure?: never;
}

/**
 * A metric that keeps state for a run (a worker process, compiled validators, the lines its
 * aggregation reads): `create` opens one scorer per evaluator per run. No metric keeps
 * module-level state; the engine opens and closes every metric the same way.
 */
export interface StatefulMetric extends MetricBase {
  create(options: Readonly<Record<string, unknown>>, ctx: MetricRunContext): Scorer;
  score?: never;
  measure?: never;
}

export type ScoredMetric = StatelessMetric | StatefulMetric;

/**
 * A metric that reads the flow's own measurements (cost, latency), which every sample stores
 * once; only a failure to measure (e.g. no price for the model) is stored as a score.
 */
interface MeasuredMetric extends MetricBase {
  /** `scale`: the one the run stored for the metric (cost is in tokens when the model has no price). */
  measure(sample: SampleMeasures, scale: Scale): Score;
  /** Prices (USD per 1M tokens by model) the evaluator's options add to the run's table: every sample's and every judge's cost is priced with them. */
  prices?(options: Readonly<Record<string, unknown>>): unknown;
  /**
   * Once every case ran: the scale the metric is stored in when what the run measured rules out
   * the declared one (cost: a model with no price is gated in tokens), with the note that says so;
   * `undefined` keeps the declared scale. `samples`: every sample that ran.
   */
  settle?(samples: readonly SampleMeasures[], configuredModel: string | undefined): { scale: Scale; note: string } | undefined;
  score?: never;
  create?: never;
}

export type MetricDefinition = ScoredMetric | MeasuredMetric;

/** The model client of a metric that `needs` one (the evaluate stage skips such metrics without a client). */
export function clientOf(input: Pick<ScoreInput, 'client'>): ModelClient {
  if (!input.client) throw new Error('this metric needs a model endpoint');
  return input.client;
}
