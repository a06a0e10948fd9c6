/**
 * npm run bench:faults — providers that hang or break, through the real engine, the openai SDK
 * and the loopback OpenAI server (a real HTTP server on 127.0.0.1, closed after each run), each
 * figure against its goal:
 * 1. time until a provider whose every request hangs is declared down (200 cases, concurrency 16,
 *    default timeouts: 60 s per case, attempts learned below 30 s);
 * 2. cases lost with 30 % hung requests and `--timeout 3` (100 cases);
 * 3. extra requests (hedges, retries) on a healthy provider, fixed latency and a realistic spread;
 * 4. the fault mix (20 % 429, 5 % 500, 2 % hangs, 2 % malformed) against the fault-free time, at
 *    the default timeout and at `--timeout 4`.
 * BENCH_SEEDS (default 3) seeds per randomised row.
 */
import { compare } from '../src/compare/index.js';
import type { Latency } from '../tests/support/fault-mix.js';
import { ISSUE_MIX, NO_FAULTS, SPREAD, runWithFaults, tally } from '../tests/support/fault-mix.js';

const SEEDS = Number(process.env.BENCH_SEEDS ?? 3);
const seeds = Array.from({ length: SEEDS }, (_, index) => index + 1);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const spreadText = (latency: Latency) => (typeof latency === 'number' ? `${latency} ms fixed` : `log-normal, median ${latency.medianMs} ms, σ ${latency.sigma}`);

const down = await runWithFaults({ cases: 200, mix: NO_FAULTS, outage: 'hang', concurrency: 16 });
const [suite] = compare(null, down.results).suites;
console.log('1. every request hangs — 200 cases, concurrency 16, default timeouts');
console.log(`   declared down ("${suite?.outcome}") after ${seconds(down.ms)}, ${down.requests} requests (goal ≤ 60 s: ${verdict(suite?.outcome === 'could-not-run' && down.ms <= 60_000)})`);

console.log(`2. 30 % of requests hang — 100 cases, concurrency 8, --timeout 3, latency ${spreadText(SPREAD)}`);
for (const seed of seeds) {
  const run = await runWithFaults({ cases: 100, mix: { ...NO_FAULTS, hang: 0.3 }, latency: SPREAD, timeoutMs: 3000, seed });
  const counts = tally(run.results);
  console.log(`   seed ${seed}: ${counts.errored + counts.unexplained} of 100 lost, ${run.hedges} hedges, ${run.requests} requests in ${seconds(run.ms)} (goal ≤ 2: ${verdict(counts.errored + counts.unexplained <= 2)})`);
}

console.log('3. healthy provider — 300 cases, concurrency 8, default timeouts: extra requests over one per case');
for (const latency of [250, SPREAD, { medianMs: 200, sigma: 0.8 }] satisfies Latency[]) {
  for (const seed of typeof latency === 'number' ? [1] : seeds) {
    const run = await runWithFaults({ cases: 300, mix: NO_FAULTS, latency, seed });
    const extra = (run.requests - 300) / 300;
    console.log(`   ${spreadText(latency)}, seed ${seed}: +${(100 * extra).toFixed(1)} % (${run.hedges} hedges) (goal ≤ +10 %: ${verdict(extra <= 0.1)})`);
  }
}

for (const [label, timeoutMs, goal] of [['default timeout', undefined, 3], ['--timeout 4', 4000, 2]] as const) {
  console.log(`4. fault mix (20 % 429, 5 % 500, 2 % hangs, 2 % malformed) — 200 cases, concurrency 8, 250 ms latency, ${label}`);
  for (const seed of seeds) {
    const options = { cases: 200, latency: 250, seed, ...(timeoutMs ? { timeoutMs } : {}) };
    const clean = await runWithFaults({ ...options, mix: NO_FAULTS });
    const faulty = await runWithFaults({ ...options, mix: ISSUE_MIX });
    const counts = tally(faulty.results);
    const ratio = faulty.ms / clean.ms;
    console.log(
      `   seed ${seed}: fault-free ${seconds(clean.ms)}, with faults ${seconds(faulty.ms)} → ×${ratio.toFixed(2)} (goal ≤ ×${goal}: ${verdict(ratio <= goal)}); ` +
        `${counts.scored} scored, ${counts.errored} errored with a reason, ${counts.unexplained} unexplained; ${faulty.requests} requests, ${faulty.hedges} hedges`,
    );
  }
}
