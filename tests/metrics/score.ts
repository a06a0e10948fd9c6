import { findMetric, openScorer } from '../../src/metrics/registry.js';
import type { SampleMeasures, Scale, Score, ScoreInput } from '../../src/metrics/types.js';
import type { ModelClient } from '../../src/model/types.js';

/** Scores one output with a metric from the registry, the way the evaluate stage calls it: a scorer opened, used once, closed. */
export async function score(metric: string, output: string, options: Record<string, unknown> = {}, extra: Partial<ScoreInput> & { client?: ModelClient } = {}): Promise<Score> {
  const definition = findMetric(metric);
  if (!definition || definition.measure) throw new Error(`no scored metric ${metric}`);
  const scorer = openScorer(definition, options, { suiteDir: extra.suiteDir ?? '.' });
  try {
    return await scorer.score({
      output,
      vars: {},
      options,
      usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 },
      latency: { totalMs: 100 },
      model: undefined,
      client: undefined,
      judgeModel: 'gpt-4o-mini',
      suiteDir: '.',
      ...extra,
    });
  } finally {
    await scorer.close?.();
  }
}

/** Reads a measured metric (cost, latency) from a stored sample's measurements. */
export function measure(metric: string, sample: Partial<SampleMeasures> = {}, scale?: Scale): Score {
  const definition = findMetric(metric);
  if (!definition?.measure) throw new Error(`no measured metric ${metric}`);
  return definition.measure({ usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latencyMs: 100, ...sample }, scale ?? definition.scale);
}
