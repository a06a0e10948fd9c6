import type { ModelClient } from '../model/types.js';
import type { TokenUsage } from '../core/usage.js';

/** The five LLMOps metric families, in the order every report shows them. */
export const FAMILIES = ['quality', 'harm', 'honesty', 'cost', 'latency'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * How a metric's raw value is read.
 * - binary: 0 or 1 per sample (pass/fail).
 * - unit: a fraction in [0, 1].
 * - likert: judge scores min..max (1–5), mapped to (s − min)/(max − min) for the gate.
 * - amount: an unbounded non-negative quantity with a unit (USD, ms, tokens/s).
 */
export type Scale =
  | { kind: 'binary' }
  | { kind: 'unit' }
  | { kind: 'likert'; min: number; max: number }
  | { kind: 'amount'; unit: 'usd' | 'ms' | 'tokens' | 'tokens/s' };

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

export interface MetricDefinition {
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
   * `context` (a rubric's prompt); every other string option is a `{{var}}` template rendered
   * over the case before scoring.
   */
  jinjaOptions?: readonly string[];
  /** What the metric needs from the model endpoint; metrics that need one skip without a key. */
  needs?: 'chat' | 'embeddings' | 'moderation';
  /** A metric whose family, scale and direction the suite declares in its options (`metric: promptflow`). */
  shapeOf?(options: Readonly<Record<string, unknown>>): { family: Family; scale: Scale; direction: Direction; threshold: number };
  score(input: ScoreInput): Promise<Score> | Score;
  /** Run-level outputs over every sample scored with these options (reported, never gated); clears them. */
  aggregate?(options: Readonly<Record<string, unknown>>, suiteDir: string): Promise<Record<string, unknown> | undefined>;
}
