/**
 * npm run bench:promptfoo — EvalGate and promptfoo 0.123.1 side by side: the same 1,000 questions,
 * the same chat prompt and a `contains` check, against the same loopback OpenAI-protocol provider
 * (100 ms per call, a process of its own). At concurrency 20 and 100 each tool's CLI runs in a
 * child process, after one untimed 20-case warm-up each: wall time from spawn to exit, peak RSS
 * (`/usr/bin/time`), and how many requests the provider received during the run (a tool
 * answering from a cache would show fewer). Every wall time is also shown as a multiple of the
 * physical limit, cases × latency / concurrency (5 s at 20, 1 s at 100). BENCH_RUNS=N (default 1)
 * runs each measurement N times and keeps the median (on a shared machine, the best is printed
 * beside it). promptfoo is installed on demand outside the repo (BENCH_PROMPTFOO_DIR, default
 * ~/.cache/evalgate-bench/promptfoo-0.123.1); when that fails, or with BENCH_PROMPTFOO=skip, only
 * EvalGate's rows are printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startProvider, writeSuite } from './loopback.js';
import type { Provider } from './loopback.js';
import { installPromptfoo, PROMPTFOO_VERSION, promptfooEnv, promptfooNode } from './promptfoo-install.js';

const LATENCY_MS = 100;
const CASES = 1000;
const REPO = resolve(import.meta.dirname, '..');
const CLI = join(REPO, 'dist', 'cli', 'index.js');
const TIME = '/usr/bin/time';
const CONCURRENCIES = [20, 100];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
/** EvalGate's targets, × the physical limit, end to end (issue 22). */
const TARGETS: Record<number, number> = { 20: 1.15, 100: 1.5 };

type Tool = 'EvalGate' | 'promptfoo';
interface Run { wallS: number; rssMiB: number | undefined; exitCode: number; tail: string }
interface Row extends Run { tool: Tool; concurrency: number; requests: number; bestS: number }

const csvField = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The same cases for both tools: EvalGate's `bench.eval.yaml` + `bench.jsonl`, promptfoo's config, chat prompt and CSV beside them. */
function writeWorkspace(dir: string, url: string): string {
  writeSuite(dir, 'bench', CASES);
  const questions = readFileSync(join(dir, 'bench.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { question: string }).question);
  const promptfoo = join(dir, 'promptfoo');
  mkdirSync(promptfoo);
  writeFileSync(join(promptfoo, 'tests.csv'), `question\n${questions.map(csvField).join('\n')}\n`);
  writeFileSync(join(promptfoo, 'prompt.json'), JSON.stringify([{ role: 'system', content: 'Answer briefly.' }, { role: 'user', content: '{{ question }}' }], null, 2));
  const config = [
    'prompts:',
    '  - file://prompt.json',
    'providers:',
    '  - id: openai:chat:gpt-4o-mini',
    `    config: { apiBaseUrl: "${url}", apiKey: sk-bench }`,
    'defaultTest:',
    '  assert:',
    '    - { type: contains, value: question }',
    'tests: file://tests.csv',
  ];
  writeFileSync(join(promptfoo, 'promptfooconfig.yaml'), `${config.join('\n')}\n`);
  return join(promptfoo, 'promptfooconfig.yaml');
}

/** `node argv…` in a child process (under /usr/bin/time when present): wall time, peak RSS, exit code, output tail. */
function measure(argv: string[], env: NodeJS.ProcessEnv, rssFile: string, node = process.execPath): Promise<Run> {
  const timed = existsSync(TIME);
  const [command, args] = timed ? [TIME, ['-f', '%M', '-o', rssFile, node, ...argv]] : [node, argv];
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => (tail = `${tail}${chunk}`.slice(-1500));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => {
      const wallS = (performance.now() - started) / 1000;
      const kib = timed ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : Number.NaN;
      resolvePromise({ wallS, rssMiB: Number.isFinite(kib) ? kib / 1024 : undefined, exitCode: code ?? 1, tail });
    });
  });
}

async function main(): Promise<void> {
  const promptfooBin = installPromptfoo();
  if (!promptfooBin) console.log(process.env.BENCH_PROMPTFOO === 'skip' ? 'BENCH_PROMPTFOO=skip: only EvalGate is measured.\n' : `promptfoo@${PROMPTFOO_VERSION} could not be installed (no access to the npm registry?): only EvalGate is measured.\n`);
  if (!existsSync(CLI)) spawnSync('npm', ['run', 'bundle'], { cwd: REPO, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-promptfoo-'));
  const provider: Provider = await startProvider(LATENCY_MS);
  const config = writeWorkspace(dir, provider.url);
  const rssFile = join(dir, 'rss.txt');
  const argv: Record<Tool, (concurrency: number, limit?: number) => string[]> = {
    EvalGate: (concurrency, limit) => [CLI, 'run', 'bench.eval.yaml', '--cwd', dir, '--base-url', provider.url, '-c', String(concurrency), '--no-cache', '--no-compare',
      '-o', join(dir, 'results.json'), '--report', join(dir, 'report.md'), ...(limit ? ['--limit', String(limit)] : [])],
    promptfoo: (concurrency, limit) => [promptfooBin ?? '', 'eval', '-c', config, '-j', String(concurrency), '--no-cache', '--no-write', '--no-table', '--no-progress-bar', '--no-share',
      ...(limit ? ['-n', String(limit)] : [])],
  };
  const env: Record<Tool, NodeJS.ProcessEnv> = {
    EvalGate: { OPENAI_API_KEY: 'sk-bench' },
    promptfoo: { OPENAI_API_KEY: 'sk-bench', ...promptfooEnv(join(dir, 'promptfoo-home')) },
  };
  const node: Record<Tool, string> = { EvalGate: process.execPath, promptfoo: promptfooNode() };
  const tools: Tool[] = promptfooBin ? ['EvalGate', 'promptfoo'] : ['EvalGate'];
  const rows: Row[] = [];
  for (const tool of tools) {
    const warmUp = await measure(argv[tool](20, 20), env[tool], rssFile, node[tool]);
    if (warmUp.exitCode !== 0) console.log(`${tool}'s warm-up run exited with ${warmUp.exitCode}:\n${warmUp.tail}\n`);
  }
  for (const concurrency of CONCURRENCIES) {
    for (const tool of tools) {
      const runs: (Run & { requests: number })[] = [];
      for (let index = 0; index < RUNS; index += 1) {
        const before = await provider.requests();
        const run = await measure(argv[tool](concurrency), env[tool], rssFile, node[tool]);
        runs.push({ ...run, requests: (await provider.requests()) - before });
        if (run.exitCode !== 0) console.log(`${tool} at concurrency ${concurrency} exited with ${run.exitCode}:\n${run.tail}\n`);
      }
      const sorted = [...runs].sort((a, b) => a.wallS - b.wallS);
      const median = sorted[Math.floor((sorted.length - 1) / 2)] as Run & { requests: number };
      rows.push({ tool, concurrency, ...median, exitCode: Math.max(...runs.map((run) => run.exitCode)), bestS: (sorted[0] as Run).wallS });
    }
  }
  provider.close();
  rmSync(dir, { recursive: true, force: true });
  const mib = (rss: number | undefined) => (rss === undefined ? 'n/a' : rss.toFixed(0));
  const physicalS = (concurrency: number) => (CASES * LATENCY_MS) / concurrency / 1000;
  const times = (seconds: number, concurrency: number) => `×${(seconds / physicalS(concurrency)).toFixed(2)}`;
  const runs = RUNS === 1 ? 'one run each' : `median of ${RUNS} runs each (best in brackets)`;
  console.log(`${CASES} cases × ${LATENCY_MS} ms per call, loopback provider in its own process; wall = spawn to exit of the CLI, ${runs} (Node ${process.version})\n`);
  console.log('| tool | concurrency | wall s | physical limit s | × physical limit | peak RSS MiB | requests received |\n|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const exit = row.exitCode === 0 ? '' : ` (exit ${row.exitCode})`;
    const best = RUNS === 1 ? '' : ` (${row.bestS.toFixed(2)})`;
    const bestTimes = RUNS === 1 ? '' : ` (${times(row.bestS, row.concurrency)})`;
    console.log(`| ${row.tool} | ${row.concurrency} | ${row.wallS.toFixed(2)}${best} | ${physicalS(row.concurrency).toFixed(2)} | ${times(row.wallS, row.concurrency)}${bestTimes} | ${mib(row.rssMiB)} | ${row.requests}${exit} |`);
  }
  const verdicts = rows
    .filter((row) => row.tool === 'EvalGate')
    .map((row) => {
      const target = TARGETS[row.concurrency];
      const met = target === undefined ? '' : row.wallS / physicalS(row.concurrency) <= target ? ` (target ≤ ×${target}: met)` : ` (target ≤ ×${target}: missed)`;
      return `${times(row.wallS, row.concurrency)} at concurrency ${row.concurrency}${met}`;
    });
  console.log(`\nEvalGate end to end, × the physical limit (cases × latency / concurrency): ${verdicts.join('; ')}.`);
  if (!existsSync(TIME)) console.log(`\npeak RSS not measured: ${TIME} is missing (Debian package \`time\`).`);
  if (promptfooBin) {
    console.log('\n| concurrency | wall EvalGate / promptfoo | peak RSS EvalGate / promptfoo |\n|---|---|---|');
    for (const concurrency of CONCURRENCIES) {
      const [ours, theirs] = tools.map((tool) => rows.find((row) => row.tool === tool && row.concurrency === concurrency));
      const rss = ours?.rssMiB && theirs?.rssMiB ? `×${(ours.rssMiB / theirs.rssMiB).toFixed(2)}` : 'n/a';
      console.log(`| ${concurrency} | ×${((ours?.wallS ?? Number.NaN) / (theirs?.wallS ?? Number.NaN)).toFixed(2)} | ${rss} |`);
    }
  }
  if (rows.some((row) => row.tool === 'EvalGate' && row.exitCode !== 0)) process.exitCode = 1;
}

await main();
