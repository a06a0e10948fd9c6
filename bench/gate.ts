/**
 * npm run bench:gate — false-fail rate on A/A pairs and detection rate of true 5- and 10-point
 * drops, for EvalGate's rule and the anchors' rules, measured side by side on the same
 * simulated suites.
 */
import { compare } from '../src/compare/index.js';
import type { Kind, Scenario } from './simulate.js';
import { meanScore, simulator } from './simulate.js';

const SIMULATIONS = Number(process.env.BENCH_SIMS ?? 200);

type Rule = (base: number, pr: number, verdict: string) => boolean;
const RULES: [string, Rule][] = [
  ['EvalGate (paired test + Holm, tolerance 5 pts)', (_b, _p, verdict) => verdict === 'fail'],
  ['promptfoo-style: pass rate < 75 %', (_b, pr) => pr < 0.75],
  ['benchmark-action-style: mean worse by > 5 %', (base, pr) => pr < base / 1.05],
  ['naive: any drop in the mean', (base, pr) => pr < base],
];

function rates(scenario: Scenario, seed: number): number[] {
  const simulate = simulator(seed);
  const fails = RULES.map(() => 0);
  for (let run = 0; run < SIMULATIONS; run += 1) {
    const [base, pr] = simulate(scenario);
    const verdict = compare(base, pr).verdict;
    const baseMean = meanScore(base, scenario.kind);
    const prMean = meanScore(pr, scenario.kind);
    RULES.forEach(([, rule], index) => {
      if (rule(baseMean, prMean, verdict)) fails[index] = (fails[index] ?? 0) + 1;
    });
  }
  return fails.map((count) => count / SIMULATIONS);
}

const pct = (value: number | undefined) => `${((value ?? 0) * 100).toFixed(1)}%`;

console.log(`Gate benchmark: ${SIMULATIONS} simulated baseline/PR pairs per cell; each suite's mean success drawn from 0.60–0.95, per-case success probability ~ Beta with that mean (concentration 5);`);
console.log('judge scores are 1 + Binomial(4, p). A/A = no real change (false-fail rate; lower is better); −5/−10 pts = true drop (detection rate; higher is better).');
console.log(`Monte-Carlo standard error at 5 %: ±${(Math.sqrt(0.05 * 0.95 / SIMULATIONS) * 100).toFixed(1)} pts.\n`);
const started = performance.now();
const header = ['metric', 'N', 'k', ...RULES.flatMap(([name]) => [`${name}: A/A`, '−5 pts', '−10 pts'])];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
let seed = 1;
for (const kind of ['binary', 'judge'] as Kind[]) {
  for (const cases of [50, 200, 1000]) {
    for (const repeat of [1, 3]) {
      const cells = [0, 0.05, 0.1].map((drop) => rates({ kind, cases, repeat, drop }, seed++));
      const row = RULES.flatMap((_, rule) => cells.map((cell) => pct(cell[rule])));
      console.log(`| ${kind} | ${cases} | ${repeat} | ${row.join(' | ')} |`);
    }
  }
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
