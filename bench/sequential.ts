/**
 * npm run bench:sequential — stopping when the verdict is known, side by side with today's
 * fixed-N gate on the same simulated pull requests (the bench:gate simulator: 10 suites ×
 * (exact: binary, relevance: 1–5 judge, pii: harm; cost; latency), run-level latency drift, 5 %
 * transient errors), with per-case pass probabilities from Beta(0.25, 0.25), Beta(1, 1) and
 * Beta(5, 5). The engine's loop is simulated case by case: seeded order, `next`, the case run
 * with the repeat the monitor asks (its first samples are the full run's, extra samples real
 * draws from the case's true probabilities), `record`; then compare() on what ran.
 */
import { compare } from '../src/compare/index.js';
import { mulberry32, seedFrom } from '../src/compare/rng.js';
import { sequentialMonitor } from '../src/compare/sequential.js';
import type { Comparison } from '../src/compare/types.js';
import type { CaseResult, ResultsFile } from '../src/results/types.js';
import { interval } from './clopper-pearson.js';
import type { DrawablePair, Scenario } from './simulate.js';
import { prSimulator, SUITES } from './simulate.js';

const SIMULATIONS = Number(process.env.BENCH_SIMS ?? 50);

/** The seeded order of a suite's cases (the engine seeds it with the base commit's sha). */
function shuffled(ids: string[], seed: string): string[] {
  const random = mulberry32(seedFrom(seed));
  const order = [...ids];
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] as string, order[index] as string];
  }
  return order;
}

/** The engine's loop, one case at a time over the open suites (round robin), and the PR's results file it writes. */
function sequentialRun({ base, pr, draw }: DrawablePair, seed: string): { results: ResultsFile; made: number; full: number } {
  const plans = pr.suites.map((suite, index) => ({
    name: suite.name, base: base.suites[index] as ResultsFile['suites'][number], metrics: suite.metrics,
    order: shuffled(suite.cases.map((testCase) => testCase.id), `${seed}:${suite.name}`), repeat: suite.repeat,
  }));
  const monitor = sequentialMonitor(plans, { enabled: true, seed });
  const ran = plans.map(() => [] as CaseResult[]);
  const open = new Set(plans.map((_, index) => index));
  while (open.size) {
    for (const index of [...open]) {
      const plan = plans[index] as (typeof plans)[number];
      const step = monitor.next(plan.name);
      if (step.action === 'stop') {
        open.delete(index);
        continue;
      }
      const id = plan.order[(ran[index] as CaseResult[]).length] as string;
      const full = (pr.suites[index] as ResultsFile['suites'][number]).cases.find((testCase) => testCase.id === id) as CaseResult;
      const position = Number(id.slice(1));
      const extra = Array.from({ length: (step.repeat ?? plan.repeat) - plan.repeat }, () => draw(index, position));
      const result = { ...full, samples: [...full.samples, ...extra] };
      (ran[index] as CaseResult[]).push(result);
      monitor.record(plan.name, result);
    }
  }
  const suites = pr.suites.map((suite, index) => ({ ...suite, cases: ran[index] as CaseResult[], sequential: monitor.outcome(suite.name) }));
  return {
    results: { ...pr, suites },
    made: suites.reduce((sum, suite) => sum + suite.sequential.calls.made, 0),
    full: suites.reduce((sum, suite) => sum + suite.sequential.calls.full, 0),
  };
}

/** Borderline: a WARN, or a gating test whose adjusted p lies within ×2 of α or of the warn level 2α. */
function borderline(comparison: Comparison): boolean {
  const { alpha } = comparison.family;
  return comparison.verdict === 'warn' || comparison.suites.some((suite) => suite.metrics.some((metric) => metric.gating && metric.pHolm !== null && metric.pHolm > alpha / 2 && metric.pHolm <= 4 * alpha));
}

interface Row {
  label: string;
  shape: string;
  scenario: Scenario;
}

const SHAPES = [
  { shape: 'Beta(0.25, 0.25)', concentration: 0.5 },
  { shape: 'Beta(1, 1)', concentration: 2 },
  { shape: 'Beta(5, 5)', concentration: 10 },
];

const ROWS: Row[] = [
  ...SHAPES.flatMap(({ shape, concentration }): Row[] => [
    { label: 'unchanged', shape, scenario: { cases: 200, repeat: 1, drop: 0, dropMetric: 'exact', primary: true, concentration, quality: 0.5 } },
    { label: '−10 pts exact: binary, primary', shape, scenario: { cases: 200, repeat: 1, drop: 0.1, dropMetric: 'exact', primary: true, concentration, quality: 0.5 } },
  ]),
  { label: '−10 pts relevance: 1–5 judge, primary', shape: 'Beta(1, 1)', scenario: { cases: 200, repeat: 1, drop: 0.1, dropMetric: 'relevance', primary: true, concentration: 2, quality: 0.5 } },
  // One primary test in the whole PR: the team marks the metric that matters in the suite that matters.
  ...SHAPES.flatMap(({ shape, concentration }): Row[] => [
    { label: 'unchanged, one primary test (in one suite)', shape, scenario: { cases: 200, repeat: 1, drop: 0, dropMetric: 'exact', primary: 'dropped-suite', concentration, quality: 0.5 } },
    { label: '−10 pts exact: binary, the one primary test', shape, scenario: { cases: 200, repeat: 1, drop: 0.1, dropMetric: 'exact', primary: 'dropped-suite', concentration, quality: 0.5 } },
  ]),
];

const ONLY = process.env.BENCH_ROWS?.split(',').flatMap((part) => {
  const [from, to] = part.split('-').map(Number) as [number, number | undefined];
  return Array.from({ length: (to ?? from) - from + 1 }, (_, index) => from + index);
});

console.log(`Sequential gate benchmark: ${SIMULATIONS} simulated PRs per row, each ${SUITES} suites × (exact: binary, relevance: 1–5 judge, pii: binary harm; cost; latency report-only), N = 200, k = 1,`);
console.log('per-case pass probabilities ~ Beta (mean 0.5); the dropped metric primary in every suite (rows 1–7) or in the dropped suite only (the last 6: one primary test in the PR); latency drift ×exp(N(0, 0.15)) per run; 5 % transient errors. Same PRs, same first samples, for both gates.\n');
console.log('| PR | per-case p | fixed-N FAIL | fixed-N WARN | sequential FAIL | sequential WARN | calls (sequential / full) | same FAIL verdict where neither is borderline |');
console.log('|---|---|---|---|---|---|---|---|');
const started = performance.now();
let seed = 101;
for (const [row, { label, shape, scenario }] of ROWS.entries()) {
  const simulate = prSimulator(seed++);
  if (ONLY && !ONLY.includes(row)) continue;
  const counts = { fixedFail: 0, fixedWarn: 0, fail: 0, warn: 0, made: 0, full: 0, clear: 0, agree: 0 };
  for (let run = 0; run < SIMULATIONS; run += 1) {
    const pair = simulate(scenario, run % SUITES);
    const fixed = compare(pair.base, pair.pr);
    const sequential = sequentialRun(pair, `bench-${row}-${run}`);
    const stopped = compare(pair.base, sequential.results);
    counts.fixedFail += fixed.verdict === 'fail' ? 1 : 0;
    counts.fixedWarn += fixed.verdict === 'warn' ? 1 : 0;
    counts.fail += stopped.verdict === 'fail' ? 1 : 0;
    counts.warn += stopped.verdict === 'warn' ? 1 : 0;
    counts.made += sequential.made;
    counts.full += sequential.full;
    if (!borderline(fixed) && !borderline(stopped)) {
      counts.clear += 1;
      if ((fixed.verdict === 'fail') === (stopped.verdict === 'fail')) counts.agree += 1;
    }
  }
  console.log(`| ${label} | ${shape} | ${interval(counts.fixedFail, SIMULATIONS)} | ${interval(counts.fixedWarn, SIMULATIONS)} | ${interval(counts.fail, SIMULATIONS)} | ${interval(counts.warn, SIMULATIONS)} | ${((counts.made / counts.full) * 100).toFixed(1)}% | ${interval(counts.agree, counts.clear)} of ${counts.clear} |`);
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s wall for ${ROWS.length} rows × ${SIMULATIONS} PRs)`);
