import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import type { Handler, OpenAIServer } from '../support/openai-server.js';
import { chatReply, errorReply, startOpenAIServer } from '../support/openai-server.js';
import { OWNER, pullRequestEvent, pushEvent, REPO, runAction, scheduleEvent } from '../support/action-run.js';

/**
 * The world of one life-cycle scenario: a loopback GitHub (serving the base commit's files and
 * baseline, checked against GitHub's OpenAPI description), a loopback OpenAI-protocol provider,
 * and checkouts of the base commit and of the commit under test, run through dist/index.js.
 */
export const BASE_SHA = 'a'.repeat(40);
export const HEAD_SHA = 'b'.repeat(40);
export const MERGE_SHA = 'c'.repeat(40);
export const PUSH_SHA = 'd'.repeat(40);
export const BASELINE = 'evals/baseline.json';
export const API_KEY = 'sk-lifecycle-0123456789abcdef';

/** How the provider answers: the right answer, 35 % wrong, or down. */
export type ModelMode = 'good' | 'regress' | 'outage';

export interface ModelOptions {
  mode?: ModelMode;
  /** The model name the provider reports (a proxy's upstream); default: the one asked for. */
  reports?: string;
  /** The team's own HTTP app (served at /app): the share of cases it answers 503. */
  appFailShare?: number;
}

/** A case of the model-backed suite: id q00…q29, answer `answer-N`. */
export const CHAT_CASES = 30;
const wrong = (n: number) => n % 20 < 7;

export function modelHandler(options: ModelOptions = {}): Handler {
  return (request) => {
    if (request.path.endsWith('/app')) {
      const n = Number(/item (\d+)/.exec(String(request.body?.question ?? ''))?.[1] ?? 0);
      if (options.appFailShare && n % 10 < options.appFailShare * 10) return errorReply(503, 'connect ECONNREFUSED 10.0.0.7:5432 (Service Unavailable)');
      return { json: { answer: `The answer is answer-${n}.` } };
    }
    const text = (request.body?.messages ?? []).map((message: { content: string }) => message.content).join('\n');
    if (text.includes('"score": <integer 1-5>')) return chatReply('{"score": 4, "reason": "on topic"}');
    if (options.mode === 'outage') return errorReply(503, 'Service Unavailable', { 'retry-after-ms': '1' });
    const n = Number(/item (\d+)/.exec(text)?.[1] ?? 0);
    const answer = options.mode === 'regress' && wrong(n) ? "I'm not sure." : `The answer is answer-${n}.`;
    return chatReply(answer, { prompt: 40, completion: 8 }, options.reports ?? request.body?.model ?? 'gpt-4o-mini');
  };
}

/** Suites a base commit can hold. */
export type SuiteName = 'faq' | 'chat' | 'http';

export interface RepoSpec {
  suites: readonly SuiteName[];
  /** Model of the chat suite's prompt flow. */
  chatModel?: string;
  /** Extra evaluator lines of the faq suite (e.g. a judge). */
  faqEvaluators?: string;
  /** URL of the team's HTTP app (http suite). */
  appUrl?: string;
  /** Cases of the chat suite (default CHAT_CASES). */
  chatCases?: number;
}

const EXAMPLE = new URL('../../evals/contoso-faq', import.meta.url);

function chatSuite(model: string): string {
  return [
    'name: chat',
    'flow:',
    '  kind: prompt',
    `  model: "${model}"`,
    '  messages:',
    '    - { role: user, content: "Question: {{question}}" }',
    'data: cases.jsonl',
    'evaluators:',
    '  - { metric: icontains, expected: "{{answer}}" }',
    '  - { metric: cost }',
    '',
  ].join('\n');
}

function httpSuite(url: string): string {
  return ['name: support-http', 'flow:', '  kind: http', `  url: "${url}"`, '  body: { question: "{{question}}" }', '  output: answer', '  timeout: 5s', 'data: cases.jsonl', 'evaluators:', '  - { metric: icontains, expected: "{{answer}}" }', ''].join('\n');
}

const chatCases = (count = CHAT_CASES) => Array.from({ length: count }, (_, n) => JSON.stringify({ id: `q${String(n).padStart(2, '0')}`, question: `What is item ${n}?`, answer: `answer-${n}` })).join('\n') + '\n';

/** A checkout holding the given suites (the offline FAQ example, a prompt flow, an HTTP flow). */
export function makeRepo(spec: RepoSpec): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-lifecycle-'));
  if (spec.suites.includes('faq')) {
    cpSync(EXAMPLE, join(dir, 'evals/contoso-faq'), { recursive: true });
    if (spec.faqEvaluators) edit(dir, 'evals/contoso-faq/faq.eval.yaml', '  - { metric: latency }\n', `  - { metric: latency }\n${spec.faqEvaluators}`);
  }
  if (spec.suites.includes('chat')) {
    mkdirSync(join(dir, 'evals/chat'), { recursive: true });
    writeFileSync(join(dir, 'evals/chat/chat.eval.yaml'), chatSuite(spec.chatModel ?? 'gpt-4o-mini'));
    writeFileSync(join(dir, 'evals/chat/cases.jsonl'), chatCases(spec.chatCases));
  }
  if (spec.suites.includes('http')) {
    mkdirSync(join(dir, 'evals/http'), { recursive: true });
    writeFileSync(join(dir, 'evals/http/http.eval.yaml'), httpSuite(spec.appUrl ?? 'http://127.0.0.1:9/app'));
    writeFileSync(join(dir, 'evals/http/cases.jsonl'), chatCases());
  }
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(join(dir, '.github/workflows/evals.yml'), workflow({}));
  return dir;
}

/** The repository's workflow file with these `with:` inputs of the EvalGate step. */
export function workflow(inputs: Record<string, string>): string {
  const lines = Object.entries({ 'api-key': '${{ secrets.OPENAI_API_KEY }}', ...inputs }).map(([name, value]) => `          ${name}: "${value}"`);
  return `name: evals\non: [push, pull_request]\njobs:\n  evals:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n      - uses: ${OWNER}/evalgate@v1\n        with:\n${lines.join('\n')}\n`;
}

export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${file} changed nothing (${String(from)})`);
  writeFileSync(path, next);
}

/** Every file of a checkout, by path (what GitHub serves at the base commit). */
function filesOf(dir: string, root = dir): [string, string][] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === '.evalgate' || name === 'event.json' || name === 'github_output' || name === 'step_summary.md') return [];
    return statSync(path).isDirectory() ? filesOf(path, root) : [[relative(root, path), readFileSync(path, 'utf8')] as [string, string]];
  });
}

export interface World {
  github: GitHubServer;
  model: OpenAIServer;
  /** How the provider (and the team's HTTP app) answers from now on. */
  answer(options?: ModelOptions): void;
  close(): Promise<void>;
}

export async function startWorld(options: ModelOptions = {}): Promise<World> {
  const [github, model] = await Promise.all([startGitHubServer(), startOpenAIServer(modelHandler(options))]);
  return { github, model, answer: (next = {}) => model.setHandler(modelHandler(next)), close: async () => void (await Promise.all([github.close(), model.close()])) };
}

/** The base commit on the loopback GitHub: its files at BASE_SHA and on main, and its stored baseline (if any). */
export function publishBase(world: World, dir: string | undefined, baseline: string | undefined): void {
  for (const [path, text] of dir ? filesOf(dir) : []) {
    world.github.files.set(`${BASE_SHA}:${path}`, text);
    world.github.files.set(`main:${path}`, text);
  }
  if (baseline !== undefined) {
    // The baseline is a committed file: in the base commit's checkout, and served by GitHub.
    if (dir) writeFileSync(join(dir, BASELINE), baseline);
    world.github.files.set(`${BASE_SHA}:${BASELINE}`, baseline);
    world.github.files.set(`main:${BASELINE}`, baseline);
  }
  world.github.log.push({ sha: BASE_SHA, date: '2026-11-20T10:00:00Z', branch: 'main', paths: baseline === undefined ? [] : [BASELINE] });
}

export type EventKind = 'push' | 'pull_request' | 'schedule';

export interface RunSpec {
  event: EventKind;
  fork?: boolean;
  dependabot?: boolean;
  /** Inputs of the step (the PR's workflow file may change them); api-key and base-url are set unless `noKey`. */
  inputs?: Record<string, string>;
  noKey?: boolean;
  env?: Record<string, string>;
}

/** Runs dist/index.js in `dir` for the event, as the runner would. */
export function runStep(world: World, dir: string, spec: RunSpec) {
  const key: Record<string, string> = spec.noKey ? {} : { 'api-key': API_KEY };
  const inputs: Record<string, string> = { ...key, 'base-url': world.model.url, cache: 'false', ...spec.inputs };
  const common = { cwd: dir, apiUrl: world.github.url, inputs, env: { GITHUB_WORKSPACE: dir, ...(spec.dependabot ? { GITHUB_ACTOR: 'dependabot[bot]', GITHUB_TRIGGERING_ACTOR: 'dependabot[bot]' } : {}), ...spec.env } };
  if (spec.event === 'push') {
    return runAction({ ...common, event: 'push', payload: pushEvent({ before: BASE_SHA, after: PUSH_SHA }), sha: PUSH_SHA, ref: 'refs/heads/main' });
  }
  // A scheduled run runs on the default branch's head: the base commit.
  if (spec.event === 'schedule') return runAction({ ...common, event: 'schedule', payload: scheduleEvent(), sha: BASE_SHA, ref: 'refs/heads/main' });
  const payload = pullRequestEvent({ number: 42, baseSha: BASE_SHA, headSha: HEAD_SHA, ...(spec.fork ? { fork: true } : {}) });
  if (spec.dependabot) {
    payload.sender.login = 'dependabot[bot]';
    payload.sender.type = 'Bot';
    payload.pull_request.user.login = 'dependabot[bot]';
    payload.pull_request.head.ref = 'dependabot/npm_and_yarn/openai-6.1.0';
  }
  world.github.pulls.push({ number: 42, baseSha: BASE_SHA, headSha: HEAD_SHA, headOwner: spec.fork ? 'someone' : OWNER, headBranch: spec.dependabot ? 'dependabot/npm_and_yarn/openai-6.1.0' : 'feature' });
  return runAction({ ...common, event: 'pull_request', payload, sha: MERGE_SHA, ref: 'refs/pull/42/merge' });
}

export const copyRepo = (dir: string): string => {
  const copy = mkdtempSync(join(tmpdir(), 'evalgate-lifecycle-pr-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
};

export { REPO };
