import { shortHash } from '../core/hash.js';
import type { CaseResult, MetricInfo } from '../results/types.js';

const TOKENS = { kind: 'amount', unit: 'tokens' } as const;

/** Models whose samples ran and got no price (the configured model when the provider reported none). */
function unpricedModels(cases: readonly CaseResult[], configured: string | undefined): string[] {
  const models = new Set<string>();
  for (const testCase of cases) {
    for (const sample of testCase.samples) {
      if (sample.output !== null && sample.costUsd === undefined) models.add(configured ?? sample.model ?? 'unnamed');
    }
  }
  return [...models];
}

/**
 * The unit of the suite's cost metrics, once its cases ran: USD when every sample that ran was
 * priced, else tokens (prompt + completion) for every case — a model with no price (Ollama, vLLM,
 * LiteLLM names, a proxy) still has a cost the gate compares, with the same ratio rule, and the
 * metric says so. The unit is part of the metric's config hash: a baseline in USD and a run in
 * tokens are not compared as equal.
 */
export function settleCostUnit(metrics: readonly MetricInfo[], cases: CaseResult[], configuredModel: string | undefined): { metrics: MetricInfo[]; cases: CaseResult[] } {
  const cost = metrics.filter((metric) => metric.metric === 'cost');
  const unpriced = cost.length ? unpricedModels(cases, configuredModel) : [];
  if (unpriced.length === 0) return { metrics: [...metrics], cases };
  const names = new Set(cost.map((metric) => metric.name));
  const shown = unpriced.slice(0, 3).map((model) => `"${model}"`).join(', ');
  const note = `no price for model ${shown}: gating tokens (prompt + completion) instead of USD — add the model under the cost evaluator's \`prices:\` to gate dollars`;
  return {
    metrics: metrics.map((metric) => (names.has(metric.name) ? { ...metric, scale: TOKENS, configHash: shortHash({ config: metric.configHash ?? null, unit: 'tokens' }), note } : metric)),
    cases: cases.map((testCase) => ({
      ...testCase,
      samples: testCase.samples.map((sample) => ({ ...sample, scores: Object.fromEntries(Object.entries(sample.scores).filter(([name]) => !names.has(name))) })),
    })),
  };
}
