import betaDistribution from '@stdlib/random-base-beta';
import { mulberry32 } from '../src/compare/rng.js';
import type { MetricInfo, ResultsFile, SampleResult } from '../src/results/types.js';

/** Simulated suites: per-case success probabilities from a Beta, samples from them. */
export type Kind = 'binary' | 'judge';

export interface Scenario {
  kind: Kind;
  cases: number;
  repeat: number;
  /** True drop of the mean score, in points of the 0–1 scale (0 = A/A). */
  drop: number;
}

export const METRIC: Record<Kind, MetricInfo> = {
  binary: { name: 'exact', metric: 'contains', family: 'quality', scale: { kind: 'binary' }, direction: 'higher-is-better', gate: {}, configHash: 'b' },
  judge: { name: 'judge', metric: 'relevance', family: 'quality', scale: { kind: 'likert', min: 1, max: 5 }, direction: 'higher-is-better', gate: {}, configHash: 'j' },
};

export function simulator(seed: number) {
  const random = mulberry32(seed);
  /** Beta with mean m and concentration 5: suites differ in how hard they are. */
  const draw = betaDistribution.factory({ seed });
  const beta = (m: number) => draw(m * 5, (1 - m) * 5);
  const sample = (kind: Kind, p: number): number => {
    if (kind === 'binary') return random() < p ? 1 : 0;
    let successes = 0;
    for (let trial = 0; trial < 4; trial += 1) if (random() < p) successes += 1;
    return 1 + successes;
  };
  function run(scenario: Scenario, probabilities: Float64Array, shift: number): ResultsFile {
    const metric = METRIC[scenario.kind];
    const cases = Array.from(probabilities, (p, index) => {
      const q = Math.max(0, p - shift);
      const samples: SampleResult[] = Array.from({ length: scenario.repeat }, () => ({
        output: '', usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latencyMs: 0, scores: { [metric.name]: { status: 'ok', value: sample(scenario.kind, q) } },
      }));
      return { id: `c${index}`, hash: `h${index}`, inputs: {}, samples };
    });
    return {
      format: 'evalgate-results', version: 2, tool: { name: 'evalgate', version: 'bench' }, run: { date: '', models: [], durationMs: 0 },
      suites: [{ name: 's', file: 's', hash: 's', flow: { kind: 'sim' }, repeat: scenario.repeat, status: 'ran', alpha: 0.05, tolerance: 0.05, metrics: [metric], cases }],
    };
  }
  /** A baseline run and a PR run of the same suite; the PR's true mean is `drop` lower. */
  return (scenario: Scenario): [ResultsFile, ResultsFile] => {
    // Each simulated suite has its own difficulty: mean success 0.60–0.95, as real suites do.
    const suiteMean = 0.6 + random() * 0.35;
    const probabilities = Float64Array.from({ length: scenario.cases }, () => beta(suiteMean));
    // Every case's probability drops by `drop` (clipped at 0), so the mean drops by about it.
    return [run(scenario, probabilities, 0), run(scenario, probabilities, scenario.drop)];
  };
}

/** Mean 0–1 score of a simulated run. */
export function meanScore(results: ResultsFile, kind: Kind): number {
  const metric = METRIC[kind];
  let sum = 0;
  let count = 0;
  for (const testCase of results.suites[0]?.cases ?? []) {
    for (const sample of testCase.samples) {
      const value = sample.scores[metric.name]?.value ?? 0;
      sum += kind === 'judge' ? (value - 1) / 4 : value;
      count += 1;
    }
  }
  return sum / count;
}
