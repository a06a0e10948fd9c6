/**
 * npm run bench:promptfoo-parity — promptfoo 0.123.1 as the oracle of EvalGate's promptfoo
 * translation. Every config under bench/parity/ (public promptfoo examples and probes of each
 * translated feature) is run by both tools against one loopback model (bench/parity/server.ts);
 * then every assertion result is paired — promptfoo's per-assertion pass/fail with EvalGate's
 * score against its pass mark — and the chat requests each tool sent (messages and parameters)
 * are compared. Prints the agreement, each difference with its documented design reason, and
 * exits 1 when a difference has no documented reason or agreement is below 97 %.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseYaml } from '../src/core/yaml-source.js';
import { fromPromptfoo } from '../src/suites/promptfoo/translate.js';
import type { ResultsFile, SuiteResult } from '../src/results/types.js';
import { installPromptfoo, PROMPTFOO_VERSION, promptfooEnv, promptfooNode } from './promptfoo-install.js';
import type { Tool } from './parity/server.js';
import { isGraderRequest, startParityServer, TOOL_PATHS } from './parity/server.js';
import type { RecordedRequest } from '../tests/support/openai-server.js';

const REPO = resolve(import.meta.dirname, '..');
const FIXTURES = join(REPO, 'bench', 'parity');
const CLI = join(REPO, 'dist', 'cli', 'index.js');
const TARGET = 0.97;
/** The judge model EvalGate is given; promptfoo's own default grader (no `provider` in the config) is another model. */
const GRADER = 'gpt-4.1-2025-04-14';

type Outcome = 'pass' | 'fail' | 'error' | 'missing';
interface Pair {
  config: string;
  test: number;
  column: string;
  assertion: string;
  promptfoo: { outcome: Outcome; score?: number; reason?: string };
  evalgate: { outcome: Outcome; value?: number; error?: string };
}

/**
 * Differences that are design choices, each documented in docs (README "Bring your existing
 * evals"): matched on the promptfoo assertion (type, value) and both outcomes.
 */
const DESIGN: { why: string; when: (pair: Pair) => boolean }[] = [
  {
    why: 'an assertion whose own code throws (or a grader answer that cannot be read) is an error in EvalGate — never a score; promptfoo scores it 0 / fail',
    when: (pair) => pair.evalgate.outcome === 'error' && pair.promptfoo.outcome === 'fail',
  },
  {
    why: 'a threshold of 0 lets every score pass in EvalGate (a pass is value ≥ threshold), a `false` too; promptfoo ignores thresholds on boolean results',
    when: (pair) => /^(javascript|python)/.test(pair.assertion) && pair.promptfoo.outcome === 'fail' && pair.evalgate.outcome === 'pass' && pair.evalgate.value === 0,
  },
  {
    why: 'promptfoo 0.123.1 ignores `threshold` on a javascript `{pass, score}` result; EvalGate lets a threshold turn a pass into a fail (as promptfoo does for python and llm-rubric)',
    when: (pair) => pair.assertion.startsWith('javascript') && pair.promptfoo.outcome === 'pass' && pair.evalgate.outcome === 'fail',
  },
];

interface PromptfooRow {
  promptIdx: number;
  testIdx: number;
  response?: { output?: unknown };
  gradingResult?: { componentResults?: { pass: boolean; score: number; reason?: string; assertion?: { type: string; value?: unknown } }[] } | null;
}
interface PromptfooOutput {
  results: { prompts: { label: string; provider: string }[]; results: PromptfooRow[] };
}

/** Runs a CLI in a child process (asynchronously: the loopback server answers in this process). */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; tail: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => (tail = `${tail}${chunk}`.slice(-1500));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => resolvePromise({ status: code ?? 1, tail }));
  });
}

/** The translated suites' assertion names per case, in promptfoo's order (defaultTest's first, then the test's own). */
function assertionNames(configFile: string, dir: string): { names: string[][]; labels: string[][] }[] {
  const source = parseYaml(readFileSync(join(dir, configFile), 'utf8'), configFile);
  return fromPromptfoo(source, dir).map((suite) => {
    const value = suite.value as { evaluators?: { name: string; metric: string }[]; cases: { assert?: { name: string; metric: string }[] }[] };
    const shared = value.evaluators ?? [];
    return {
      names: value.cases.map((testCase) => [...shared, ...(testCase.assert ?? [])].map((entry) => entry.name)),
      labels: value.cases.map((testCase) => [...shared, ...(testCase.assert ?? [])].map((entry) => entry.metric)),
    };
  });
}

function evalgateOutcome(suite: SuiteResult, caseIndex: number, name: string): Pair['evalgate'] {
  const sample = suite.cases[caseIndex]?.samples[0];
  const record = sample?.scores[name];
  const metric = suite.metrics.find((info) => info.name === name);
  if (!record || !metric) return { outcome: sample?.error ? 'error' : 'missing', ...(sample?.error ? { error: sample.error } : {}) };
  if (record.status !== 'ok' || record.value === undefined) return { outcome: 'error', ...(record.error ? { error: record.error } : {}) };
  const threshold = metric.threshold ?? 0;
  const passed = metric.direction === 'higher-is-better' ? record.value >= threshold : record.value <= threshold;
  return { outcome: passed ? 'pass' : 'fail', value: record.value };
}

/** A chat request as compared across tools: its messages and every parameter but the transport ones. */
function requestKey(request: RecordedRequest): string {
  const { stream: _stream, stream_options: _options, ...rest } = request.body as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b))));
}

async function main(): Promise<void> {
  const bin = installPromptfoo();
  if (!bin) {
    console.log(`promptfoo@${PROMPTFOO_VERSION} could not be installed (no access to the npm registry?): no oracle to compare with.`);
    process.exitCode = 2;
    return;
  }
  if (!existsSync(CLI)) spawnSync('npm', ['run', 'bundle'], { cwd: REPO, stdio: 'inherit' });
  const server = await startParityServer();
  const root = server.url.replace(/\/v1$/, '');
  const work = mkdtempSync(join(tmpdir(), 'bench-parity-'));
  const pairs: Pair[] = [];
  const requests: Record<Tool, RecordedRequest[]> = { promptfoo: [], EvalGate: [] };
  const configs = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  for (const config of configs) {
    const dir = join(work, config);
    cpSync(join(FIXTURES, config), dir, { recursive: true });
    const before = server.requests.length;
    const pf = await run(promptfooNode(), [bin, 'eval', '-c', 'promptfooconfig.yaml', '-o', join(work, `${config}.promptfoo.json`), '-j', '4', '--no-cache', '--no-write', '--no-table', '--no-progress-bar', '--no-share'], dir, {
      ...promptfooEnv(join(work, 'promptfoo-home')),
      OPENAI_API_KEY: 'sk-parity',
      OPENAI_BASE_URL: `${root}${TOOL_PATHS.promptfoo}`,
      OPENAI_API_BASE_URL: `${root}${TOOL_PATHS.promptfoo}`,
    });
    const eg = await run(process.execPath, [CLI, 'run', 'promptfooconfig.yaml', '--cwd', dir, '--base-url', `${root}${TOOL_PATHS.EvalGate}`, '--judge-model', GRADER, '-c', '4', '--no-cache', '--no-compare', '-o', join(work, `${config}.evalgate.json`), '--report', join(work, `${config}.md`)], dir, { OPENAI_API_KEY: 'sk-parity' });
    for (const request of server.requests.slice(before)) {
      const tool = (Object.keys(TOOL_PATHS) as Tool[]).find((name) => request.path.startsWith(TOOL_PATHS[name]));
      if (tool && request.path.endsWith('/chat/completions')) requests[tool].push(request);
    }
    const pfFile = join(work, `${config}.promptfoo.json`);
    const egFile = join(work, `${config}.evalgate.json`);
    if (!existsSync(pfFile) || !existsSync(egFile)) {
      console.log(`${config}: ${existsSync(pfFile) ? '' : `promptfoo exited ${pf.status}:\n${pf.tail}\n`}${existsSync(egFile) ? '' : `EvalGate exited ${eg.status}:\n${eg.tail}\n`}`);
      process.exitCode = 1;
      continue;
    }
    const oracle = JSON.parse(readFileSync(pfFile, 'utf8')) as PromptfooOutput;
    const ours = JSON.parse(readFileSync(egFile, 'utf8')) as ResultsFile;
    const translated = assertionNames('promptfooconfig.yaml', dir);
    // A promptfoo column (prompt × provider) is the EvalGate suite whose outputs it shares.
    const suiteOf = new Map<number, number>();
    for (const row of oracle.results.results) {
      if (suiteOf.has(row.promptIdx)) continue;
      const output = typeof row.response?.output === 'string' ? row.response.output : JSON.stringify(row.response?.output);
      const taken = new Set(suiteOf.values());
      const index = ours.suites.findIndex((suite, at) => !taken.has(at) && suite.cases[row.testIdx]?.samples[0]?.output === output);
      if (index !== -1) suiteOf.set(row.promptIdx, index);
    }
    for (const row of oracle.results.results) {
      const column = oracle.results.prompts[row.promptIdx];
      const label = `${column?.label ?? row.promptIdx} × ${column?.provider ?? ''}`;
      const suiteIndex = suiteOf.get(row.promptIdx);
      const suite = suiteIndex === undefined ? undefined : ours.suites[suiteIndex];
      const names = suiteIndex === undefined ? [] : (translated[suiteIndex]?.names[row.testIdx] ?? []);
      const components = row.gradingResult?.componentResults ?? [];
      const count = Math.max(components.length, names.length);
      for (let index = 0; index < count; index += 1) {
        const component = components[index];
        const name = names[index];
        const assertion = component?.assertion ? `${component.assertion.type} ${JSON.stringify(component.assertion.value ?? '').slice(0, 60)}` : (name ?? '?');
        pairs.push({
          config,
          test: row.testIdx,
          column: label,
          assertion,
          promptfoo: component ? { outcome: component.pass ? 'pass' : 'fail', score: component.score, ...(component.reason ? { reason: component.reason.split('\n')[0]?.slice(0, 120) } : {}) } : { outcome: 'missing' },
          evalgate: suite && name ? evalgateOutcome(suite, row.testIdx, name) : { outcome: 'missing' },
        });
      }
    }
  }
  await server.close();
  rmSync(work, { recursive: true, force: true });

  const agree = pairs.filter((pair) => pair.promptfoo.outcome === pair.evalgate.outcome);
  const differences = pairs.filter((pair) => pair.promptfoo.outcome !== pair.evalgate.outcome);
  const scored = pairs.filter((pair) => pair.promptfoo.score !== undefined && pair.evalgate.value !== undefined && !pair.assertion.startsWith('similar'));
  const sameScore = scored.filter((pair) => Math.abs((pair.promptfoo.score ?? 0) - (pair.evalgate.value ?? 0)) < 1e-9);
  console.log(`promptfoo ${PROMPTFOO_VERSION} vs EvalGate on ${configs.length} configs (bench/parity/), one loopback model\n`);
  console.log('| config | assertion results | agree |\n|---|---|---|');
  for (const config of configs) {
    const mine = pairs.filter((pair) => pair.config === config);
    console.log(`| ${config} | ${mine.length} | ${mine.filter((pair) => pair.promptfoo.outcome === pair.evalgate.outcome).length} |`);
  }
  const share = pairs.length ? agree.length / pairs.length : 0;
  console.log(`\n**${agree.length} of ${pairs.length} assertion results agree (${(share * 100).toFixed(1)} %)**; target ≥ ${TARGET * 100} %.`);
  console.log(`Scores both compute (deterministic and scripted, embeddings aside): ${sameScore.length} of ${scored.length} equal.`);
  let unexplained = 0;
  if (differences.length) {
    console.log('\n| config | test | column | assertion | promptfoo | EvalGate | design reason |\n|---|---|---|---|---|---|---|');
    for (const pair of differences) {
      const why = DESIGN.find((rule) => rule.when(pair))?.why;
      if (!why) unexplained += 1;
      const theirs = `${pair.promptfoo.outcome}${pair.promptfoo.score === undefined ? '' : ` ${pair.promptfoo.score}`}`;
      const ours = `${pair.evalgate.outcome}${pair.evalgate.value === undefined ? '' : ` ${pair.evalgate.value}`}${pair.evalgate.error ? ` (${pair.evalgate.error.slice(0, 80)})` : ''}`;
      console.log(`| ${pair.config} | ${pair.test + 1} | ${pair.column.replace(/\s+/g, ' ').slice(0, 40)} | \`${pair.assertion.replaceAll('|', '\\|')}\` | ${theirs} | ${ours.replaceAll('|', '\\|')} | ${why ?? '**UNEXPLAINED**'} |`);
    }
  }
  const differentScores = scored.filter((pair) => !sameScore.includes(pair));
  for (const pair of differentScores) console.log(`- score ${pair.config} test ${pair.test + 1} \`${pair.assertion}\`: promptfoo ${pair.promptfoo.score} (${pair.promptfoo.outcome}), EvalGate ${pair.evalgate.value} (${pair.evalgate.outcome}) — a returned pass that contradicts the score decides; EvalGate's value then says so (1/0)`);
  compareRequests(requests, 'model');
  compareRequests(requests, 'grader');
  compareRequests(requests, 'default grader');
  if (unexplained > 0 || share < TARGET) process.exitCode = 1;
}

/** promptfoo's grader when the config names none: its own default model (JSON mode), where EvalGate uses the run's judge model. */
const isDefaultGrader = (request: RecordedRequest) => isGraderRequest(request) && (request.body.model === GRADER || request.body.response_format !== undefined);

/**
 * Each tool's chat requests as multisets of messages + parameters: the flows' requests, the
 * graders a config names, and promptfoo's default grader (compared on messages only: the model
 * and its parameters are the run's judge settings in EvalGate, by design).
 */
function compareRequests(requests: Record<Tool, RecordedRequest[]>, kind: 'model' | 'grader' | 'default grader'): void {
  const kindOf = (request: RecordedRequest) => (!isGraderRequest(request) ? 'model' : isDefaultGrader(request) ? 'default grader' : 'grader');
  const messagesOnly = kind === 'default grader';
  const key = (request: RecordedRequest) => (messagesOnly ? JSON.stringify(request.body.messages) : requestKey(request));
  const pick = (tool: Tool) => requests[tool].filter((request) => kindOf(request) === kind);
  const theirs = pick('promptfoo').map(key);
  const ours = new Map<string, number>();
  for (const mine of pick('EvalGate').map(key)) ours.set(mine, (ours.get(mine) ?? 0) + 1);
  const unmatched: string[] = [];
  let same = 0;
  for (const their of theirs) {
    const left = ours.get(their) ?? 0;
    if (left > 0) {
      ours.set(their, left - 1);
      same += 1;
    } else unmatched.push(their);
  }
  if (messagesOnly) {
    console.log(`\n${kind} requests (messages only; EvalGate grades with --judge-model ${GRADER} at temperature 0): ${same} of ${theirs.length} identical (EvalGate sent ${pick('EvalGate').length}).`);
    return;
  }
  const what = `${kind} requests (messages, model, parameters)`;
  console.log(`\n${what}: ${same} of ${theirs.length} promptfoo requests sent identically by EvalGate (EvalGate sent ${pick('EvalGate').length}).`);
  for (const entry of unmatched.slice(0, 6)) {
    const parsed = JSON.parse(entry) as Record<string, unknown>;
    const { messages, ...parameters } = parsed;
    const twin = [...ours.entries()].find(([candidate, left]) => left > 0 && JSON.stringify((JSON.parse(candidate) as { messages: unknown }).messages) === JSON.stringify(messages))?.[0];
    const theirsParams = JSON.stringify(parameters);
    const oursParams = twin ? JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(twin) as Record<string, unknown>).filter(([name]) => name !== 'messages'))) : 'no request with these messages';
    console.log(`- promptfoo ${theirsParams} vs EvalGate ${oursParams}: ${JSON.stringify(messages).slice(0, 160)}`);
  }
}

await main();
