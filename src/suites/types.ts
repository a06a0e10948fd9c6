import type { ChatMessage } from '../model/types.js';
import type { PromptySpec } from '../prompty/spec.js';

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
  /** sha256 of the suite's flow + evaluators config (not its data). */
  hash: string;
}

export type FlowSpec = PromptFlowSpec | PromptyFlowSpec | CommandFlowSpec | HttpFlowSpec;

export interface PromptFlowSpec {
  kind: 'prompt';
  model: string;
  /** Message contents are Jinja templates over the case. */
  messages: ChatMessage[];
  parameters: Record<string, unknown>;
  stream: boolean;
}

export interface PromptyFlowSpec {
  kind: 'prompty';
  /** The .prompty file, relative to the working directory (for messages); its content is below. */
  file: string;
  /** The file read into its typed spec (body, inputs, defaults, threads). */
  prompt: PromptySpec;
  model: string;
  /** The file's parameters (tools, response_format included) with the suite's on top. */
  parameters: Record<string, unknown>;
  stream: boolean;
}

export interface CommandFlowSpec {
  kind: 'command';
  /** A shell-free argv; a string command is split on whitespace (quotes respected). */
  argv: string[];
  timeoutMs: number;
  env: Record<string, string>;
}

export interface HttpFlowSpec {
  kind: 'http';
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  /** JSON body; every string inside is a template over the case. */
  body: unknown;
  /** Dotted path to the answer in the JSON response, e.g. `choices.0.message.content`. */
  outputPath: string;
  contextPath?: string;
  timeoutMs: number;
}

export interface Case {
  /** Stable id: the data's `id` field, else derived from the case's content. */
  id: string;
  vars: Record<string, unknown>;
  /** Where the case came from, for error messages. */
  source: { file: string; line?: number };
}

export interface EvaluatorSpec {
  /** Unique key of this evaluator in the suite (`name:`, default the metric name). */
  name: string;
  metric: string;
  /** Options as written; strings are templates rendered per case. */
  options: Record<string, unknown>;
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
}

export interface GateConfig {
  alpha: number;
  tolerance: number;
  metrics: Record<string, MetricGate>;
}
