/**
 * npm run bench:promptflow-examples — every public PromptFlow example DAG (examples/**\/flow.dag.yaml
 * of microsoft/promptflow: 47 flows) run by `evalgate run` (dist/cli) with nothing installed: no
 * PromptFlow, no pip packages, only the Python on PATH. Each flow gets one case built from its own
 * input defaults, else from the first row of a JSONL file in its folder that has the field (else a
 * placeholder question), and an
 * always-passing `length` evaluator; llm nodes talk to a loopback OpenAI-protocol server whose
 * chat answers follow the format the prompt asks for (format-following-answer.ts: the prompt's
 * last JSON object when it asks for JSON, else "42": a number, valid JSON and valid Python;
 * embeddings answered too). The suite passes OPENAI_API_KEY / OPENAI_BASE_URL to the Python
 * nodes (`pass-env:`), as a user does for a flow whose own code reads its connection's key.
 *
 * The examples come from a local git directory of the repository (PROMPTFLOW_GIT_DIR, e.g. a
 * `git clone --bare https://github.com/microsoft/promptflow`), extracted once with `git archive`
 * into a cache folder outside this repository (BENCH_PROMPTFLOW_DIR, default
 * ~/.cache/evalgate-bench/promptflow-<commit>). Each run is classified:
 *   runs             exit 0 and every sample has an output
 *   needs pip        a Python import that only an installed package satisfies (named)
 *   needs network    a node reaches a host other than the loopback server
 *   rightly rejected exit 2 for something EvalGate does not run (its reason printed)
 *   wrongly fails    anything else that does not run
 *   internal error   exit 70 or a stack trace
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { chatReply, defaultHandler, startOpenAIServer } from '../tests/support/openai-server.js';
import { formatFollowingAnswer } from './format-following-answer.js';

const REPO = resolve(import.meta.dirname, '..');
const CLI = join(REPO, 'dist', 'cli', 'index.js');
const NODE = join(REPO, 'node_modules', '.bin', 'node');

type Verdict = 'runs' | 'needs pip' | 'needs network' | 'rightly rejected' | 'wrongly fails' | 'internal error';

/** What EvalGate rightly refuses to run: a config error whose message says one of these. */
const RIGHT_REJECTIONS: [RegExp, string][] = [
  [/flow-with-symlinks\/flow\.dag\.yaml:\d+: node source not found/, 'its sources are symlinks that the example’s create_symlinks.py makes first'],
  [/uses provider "(?!OpenAI|AzureOpenAI)/, 'an llm provider other than OpenAI / Azure OpenAI'],
  [/package tool .* needs its Python package/, 'a package tool from a pip package other than promptflow-tools'],
  [/source type "[^"]*" is not supported/, 'a node source EvalGate cannot run'],
  [/has type "custom_llm"/, 'a custom_llm tool node (needs its tool package)'],
];

function gitDir(): string {
  const dir = process.env.PROMPTFLOW_GIT_DIR;
  if (!dir || !existsSync(dir)) {
    console.error('Set PROMPTFLOW_GIT_DIR to a git directory of microsoft/promptflow (e.g. git clone --bare https://github.com/microsoft/promptflow /tmp/promptflow.git).');
    process.exit(2);
  }
  return dir;
}

/** The examples folder, extracted once per commit into the cache. */
function examples(): string {
  const git = gitDir();
  const commit = spawnSync('git', ['--git-dir', git, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const cache = process.env.BENCH_PROMPTFLOW_DIR ?? join(homedir(), '.cache', 'evalgate-bench', `promptflow-${commit.slice(0, 12)}`);
  if (!existsSync(join(cache, 'examples'))) {
    mkdirSync(cache, { recursive: true });
    // A snapshot may lack its largest blobs (images): those paths are left out.
    const tree = spawnSync('git', ['--git-dir', git, 'ls-tree', '-r', 'HEAD', 'examples'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.trim().split('\n');
    const blobs = tree.map((line) => /^\d+ blob (\w+)\t(.+)$/.exec(line)).flatMap((match) => (match ? [{ object: match[1] ?? '', path: match[2] ?? '' }] : []));
    const check = spawnSync('git', ['--git-dir', git, 'cat-file', '--batch-check'], { input: blobs.map((blob) => blob.object).join('\n'), encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.trim().split('\n');
    const missing = blobs.filter((_, index) => check[index]?.endsWith('missing')).map((blob) => `:(exclude)${blob.path}`);
    const archive = spawnSync('sh', ['-c', `git --git-dir "$0" archive HEAD -- examples "$@" | tar -x -C "${cache}"`, git, ...missing], { stdio: 'inherit' });
    if (archive.status !== 0) throw new Error('git archive failed');
  }
  return join(cache, 'examples');
}

function flowFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('flow.dag.yaml') && !path.includes('.promptflow'))
    .map((path) => join(dir, path))
    .sort();
}

function jsonlRows(dir: string): Record<string, unknown>[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.jsonl')).map((path) => join(dir, path));
  return files.flatMap((file) => {
    if (!statSync(file).isFile()) return [];
    const first = readFileSync(file, 'utf8').split('\n').find((line) => line.trim());
    try {
      return first ? [JSON.parse(first) as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

/** The value of a string input that has neither a default nor a data row (the flow ships no example). */
const PLACEHOLDER = 'What is Prompt flow?';

/** One case: each input's default, else the first JSONL row (of the flow's folder) that has it, else PLACEHOLDER. */
function caseFor(flowFile: string): Record<string, unknown> {
  const doc = parse(readFileSync(flowFile, 'utf8')) as { inputs?: Record<string, { default?: unknown; type?: string }> };
  const rows = jsonlRows(dirname(flowFile));
  const values: Record<string, unknown> = { id: 'example' };
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    if (spec && 'default' in spec && spec.default !== null) values[name] = spec.default;
    else {
      const row = rows.find((candidate) => name in candidate);
      if (row) values[name] = row[name];
      else if (spec?.type === 'list') values[name] = [];
      else values[name] = PLACEHOLDER;
    }
  }
  return values;
}

interface Outcome {
  verdict: Verdict;
  reason: string;
}

function packageOf(text: string): string | undefined {
  return /No module named '([\w.]+)'/.exec(text)?.[1]?.split('.')[0];
}

function classify(exit: number, stderr: string, results: { suites?: { cases?: { samples?: { output: string | null; error?: string }[] }[] }[] } | undefined): Outcome {
  const samples = results?.suites?.flatMap((suite) => suite.cases?.flatMap((testCase) => testCase.samples ?? []) ?? []) ?? [];
  const errors = samples.flatMap((sample) => (sample.error ? [sample.error] : []));
  const text = [stderr, ...errors].join('\n');
  if (exit === 70 || /\n\s+at .+\(.+:\d+:\d+\)/.test(stderr)) return { verdict: 'internal error', reason: stderr.trim().split('\n').slice(0, 3).join(' / ') };
  if (exit === 0 && samples.length > 0 && samples.every((sample) => sample.output !== null)) return { verdict: 'runs', reason: '' };
  const pip = packageOf(text);
  if (pip) return { verdict: 'needs pip', reason: pip };
  if (/getaddrinfo|Name or service not known|Failed to resolve|Max retries exceeded|ENOTFOUND|Temporary failure in name resolution/.test(text)) {
    return { verdict: 'needs network', reason: firstLine(errors[0] ?? stderr) };
  }
  const message = firstLine(stderr.replace(/^.*error:\s*/i, ''));
  const right = RIGHT_REJECTIONS.find(([pattern]) => pattern.test(stderr));
  if (exit === 2 && right) return { verdict: 'rightly rejected', reason: `${right[1]}: ${message}` };
  return { verdict: 'wrongly fails', reason: `exit ${exit}: ${firstLine(errors.at(-1) ?? '') || message}` };
}

/** The CLI in a child process, asynchronously: the loopback server answers from this process's event loop. */
function runCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(NODE, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ status: code ?? -1, stdout, stderr });
    });
  });
}

const firstLine = (text: string) => text.trim().split('\n').filter(Boolean).slice(-1)[0]?.slice(0, 220) ?? '';

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run npm run bundle first');
  const root = examples();
  const server = await startOpenAIServer((request) => (request.path.endsWith('/chat/completions') && !request.body.stream ? chatReply(formatFollowingAnswer(request.body)) : defaultHandler(request)));
  const only = process.argv.slice(2);
  const rows: { flow: string; outcome: Outcome }[] = [];
  try {
    for (const flowFile of flowFiles(root)) {
      const flow = relative(root, dirname(flowFile));
      if (only.length > 0 && !only.some((part) => flow.includes(part))) continue;
      const work = mkdtempSync(join(tmpdir(), 'evalgate-pf-example-'));
      writeFileSync(join(work, 'cases.jsonl'), `${JSON.stringify(caseFor(flowFile))}\n`);
      writeFileSync(join(work, 'example.eval.yaml'), `name: example\nflow: { kind: promptflow, path: ${JSON.stringify(dirname(flowFile))}, pass-env: [OPENAI_API_KEY, OPENAI_BASE_URL] }\ndata: cases.jsonl\nevaluators:\n  - { metric: length }\n`);
      const run = await runCli([CLI, 'run', 'example.eval.yaml', '--no-compare', '--no-cache', '-o', 'results.json', '--base-url', server.url, '--model', 'gpt-4o-mini', '--timeout', '60'], {
        cwd: work,
        env: { ...process.env, OPENAI_API_KEY: 'sk-loopback', NO_COLOR: '1', OPENAI_BASE_URL: server.url },
      });
      const resultsFile = join(work, 'results.json');
      const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
      const outcome = classify(run.status, `${run.stderr}\n${run.stdout}`, results);
      rows.push({ flow, outcome });
      console.log(`${outcome.verdict.padEnd(16)} ${flow}${outcome.reason ? ` — ${outcome.reason}` : ''}`);
      rmSync(work, { recursive: true, force: true });
    }
  } finally {
    await server.close();
  }
  const counts = new Map<Verdict, number>();
  for (const { outcome } of rows) counts.set(outcome.verdict, (counts.get(outcome.verdict) ?? 0) + 1);
  console.log(`\n${rows.length} example DAGs: ${[...counts].map(([verdict, count]) => `${count} ${verdict}`).join(', ')}`);
  const pips = rows.filter((row) => row.outcome.verdict === 'needs pip').map((row) => row.outcome.reason);
  if (pips.length > 0) console.log(`pip packages named: ${[...new Set(pips)].sort().join(', ')}`);
}

await main();
