import type { TokenUsage } from '../core/usage.js';

/** What a flow returns for one case. */
export interface FlowOutput {
  output: string;
  /** Retrieved context the flow reports (command/http flows may return it). */
  context?: string;
  usage: TokenUsage;
  /** Model that actually answered (as reported by the provider), if known. */
  model?: string;
  latency: { totalMs: number; firstTokenMs?: number };
}

/** A runnable system under test, built once per suite from its `flow:` spec. */
export interface Flow {
  kind: string;
  /** Model name for reports, when the flow has one. */
  model?: string;
  /** True when the flow cannot run without a model endpoint (api key). */
  needsModel: boolean;
  invoke(vars: Readonly<Record<string, unknown>>, signal: AbortSignal): Promise<FlowOutput>;
}
