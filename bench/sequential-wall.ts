/**
 * npm run bench:sequential-wall — a pull request that stops once its verdict is known spends wall
 * time in proportion to the calls it makes: wall time / (calls × latency / concurrency) on the
 * loopback provider (its own process, a fixed latency per call), for a full run and for PR runs
 * that stop early — every suite watched, and watched suites next to one the base never stored
 * (which runs every case and takes the stopped suites' slots). BENCH_CASES, BENCH_LATENCY_MS and
 * BENCH_CONCURRENCY scale it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEvaluation } from '../src/engine/run-evaluation.js';
import type { EvaluationOptions } from '../src/engine/options.js';
import type { ResultsFile } from '../src/results/types.js';
import { startProvider, writeSuite } from './loopback.js';

const CASES = Number(process.env.BENCH_CASES ?? 500);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

const server = await startProvider(LATENCY_MS);
const options = (cwd: string, more: Partial<EvaluationOptions> = {}): EvaluationOptions => ({
  suites: ['*.eval.yaml'], cwd, apiKey: 'sk-bench', baseUrl: server.url, concurrency: CONCURRENCY, cache: false, commit: 'base-sha', ...more,
});

/** One run: its wall time, the calls the provider received, and their ratio to calls × latency / concurrency. */
async function measured(label: string, run: EvaluationOptions): Promise<{ ratio: number; cells: string; results: ResultsFile }> {
  const before = await server.requests();
  const started = performance.now();
  const results = await runEvaluation(run);
  const ms = performance.now() - started;
  const calls = (await server.requests()) - before;
  const ideal = (calls * LATENCY_MS) / CONCURRENCY;
  const stops = results.suites.flatMap((suite) => (suite.sequential?.stopped ? [`${suite.name} ${suite.sequential.ran}/${suite.sequential.of}`] : []));
  return { results, ratio: ms / ideal, cells: `| ${label} | ${calls} | ${(ms / 1000).toFixed(2)} s | ${(ideal / 1000).toFixed(2)} s | ×${(ms / ideal).toFixed(2)} | ${stops.join(', ') || '—'} |` };
}

const watched = mkdtempSync(join(tmpdir(), 'bench-seq-wall-'));
for (const name of ['qa', 'chat']) writeSuite(watched, name, CASES);
await runEvaluation(options(watched)); // warm-up: SDK import, connections
const full = await measured(`full run, 2 suites × ${CASES}`, options(watched));
const stopping = await measured(`PR run, 2 suites × ${CASES}, both watched`, options(watched, { sequential: { base: full.results, seed: 'base-sha' } }));
writeSuite(watched, 'fresh', CASES / 5);
const mixed = await measured(`PR run, the same + a new suite of ${CASES / 5} (runs every case)`, options(watched, { sequential: { base: full.results, seed: 'base-sha' } }));
server.close();

console.log(`Wall time against calls × ${LATENCY_MS} ms / concurrency ${CONCURRENCY} (loopback provider, its own process):\n`);
// The full run's ratio is what this machine allows right now (a loaded one is above ×1): a stopping
// run keeps the pool as full as a full run when its ratio is the same.
console.log('| run | calls | wall | calls × latency / concurrency | ratio | stopped | ratio ÷ the full run\'s |');
console.log('|---|---:|---:|---:|---:|---|---:|');
for (const row of [full, stopping, mixed]) console.log(`${row.cells} **×${(row.ratio / full.ratio).toFixed(2)}** |`);
