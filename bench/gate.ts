/**
 * npm run bench:gate — the gate judged per pull request: simulated PRs of 10 suites × (3 gating
 * metrics + cost + latency), several Beta shapes, run-level latency drift, transient errors.
 * Unchanged PRs (false FAIL / WARN), a 10-pt drop in one metric of one suite (detection), a
 * judge outage; and, for the drops, the detection by Beta shape of the dropped suite and a
 * reference: the same test run alone on the dropped metric.
 */
import { compare } from '../src/compare/index.js';
import type { ResultsFile } from '../src/results/types.js';
import type { Scenario } from './simulate.js';
import { CONCENTRATIONS, LATENCY_DRIFT_SD, prSimulator, SUITES } from './simulate.js';

const SIMULATIONS = Number(process.env.BENCH_SIMS ?? 100);

/**
 * The dropped metric of the dropped suite tested alone at `alpha`: at α it is the ceiling no
 * PR-wide gate reaches (it knows where to look); at α/m it is Bonferroni's share, what a gate
 * with the same PR-wide false-fail rate can give one metric when nothing else moved.
 */
function reference(base: ResultsFile, pr: ResultsFile, scenario: Scenario, dropSuite: number, alpha: number): boolean {
  const only = (results: ResultsFile): ResultsFile => {
    const suite = results.suites[dropSuite];
    if (!suite) throw new Error('no such suite');
    return { ...results, suites: [{ ...suite, alpha, metrics: suite.metrics.filter((metric) => metric.name === scenario.dropMetric) }] };
  };
  return compare(only(base), only(pr)).verdict === 'fail';
}

interface Row {
  label: string;
  scenario: Scenario;
}

const ROWS: Row[] = [
  { label: 'unchanged', scenario: { cases: 50, repeat: 1, drop: 0, dropMetric: 'exact' } },
  { label: 'unchanged', scenario: { cases: 200, repeat: 1, drop: 0, dropMetric: 'exact' } },
  { label: 'unchanged', scenario: { cases: 200, repeat: 3, drop: 0, dropMetric: 'exact' } },
  { label: '−10 pts binary', scenario: { cases: 200, repeat: 1, drop: 0.1, dropMetric: 'exact' } },
  { label: '−10 pts binary', scenario: { cases: 200, repeat: 3, drop: 0.1, dropMetric: 'exact' } },
  { label: '−10 pts judge 1–5', scenario: { cases: 200, repeat: 1, drop: 0.1, dropMetric: 'relevance' } },
  { label: 'unchanged, consistent flows (concentration 0.25)', scenario: { cases: 200, repeat: 1, drop: 0, dropMetric: 'exact', concentration: 0.25 } },
  { label: '−10 pts binary, consistent flows (concentration 0.25)', scenario: { cases: 200, repeat: 1, drop: 0.1, dropMetric: 'exact', concentration: 0.25 } },
  { label: '−10 pts binary, primary metric', scenario: { cases: 200, repeat: 1, drop: 0.1, dropMetric: 'exact', primary: true } },
  { label: 'unchanged, primary metric', scenario: { cases: 200, repeat: 1, drop: 0, dropMetric: 'exact', primary: true } },
  { label: 'unchanged, deterministic flows (evidence in the baseline)', scenario: { cases: 40, repeat: 1, drop: 0, dropMetric: 'exact', deterministic: true } },
  { label: '3 of 40 answers broken, deterministic flows (evidence in the baseline)', scenario: { cases: 40, repeat: 1, drop: 0, dropMetric: 'exact', deterministic: true, broken: 3 } },
  { label: 'judge outage (all suites)', scenario: { cases: 200, repeat: 1, drop: 0, dropMetric: 'exact', judgeOutage: 'all' } },
  { label: 'judge outage, answer-dependent (all suites)', scenario: { cases: 200, repeat: 1, drop: 0, dropMetric: 'exact', judgeOutage: 'answer-dependent' } },
];

/** `BENCH_ROWS=2,5-7`: only these rows (0-based), to split a run over several processes. */
const ONLY = process.env.BENCH_ROWS?.split(',').flatMap((part) => {
  const [from, to] = part.split('-').map(Number) as [number, number | undefined];
  return Array.from({ length: (to ?? from) - from + 1 }, (_, index) => from + index);
});

const pct = (count: number) => `${((count / SIMULATIONS) * 100).toFixed(1)}%`;

console.log(`Gate benchmark, per pull request: ${SIMULATIONS} simulated PRs per row, each ${SUITES} suites × (exact: binary, relevance: 1–5 judge, pii: binary harm defect; cost; latency).`);
console.log(`Per-case success probabilities ~ Beta(mean 0.60–0.95 per suite, concentration ${CONCENTRATIONS.join(' / ')} by suite); harm defect rates 2–10 %; per-case cost lognormal σ = 1, latency σ = 0.5;`);
console.log(`every run has its own latency drift ×exp(N(0, ${LATENCY_DRIFT_SD})); 5 % of samples fail transiently (HTTP 503). Latency is report-only (default); the family is every other gating test.`);
console.log(`Monte-Carlo standard error: ±${(Math.sqrt(0.05 * 0.95 / SIMULATIONS) * 100).toFixed(1)} pts at 5 %, ±${(Math.sqrt(0.2 * 0.8 / SIMULATIONS) * 100).toFixed(1)} pts at 80 %.\n`);
console.log(`| PR | N | k | FAIL | WARN (not FAIL) | PASS | incomplete (not compared) | error (could not run) | tests in the family (m) | FAIL by the dropped suite's concentration (${CONCENTRATIONS.join(' / ')}) | reference: dropped metric alone at α/m | ceiling: alone at α |`);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const started = performance.now();
const footnotes: string[] = [];
let seed = 1;
for (const [row, { label, scenario }] of ROWS.entries()) {
  const simulate = prSimulator(seed++);
  if (ONLY && !ONLY.includes(row)) continue;
  const counts = { fail: 0, warn: 0, pass: 0, incomplete: 0, error: 0 };
  let referenceFails = 0;
  let ceilingFails = 0;
  let familySize = 0;
  let judgeFails = 0;
  let named = 0;
  let noiseFree = 0;
  const byShape = CONCENTRATIONS.map(() => ({ fail: 0, runs: 0 }));
  for (let run = 0; run < SIMULATIONS; run += 1) {
    const dropSuite = run % SUITES;
    const { base, pr } = simulate(scenario, dropSuite);
    const comparison = compare(base, pr);
    counts[comparison.verdict] += 1;
    const shape = byShape[scenario.concentration === undefined ? dropSuite % CONCENTRATIONS.length : 0] as { fail: number; runs: number };
    shape.runs += 1;
    if (comparison.verdict === 'fail') shape.fail += 1;
    familySize = comparison.family.tests;
    if (comparison.suites.some((suite) => suite.metrics.some((metric) => metric.name === 'relevance' && metric.status === 'fail'))) judgeFails += 1;
    if (/HTTP 401|HTTP 503 overloaded/.test(comparison.headline)) named += 1;
    if (comparison.suites.some((suite) => suite.regime?.kind === 'noise-free')) noiseFree += 1;
    if (scenario.drop > 0) {
      if (reference(base, pr, scenario, dropSuite, comparison.family.alpha / Math.max(1, familySize))) referenceFails += 1;
      if (reference(base, pr, scenario, dropSuite, comparison.family.alpha)) ceilingFails += 1;
    }
  }
  const refs = scenario.drop > 0 ? `${pct(referenceFails)} | ${pct(ceilingFails)}` : '— | —';
  const shapes = scenario.concentration !== undefined ? `all ${scenario.concentration}` : scenario.drop > 0 ? byShape.map(({ fail, runs }) => `${((fail / Math.max(1, runs)) * 100).toFixed(0)}%`).join(' / ') : '—';
  console.log(`| ${label} | ${scenario.cases} | ${scenario.repeat} | ${pct(counts.fail)} | ${pct(counts.warn)} | ${pct(counts.pass)} | ${pct(counts.incomplete)} | ${pct(counts.error)} | ${familySize} | ${shapes} | ${refs} |`);
  if (scenario.deterministic) footnotes.push(`${label}: the noise-free regime applied in ${noiseFree} of ${SIMULATIONS} PRs.`);
  if (scenario.judgeOutage) footnotes.push(`${label}: the errored judge metric FAILed in ${judgeFails} of ${SIMULATIONS} PRs; the verdict line named the judge's error in ${named}; any FAIL comes from the other, unchanged metrics (the background false-fail rate).`);
}
console.log(`\n${footnotes.join('\n')}`);
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s wall, ${(process.cpuUsage().user / 1e6).toFixed(0)} s CPU, for ${ROWS.length} rows × ${SIMULATIONS} PRs)`);
