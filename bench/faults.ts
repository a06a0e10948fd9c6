/**
 * npm run bench:faults — provider faults through the real engine, the openai SDK and the
 * loopback OpenAI server: the issue-10 fault mix (20 % 429, 5 % 500, 2 % hangs, 2 % malformed)
 * against the fault-free time, and how fast a provider outage is reported for 500 cases.
 */
import { compare } from '../src/compare/index.js';
import { ISSUE_MIX, NO_FAULTS, runWithFaults, tally } from '../tests/support/fault-mix.js';

const CASES = Number(process.env.BENCH_CASES ?? 200);
const SEEDS = Number(process.env.BENCH_SEEDS ?? 3);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`fault mix: ${CASES} cases, concurrency 8, 250 ms model latency, 2 s per-attempt timeout`);
for (let seed = 1; seed <= SEEDS; seed += 1) {
  const clean = await runWithFaults({ cases: CASES, mix: NO_FAULTS, latencyMs: 250, attemptTimeoutMs: 2000, timeoutMs: 30_000, seed });
  const faulty = await runWithFaults({ cases: CASES, mix: ISSUE_MIX, latencyMs: 250, attemptTimeoutMs: 2000, timeoutMs: 30_000, seed });
  const counts = tally(faulty.results);
  console.log(
    `  seed ${seed}: fault-free ${seconds(clean.ms)}, with faults ${seconds(faulty.ms)} → ×${(faulty.ms / clean.ms).toFixed(2)}; ` +
      `${counts.scored} scored, ${counts.errored} errored with a reason, ${counts.unexplained} unexplained; ${faulty.requests} requests`,
  );
}

const down = await runWithFaults({ cases: 500, mix: NO_FAULTS, outage: { status: 500, message: 'upstream connect error or disconnect/reset before headers' }, concurrency: 4 });
const [suite] = compare(null, down.results).suites;
console.log(`provider down (every request HTTP 500), 500 cases, default timeouts and retries, concurrency 4:`);
console.log(`  reported "${suite?.outcome}" after ${seconds(down.ms)}; ${down.requests} requests made (without the breaker: up to ${500 * 6})`);
