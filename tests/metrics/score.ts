import { findMetric } from '../../src/metrics/registry.js';
import type { SampleMeasures, Scale, Score, ScoreInput } from '../../src/metrics/types.js';
import type { ModelClient } from '../../src/model/types.js';

/** Scores one output with a metric from the registry, the way the evaluate stage calls it. */
export async function score(metric: string, output: string, options: Record<string, unknown> = {}, extra: Partial<ScoreInput> & { client?: ModelClient } = {}): Promise<Score> {
  const definition = findMetric(metric);
  if (!definition?.score) throw new Error(`no scored metric ${metric}`);
  return definition.score({
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
}

/** Reads a measured metric (cost, latency) from a stored sample's measurements. */
export function measure(metric: string, sample: Partial<SampleMeasures> = {}, scale?: Scale): Score {
  const definition = findMetric(metric);
  if (!definition?.measure) throw new Error(`no measured metric ${metric}`);
  return definition.measure({ usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latencyMs: 100, ...sample }, scale ?? definition.scale);
}
