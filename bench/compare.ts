/**
 * npm run bench:compare — compare() on 100,000 cases × 5 metrics (binary, unit, likert,
 * cost, latency), against the floor any comparison must pay: one pass over the same data
 * computing each metric's mean.
 */
import { compare } from '../src/compare/index.js';
import { mulberry32 } from '../src/compare/rng.js';
import type { MetricInfo, ResultsFile } from '../src/results/types.js';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
/** The scored metrics; cost and latency are measured on each sample. */
const SCORED: MetricInfo[] = [
  { name: 'exact', metric: 'contains', family: 'quality', scale: { kind: 'binary' }, direction: 'higher-is-better', gate: {}, configHash: '1' },
  { name: 'f1', metric: 'f1', family: 'quality', scale: { kind: 'unit' }, direction: 'higher-is-better', gate: {}, configHash: '2' },
  { name: 'groundedness', metric: 'groundedness', family: 'honesty', scale: { kind: 'likert', min: 1, max: 5 }, direction: 'higher-is-better', gate: {}, configHash: '3' },
];
const COST: MetricInfo = { name: 'cost', metric: 'cost', family: 'cost', scale: { kind: 'amount', unit: 'usd' }, direction: 'lower-is-better', gate: {}, configHash: '4' };
const LATENCY: MetricInfo = { name: 'latency', metric: 'latency', family: 'latency', scale: { kind: 'amount', unit: 'ms' }, direction: 'lower-is-better', gate: {}, configHash: '5' };
const METRICS = [...SCORED, COST, LATENCY];

function run(seed: number): ResultsFile {
  const random = mulberry32(seed);
  const value = (metric: MetricInfo) =>
    metric.scale.kind === 'binary' ? (random() < 0.8 ? 1 : 0) : metric.scale.kind === 'likert' ? 1 + Math.floor(random() * 5) : metric.name === 'cost' ? random() / 1000 : metric.name === 'latency' ? 200 + random() * 300 : random();
  const cases = Array.from({ length: CASES }, (_, index) => ({
    id: `case-${index}`,
    hash: `h${index}`,
    inputs: { question: `q${index}` },
    samples: [{
      output: 'answer', usage: { prompt: 100, completion: 20, cached: 0, reasoning: 0 }, latencyMs: value(LATENCY), costUsd: value(COST),
      scores: Object.fromEntries(SCORED.map((metric) => [metric.name, { status: 'ok' as const, value: value(metric) }])),
    }],
  }));
  return {
    format: 'evalgate-results', version: 2, tool: { name: 'evalgate', version: 'bench' }, run: { date: '', models: [], durationMs: 0 },
    suites: [{ name: 'big', file: 'big', hash: 'b', flow: { kind: 'sim' }, repeat: 1, status: 'ran', alpha: 0.05, tolerance: 0.05, metrics: METRICS, cases }],
  };
}

function meansOnly(results: ResultsFile): number[] {
  return METRICS.map((metric) => {
    let sum = 0;
    for (const testCase of results.suites[0]?.cases ?? []) {
      const sample = testCase.samples[0];
      sum += (metric === COST ? sample?.costUsd : metric === LATENCY ? sample?.latencyMs : sample?.scores[metric.name]?.value) ?? 0;
    }
    return sum / CASES;
  });
}

const base = run(1);
const pr = run(2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
let started = performance.now();
const floor = meansOnly(base).concat(meansOnly(pr));
const floorMs = performance.now() - started;
const times: number[] = [];
let verdict = '';
for (let round = 0; round < ROUNDS; round += 1) {
  started = performance.now();
  verdict = compare(base, pr).verdict;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const medianMs = times[Math.floor(ROUNDS / 2)] as number;
console.log(`compare(): ${CASES.toLocaleString('en-US')} cases × ${METRICS.length} metrics in ${(medianMs / 1000).toFixed(2)} s, median of ${ROUNDS} (fastest ${((times[0] as number) / 1000).toFixed(2)} s; target < 5 s) — verdict ${verdict}`);
console.log(`floor (one pass computing the means of both runs): ${floorMs.toFixed(0)} ms → compare() costs ×${(medianMs / floorMs).toFixed(0)} the floor (${floor.length} means)`);
