/**
 * npm run bench:scale — scale and cost, measured in one run against the loopback OpenAI server:
 * wall time vs the physical limit at concurrency 20 and 100 (100 ms per call, the provider in its
 * own process; bare `fetch` measured against it in the same run), a cached re-run,
 * 10 suites × 100 vs one 1,000-case suite, 8 shards merged vs unsharded, and 1,000,000 cases
 * through the pipeline (a trivial in-process flow, deterministic metric) with its peak RSS, then
 * its results file read back streamed and as one string, each in a child of its own.
 * BENCH_MILLION=200000 scales the last ones down.
 */
import { fork } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compare } from '../src/compare/index.js';
import { mapLimit } from '../src/core/pool.js';
import { runEvaluation } from '../src/engine/run-evaluation.js';
import type { EvaluationOptions } from '../src/engine/options.js';
import { openScoring } from '../src/evaluate/evaluate.js';
import { appFailure } from '../src/flows/failure-kind.js';
import type { Flow } from '../src/flows/types.js';
import { resultsDocument, ranSuite } from '../src/results/build.js';
import { parseResultsFile, readResultsFile, writeResultsFile } from '../src/results/io.js';
import { mergeShards } from '../src/results/merge-shards.js';
import type { ResultsFile } from '../src/results/types.js';
import { runCase } from '../src/runner/run-cases.js';
import type { Suite } from '../src/suites/types.js';
import { startProvider, writeSuite } from './loopback.js';

const LATENCY_MS = 100;
const CASES = 1000;

function timeless(results: ResultsFile): unknown {
  return {
    ...results,
    run: { ...results.run, date: '', durationMs: 0 },
    suites: results.suites.map((suite) => ({ ...suite, cases: suite.cases.map((testCase) => ({ ...testCase, samples: testCase.samples.map((sample) => ({ ...sample, latencyMs: 0 })) })) })),
  };
}

/** The same calls with bare fetch and no SDK: what this machine and the loopback server allow. */
async function rawFetch(url: string, concurrency: number): Promise<number> {
  const started = performance.now();
  await mapLimit(Array.from({ length: CASES }, (_, index) => index), concurrency, async (index) => {
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Answer briefly.' }, { role: 'user', content: `raw ${index}` }] });
    const response = await fetch(`${url}/chat/completions`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' } });
    await response.json();
  });
  return performance.now() - started;
}

async function onlineBenchmarks(): Promise<string[]> {
  const server = await startProvider(LATENCY_MS);
  const base = (cwd: string, concurrency: number, more: Partial<EvaluationOptions> = {}): EvaluationOptions => ({
    suites: ['*.eval.yaml'], cwd, apiKey: 'sk-bench', baseUrl: server.url, concurrency, cache: false, ...more,
  });
  const timed = async (options: EvaluationOptions) => {
    const started = performance.now();
    const results = await runEvaluation(options);
    return { ms: performance.now() - started, results };
  };
  const lines: string[] = [];
  const one = mkdtempSync(join(tmpdir(), 'bench-scale-one-'));
  writeSuite(one, 'big', CASES);
  await timed(base(one, 20)); // warm-up: SDK import, connections

  for (const concurrency of [20, 100]) {
    const physical = (CASES * LATENCY_MS) / concurrency;
    const raw = await rawFetch(server.url, concurrency);
    const { ms } = await timed(base(one, concurrency));
    lines.push(
      `| ${CASES} cases × ${LATENCY_MS} ms, concurrency ${concurrency} | ${(ms / 1000).toFixed(2)} s vs physical limit ${(physical / 1000).toFixed(2)} s (bare \`fetch\` at the same concurrency: ${(raw / 1000).toFixed(2)} s, ×${(raw / physical).toFixed(2)}) | **×${(ms / physical).toFixed(2)}** |`,
    );
  }

  const cached = mkdtempSync(join(tmpdir(), 'bench-scale-cache-'));
  writeSuite(cached, 'cached', CASES, 'cache: true\n');
  appendFileSync(join(cached, 'cached.eval.yaml'), '  - { metric: relevance }\n');
  const first = await timed(base(cached, 100, { cache: true }));
  const before = await server.requests();
  const second = await timed(base(cached, 100, { cache: true }));
  const calls = (await server.requests()) - before;
  lines.push(`| re-run of an unchanged \`cache: true\` suite (${CASES} flow + ${CASES} judge calls) | first ${(first.ms / 1000).toFixed(2)} s, re-run ${(second.ms / 1000).toFixed(2)} s; cache ${second.results.run.cache?.hits} hits / ${second.results.run.cache?.misses} misses | **${calls} model calls** |`);

  const ten = mkdtempSync(join(tmpdir(), 'bench-scale-ten-'));
  for (let index = 0; index < 10; index += 1) writeSuite(ten, `part${index}`, CASES / 10);
  const single = await timed(base(one, 20));
  const split = await timed(base(ten, 20));
  lines.push(`| 10 suites × ${CASES / 10} vs one ${CASES}-case suite, concurrency 20 | ${(split.ms / 1000).toFixed(2)} s vs ${(single.ms / 1000).toFixed(2)} s | **×${(split.ms / single.ms).toFixed(2)}** |`);

  const shardTimes: number[] = [];
  const shards: ResultsFile[] = [];
  for (let index = 1; index <= 8; index += 1) {
    const shard = await timed(base(one, 20, { shard: { index, count: 8 } }));
    shardTimes.push(shard.ms);
    shards.push(shard.results);
  }
  const merged = mergeShards(shards.map((results, index) => ({ label: `shard-${index + 1}`, results })));
  const identical = JSON.stringify(timeless(merged)) === JSON.stringify(timeless(single.results));
  const sameComparison = JSON.stringify(compare(single.results, merged).verdict) === JSON.stringify(compare(single.results, single.results).verdict);
  lines.push(`| 8 shards (concurrency 20 each) merged vs unsharded | slowest shard ${(Math.max(...shardTimes) / 1000).toFixed(2)} s vs ${(single.ms / 1000).toFixed(2)} s unsharded | **${identical && sameComparison ? 'identical' : 'DIFFERENT'}** |`);
  server.close();
  return lines;
}

/** The million-case run, alone in a child process so its peak RSS is its own. */
async function millionCases(count: number): Promise<void> {
  const suite: Suite = {
    name: 'million', file: 'million.eval.yaml', dir: '.', hash: 'h', repeat: 1, cache: false, mode: 'online',
    flow: { kind: 'command', argv: ['-'], timeoutMs: 1000, env: {} },
    cases: Array.from({ length: count }, (_, index) => ({ id: `c${index}`, vars: { q: `q${index % 1000}`, a: index % 3 ? `q${index % 1000}` : 'other' }, source: { file: 'million.jsonl' } })),
    evaluators: [{ name: 'equals', metric: 'equals', options: { expected: '{{a}}' } }],
    gate: { alpha: 0.05, tolerance: 0.05, metrics: {} },
  };
  const flow: Flow = {
    kind: 'in-process',
    needsModel: false,
    failureKind: appFailure,
    invoke: async (vars) => ({ output: String(vars.q), usage: { prompt: 3, completion: 1, cached: 0, reasoning: 0 }, latency: { totalMs: 0 } }),
  };
  const started = performance.now();
  // What the engine does per suite: each case run, then scored at once.
  const scoring = openScoring(suite, { client: undefined, judgeModel: 'none', concurrency: 64 });
  const cases = await mapLimit(suite.cases, 64, async (testCase) => scoring.evaluateCase(await runCase(testCase, flow, { repeat: 1, timeoutMs: 1000 })));
  await scoring.close();
  const results = resultsDocument({ date: new Date().toISOString(), durationMs: 0 }, [ranSuite({ name: suite.name, file: suite.file, hash: suite.hash, flow: { kind: 'in-process' }, repeat: 1, alpha: 0.05, tolerance: 0.05, metrics: [] }, cases)]);
  const path = join(mkdtempSync(join(tmpdir(), 'bench-million-')), 'results.json');
  await writeResultsFile(path, results);
  const ms = performance.now() - started;
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
  process.send?.({ count, ms, rssMiB, heapMiB, bytes: statSync(path).size, path });
}

/** The results file read back, alone in a child process: streamed (readResultsFile) or as one string (the old path). */
async function readBack(how: 'streamed' | 'whole', path: string): Promise<void> {
  const started = performance.now();
  const results = how === 'streamed' ? await readResultsFile(path) : parseResultsFile(await readFile(path, 'utf8'), path);
  const ms = performance.now() - started;
  process.send?.({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, cases: results.suites[0]?.cases.length });
}

/** Runs this script in a child with `args`; its one message, or why it failed. */
function child<T>(args: string[]): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const forked = fork(process.argv[1] as string, args, { execArgv: process.execArgv, stdio: ['inherit', 'inherit', 'pipe', 'ipc'] });
    let stderr = '';
    forked.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk}`.slice(-2000)));
    forked.on('message', (message) => resolvePromise(message as T));
    forked.on('exit', (code) => (code ? reject(new Error(`exited with ${code}: ${stderr.trim().split('\n').find((line) => /Error|heap/.test(line)) ?? ''}`)) : undefined));
  });
}

type ReadBack = { ms: number; rssMiB: number; cases: number };
const readBackText = (read: ReadBack | Error): string => (read instanceof Error ? `failed (${read.message})` : `${(read.ms / 1000).toFixed(1)} s, peak RSS ${read.rssMiB.toFixed(0)} MiB`);

async function main(): Promise<void> {
  if (process.argv[2] === 'million') return millionCases(Number(process.argv[3]));
  if (process.argv[2] === 'read-back') return readBack(process.argv[3] === 'streamed' ? 'streamed' : 'whole', process.argv[4] as string);
  const lines = await onlineBenchmarks();
  const count = Number(process.env.BENCH_MILLION ?? 1_000_000);
  const million = await child<{ count: number; ms: number; rssMiB: number; heapMiB: number; bytes: number; path: string }>(['million', String(count)]);
  lines.push(`| ${million.count.toLocaleString('en')} cases, latency 0, deterministic metric, results written | ${(million.ms / 1000).toFixed(1)} s, results file ${(million.bytes / 2 ** 20).toFixed(0)} MiB, live heap at the end ${million.heapMiB.toFixed(0)} MiB | **peak RSS ${million.rssMiB.toFixed(0)} MiB** |`);
  const streamed = await child<ReadBack>(['read-back', 'streamed', million.path]).catch((error: Error) => error);
  const whole = await child<ReadBack>(['read-back', 'whole', million.path]).catch((error: Error) => error);
  rmSync(dirname(million.path), { recursive: true, force: true });
  const result = streamed instanceof Error ? '**streamed read failed**' : `**streamed: peak RSS ${streamed.rssMiB.toFixed(0)} MiB, ${streamed.cases.toLocaleString('en')} cases**`;
  lines.push(`| reading back the ${million.count.toLocaleString('en')}-case results file, each in its own process | streamed (\`readResultsFile\`): ${readBackText(streamed)}; whole text (\`parseResultsFile(readFile(…))\`): ${readBackText(whole)} | ${result} |`);
  console.log('| benchmark | measured | result |\n|---|---|---|');
  for (const line of lines) console.log(line);
}

await main();
