import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelOptions, RepoSpec, RunSpec, World } from './world.js';
import { BASE_SHA, edit, workflow } from './world.js';

/**
 * The life-cycle battery as a table: scenario name → setup → expectation. Each cause of issue 18
 * is covered by several scenarios, in the forms the issue saw and new ones. A scenario is the base
 * commit (its suites, its stored baseline or why there is none), the GitHub and provider
 * conditions, what the commit under test changes, the event, and what the step must end as.
 */
export type Cause =
  | 'control'
  | 'baseline-never-stored'
  | 'skipped-counts-as-pass'
  | 'nothing-comparable'
  | 'transient-read-deletes'
  | 'app-failure-guessed-infrastructure'
  | 'everything-failed'
  | 'warn-names-nothing'
  | 'pr-loosens-gate'
  | 'drift-issue-closed-keyless';

export interface Expectation {
  /** The step ends with exit code 0 (a green check). */
  green: boolean;
  /** The `verdict` output, one of these (absent: a configuration error before any verdict). */
  verdict?: readonly string[];
  code?: number;
  /** Push: a baseline was committed (true) or not (false). */
  stored?: boolean;
  /** Text the log or the job summary must hold. */
  says?: readonly RegExp[];
  /** Further checks on the outcome. */
  check?: (outcome: Outcome) => void;
}

export interface Outcome {
  code: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
  world: World;
  /** The baseline the run committed (parsed), if any. */
  committed: any;
}

export interface Scenario {
  name: string;
  cause: Cause;
  base: {
    repo: RepoSpec;
    /** The base commit's stored baseline: made by a clean push (default), absent, or no suites at all. */
    baseline?: 'stored' | 'none' | 'no-suites';
    /** Edits of the stored baseline (e.g. a date in the future, a suite that was never stored). */
    transform?: (baseline: any) => any;
    /** How the provider answered when the baseline was made. */
    model?: ModelOptions;
  };
  /** GitHub conditions during the run under test (faults, protected branch, read-only token, issues). */
  github?: (world: World) => void;
  /** How the provider answers during the run under test. */
  model?: ModelOptions;
  /** Runs before the one under test, in the same world (each on the base checkout plus its own change). */
  before?: { change?: (dir: string) => void; run: RunSpec; model?: ModelOptions }[];
  /** What the commit under test changes in the checkout. */
  change?: (dir: string) => void;
  run: RunSpec;
  expect: Expectation;
}

const FAQ = 'evals/contoso-faq/faq.eval.yaml';
const FAQ_APP = 'evals/contoso-faq/app.mjs';
const FAQ_CASES = 'evals/contoso-faq/cases.jsonl';
const NOT_GREEN = ['fail', 'incomplete', 'error'] as const;
const faqOnly: RepoSpec = { suites: ['faq'] };
const both: RepoSpec = { suites: ['faq', 'chat'] };
const chatOnly = (model: string): RepoSpec => ({ suites: ['chat'], chatModel: model });
const JUDGE = '  - { metric: relevance }\n';
/** A model suite large enough for a PR to stop once its verdict is known. */
const bigChat: RepoSpec = { suites: ['chat'], chatCases: 200 };
/** The chat suite of the run's results file (the `results` output). */
const chatResults = (outcome: Outcome) => (JSON.parse(readFileSync(outcome.outputs.results ?? '', 'utf8')).suites as any[]).find((suite) => suite.name === 'chat');

/** The FAQ bot answers with the worst sentence: about 35 points lower on the quality metrics. */
const regressFaq = (dir: string) => edit(dir, FAQ_APP, 'overlap(focus, sentence) - index * 0.01', '-index');
/** The app itself fails on 20 % of the cases (8 of 40) with text that looks like infrastructure. */
const appFails = (stderr: string) => (dir: string) =>
  edit(dir, FAQ_APP, "const question = String(input.question ?? '');\n", `const question = String(input.question ?? '');\nif (question.length % 5 === 0) { process.stderr.write(${JSON.stringify(stderr)}); process.exit(1); }\n`);
const appHangs = (dir: string) => {
  edit(dir, FAQ, 'timeout: 10s', 'timeout: 2s');
  edit(dir, FAQ_APP, "const question = String(input.question ?? '');\n", "const question = String(input.question ?? '');\nif (question.length % 5 === 0) await new Promise(() => setInterval(() => {}, 1000));\n");
};
const appCrashes = (dir: string) => writeFileSync(join(dir, FAQ_APP), "throw new Error('Cannot find module ./knowledge-v2.json');\n");
const rewriteCases = (dir: string, rewrite: (entry: Record<string, unknown>, index: number) => Record<string, unknown>) => {
  const lines = readFileSync(join(dir, FAQ_CASES), 'utf8').trim().split('\n');
  writeFileSync(join(dir, FAQ_CASES), lines.map((line, index) => JSON.stringify(rewrite(JSON.parse(line), index))).join('\n') + '\n');
};
/** The cases as CSV: the same ids and fields, every value text. */
const toCsv = (dir: string) => {
  const cases = readFileSync(join(dir, FAQ_CASES), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
  const quote = (value: unknown) => `"${String(value).replaceAll('"', '""')}"`;
  writeFileSync(join(dir, 'evals/contoso-faq/cases.csv'), ['id,question,answer,priority', ...cases.map((entry, index) => [entry.id, entry.question, entry.answer, index % 3].map(quote).join(','))].join('\n') + '\n');
  rmSync(join(dir, FAQ_CASES));
  edit(dir, FAQ, 'data: cases.jsonl', 'data: cases.csv');
};
const withPriority = (dir: string) => rewriteCases(dir, (entry, index) => ({ ...entry, priority: index % 3 }));
const committedSuites = (outcome: Outcome) => (outcome.committed?.suites ?? []).map((suite: { name: string }) => suite.name);
const expectTrue = (value: boolean, what: string) => {
  if (!value) throw new Error(what);
};
/** A drift issue is open; `evalgate-drift` marker as the action writes it (found among open issues by labels and marker). */
const openDriftIssue = { change: regressFaq, run: { event: 'schedule', inputs: { alert: 'issue' } } as RunSpec };
const driftIssueOpen = (outcome: Outcome) => expectTrue(outcome.world.github.issues.filter((issue) => issue.state === 'open').length === 1, `the drift issue must stay open: ${JSON.stringify(outcome.world.github.issues.map((issue) => issue.state))}`);

export const SCENARIOS: Scenario[] = [
  // ── controls: what must stay green (and red) ──
  { name: 'push to main stores the baseline', cause: 'control', base: { repo: both }, run: { event: 'push' }, expect: { green: true, verdict: ['pass'], stored: true } },
  { name: 'unchanged PR passes', cause: 'control', base: { repo: both }, run: { event: 'pull_request' }, expect: { green: true, verdict: ['pass'] } },
  { name: 'PR whose command app is 35 points worse fails', cause: 'control', base: { repo: faqOnly }, change: regressFaq, run: { event: 'pull_request' }, expect: { green: false, verdict: ['fail'] } },
  { name: 'PR whose model answers are 35 points worse fails', cause: 'control', base: { repo: chatOnly('gpt-4o-mini') }, model: { mode: 'regress' }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['fail'] } },
  { name: 'PR on an unchanged flow stops early and passes', cause: 'control', base: { repo: bigChat }, run: { event: 'pull_request' }, expect: { green: true, verdict: ['pass'], says: [/Stopped after \d+ of 200 cases/, /\d+ of the 200 flow calls a full run makes: \d+ saved/], check: (outcome) => {
    const chat = chatResults(outcome);
    expectTrue(chat.sequential?.ran < 200 && chat.cases.length === chat.sequential.ran, `the PR ran part of the cases, recorded: ${JSON.stringify({ ...chat.sequential, order: undefined })}`);
    expectTrue(outcome.world.model.requests.length === chat.sequential.calls.made, `one model call per sample made: ${outcome.world.model.requests.length}`);
  } } },
  { name: 'PR turning sequential off runs every case', cause: 'control', base: { repo: bigChat }, change: (dir) => writeFileSync(join(dir, '.github/workflows/evals.yml'), workflow({ sequential: 'false' })), run: { event: 'pull_request', inputs: { sequential: 'false' } }, expect: { green: true, verdict: ['pass'], check: (outcome) => expectTrue(chatResults(outcome).cases.length === 200 && chatResults(outcome).sequential === undefined, 'every case ran, unwatched') } },
  { name: 'push runs every case', cause: 'control', base: { repo: bigChat }, run: { event: 'push' }, expect: { green: true, verdict: ['pass'], stored: true, check: (outcome) => {
    const chat = (outcome.committed?.suites ?? []).find((suite: { name: string }) => suite.name === 'chat');
    expectTrue(chat?.cases.length === 200 && chat.sequential === undefined && outcome.world.model.requests.length === 200, `a push runs and stores every case: ${chat?.cases.length}`);
  } } },
  { name: 'bootstrap: the base has no suites, the PR reports and passes saying nothing is gated', cause: 'control', base: { repo: both, baseline: 'no-suites' }, change: regressFaq, run: { event: 'pull_request' }, expect: { green: true, verdict: ['pass'], says: [/nothing is gated yet/] } },

  // ── the baseline is silently never stored ──
  { name: 'push with an Ollama model stores a token-cost baseline', cause: 'baseline-never-stored', base: { repo: chatOnly('llama3.1:8b'), baseline: 'none' }, run: { event: 'push' }, expect: { green: true, stored: true, check: (outcome) => expectTrue(outcome.committed?.suites[0]?.metrics.find((metric: { name: string }) => metric.name === 'cost')?.scale.unit === 'tokens', 'cost must be stored in tokens') } },
  { name: 'push with a vLLM model name stores the baseline', cause: 'baseline-never-stored', base: { repo: chatOnly('meta-llama/Llama-3.1-8B-Instruct'), baseline: 'none' }, run: { event: 'push' }, expect: { green: true, stored: true } },
  { name: 'push with an OpenAI fine-tune prices it as its base model', cause: 'baseline-never-stored', base: { repo: chatOnly('ft:gpt-4o-mini:contoso::9xYz1'), baseline: 'none' }, run: { event: 'push' }, expect: { green: true, stored: true, check: (outcome) => expectTrue(outcome.committed?.suites[0]?.metrics.find((metric: { name: string }) => metric.name === 'cost')?.scale.unit === 'usd', 'a fine-tune is priced in USD') } },
  { name: 'push through a LiteLLM proxy that reports the upstream name stores the baseline', cause: 'baseline-never-stored', base: { repo: chatOnly('team-proxy/chat-default'), baseline: 'none' }, model: { reports: 'gpt-4o-2024-08-06' }, run: { event: 'push' }, expect: { green: true, stored: true } },
  { name: 'PR on an unpriced model that regresses 35 points fails', cause: 'baseline-never-stored', base: { repo: chatOnly('qwen2.5:7b') }, model: { mode: 'regress' }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['fail'] } },
  { name: 'push without an API key cannot store the model suite and fails', cause: 'baseline-never-stored', base: { repo: both, baseline: 'none' }, run: { event: 'push', noKey: true }, expect: { green: false, verdict: NOT_GREEN, check: (outcome) => expectTrue(!committedSuites(outcome).includes('chat'), 'a skipped suite is never stored') } },
  { name: 'first push during a provider outage fails and stores nothing of the model suite', cause: 'baseline-never-stored', base: { repo: both, baseline: 'none' }, model: { mode: 'outage' }, run: { event: 'push' }, expect: { green: false, verdict: NOT_GREEN, check: (outcome) => expectTrue(!committedSuites(outcome).includes('chat'), 'an outage is never stored') } },
  { name: 'push to a protected branch (ruleset) fails naming the protection', cause: 'baseline-never-stored', base: { repo: faqOnly }, github: (world) => world.github.protectedBranches.add('main'), change: regressFaq, run: { event: 'push' }, expect: { green: false, stored: false, says: [/protect|rule/i] } },
  { name: 'push with a token without contents: write fails', cause: 'baseline-never-stored', base: { repo: faqOnly }, github: (world) => void (world.github.readOnly = true), run: { event: 'push' }, expect: { green: false, stored: false, says: [/403|contents: write/] } },
  { name: 'push with an empty github-token fails', cause: 'baseline-never-stored', base: { repo: faqOnly }, run: { event: 'push', inputs: { 'github-token': '' } }, expect: { green: false, stored: false } },
  { name: 'shard without a merge job is a configuration error', cause: 'baseline-never-stored', base: { repo: faqOnly }, change: (dir) => writeFileSync(join(dir, '.github/workflows/evals.yml'), workflow({ shard: '1/2' })), run: { event: 'push', inputs: { shard: '1/2' }, env: { GITHUB_WORKFLOW_REF: 'contoso/outdoors-bot/.github/workflows/evals.yml@refs/heads/main', GITHUB_JOB: 'evals' } }, expect: { green: false, code: 2, stored: false, says: [/no merge job/] } },
  { name: 'shard on a PR without a merge job is a configuration error', cause: 'baseline-never-stored', base: { repo: faqOnly }, change: (dir) => { regressFaq(dir); writeFileSync(join(dir, '.github/workflows/evals.yml'), workflow({ shard: '2/2' })); }, run: { event: 'pull_request', inputs: { shard: '2/2' }, env: { GITHUB_WORKFLOW_REF: 'contoso/outdoors-bot/.github/workflows/evals.yml@refs/pull/42/merge', GITHUB_JOB: 'evals' } }, expect: { green: false, code: 2, says: [/no merge job/] } },
  { name: 'push after a baseline dated in the future still refreshes it', cause: 'baseline-never-stored', base: { repo: faqOnly, transform: (baseline) => ({ ...baseline, run: { ...baseline.run, date: '2099-01-01T00:00:00.000Z' } }) }, change: regressFaq, run: { event: 'push' }, expect: { green: true, stored: true, check: (outcome) => expectTrue(outcome.committed?.run.commit === 'd'.repeat(40), 'the pushed commit is the new baseline') } },
  { name: 'PR after a suite that main never stored is incomplete', cause: 'baseline-never-stored', base: { repo: both, transform: (baseline) => ({ ...baseline, suites: baseline.suites.filter((suite: { name: string }) => suite.name !== 'chat') }) }, model: { mode: 'regress' }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete', 'fail'] } },
  { name: 'PR whose base has suites but no stored baseline is incomplete', cause: 'baseline-never-stored', base: { repo: faqOnly, baseline: 'none' }, change: regressFaq, run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete', 'fail'] } },

  // ── skipped counts as pass ──
  { name: 'fork PR without secrets is incomplete, not PASS', cause: 'skipped-counts-as-pass', base: { repo: both }, github: (world) => void (world.github.readOnly = true), run: { event: 'pull_request', fork: true, noKey: true }, expect: { green: false, verdict: ['incomplete'] } },
  { name: 'fork PR stage 1 of the two-stage pattern (comment: never) is incomplete', cause: 'skipped-counts-as-pass', base: { repo: chatOnly('gpt-4o-mini') }, run: { event: 'pull_request', fork: true, noKey: true, inputs: { comment: 'never' } }, expect: { green: false, verdict: ['incomplete'] } },
  { name: 'Dependabot PR without secrets is incomplete', cause: 'skipped-counts-as-pass', base: { repo: both }, run: { event: 'pull_request', dependabot: true, noKey: true }, expect: { green: false, verdict: ['incomplete'] } },
  { name: 'PR with a renamed (missing) API-key secret is incomplete', cause: 'skipped-counts-as-pass', base: { repo: chatOnly('gpt-4o-mini') }, run: { event: 'pull_request', inputs: { 'api-key': '' } }, expect: { green: false, verdict: ['incomplete'] } },
  { name: 'judge metric on a command flow without a key is incomplete', cause: 'skipped-counts-as-pass', base: { repo: { suites: ['faq'], faqEvaluators: JUDGE } }, run: { event: 'pull_request', noKey: true }, expect: { green: false, verdict: ['incomplete'] } },
  { name: 'push without a key keeps the baseline judge values', cause: 'skipped-counts-as-pass', base: { repo: { suites: ['faq'], faqEvaluators: JUDGE } }, run: { event: 'push', noKey: true }, expect: { green: false, check: (outcome) => {
    const samples = (outcome.committed?.suites ?? []).flatMap((suite: any) => suite.cases.flatMap((testCase: any) => testCase.samples));
    expectTrue(samples.every((sample: any) => sample.scores.relevance?.status !== 'skipped'), 'skipped judge values never overwrite stored ones');
  } } },

  // ── nothing comparable, still ✅ ──
  { name: 'PR adding a field to every case and regressing fails', cause: 'nothing-comparable', base: { repo: faqOnly }, change: (dir) => { withPriority(dir); regressFaq(dir); }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['fail'] } },
  { name: 'PR adding a field to every case, nothing else, passes with cases shared', cause: 'nothing-comparable', base: { repo: faqOnly }, change: withPriority, run: { event: 'pull_request' }, expect: { green: true, verdict: ['pass'] } },
  { name: 'PR converting JSONL to CSV and regressing fails', cause: 'nothing-comparable', base: { repo: faqOnly }, change: (dir) => { toCsv(dir); regressFaq(dir); }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['fail'] } },
  { name: 'PR converting JSONL to CSV, nothing else, passes with cases shared', cause: 'nothing-comparable', base: { repo: faqOnly }, change: toCsv, run: { event: 'pull_request' }, expect: { green: true, verdict: ['pass'] } },
  { name: 'PR renaming every case id is incomplete (removed + added)', cause: 'nothing-comparable', base: { repo: faqOnly }, change: (dir) => { rewriteCases(dir, (entry) => ({ ...entry, id: `faq-${String(entry.id)}` })); regressFaq(dir); }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete', 'fail'] } },
  { name: 'PR renaming an evaluator is incomplete', cause: 'nothing-comparable', base: { repo: faqOnly }, change: (dir) => { edit(dir, FAQ, '{ metric: f1, expected', '{ name: overlap, metric: f1, expected'); regressFaq(dir); }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete', 'fail'] } },
  { name: 'PR deleting evaluators is incomplete', cause: 'nothing-comparable', base: { repo: faqOnly }, change: (dir) => { edit(dir, FAQ, /  - \{ metric: f1.*\n  - \{ metric: context-overlap.*\n/, ''); regressFaq(dir); }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete', 'fail'] } },
  { name: 'PR whose answers are empty (metrics not applicable anywhere) does not pass', cause: 'nothing-comparable', base: { repo: faqOnly }, change: (dir) => edit(dir, FAQ_APP, "output: answer || \"I'm sorry, I don't know.\"", "output: ''"), run: { event: 'pull_request' }, expect: { green: false, verdict: NOT_GREEN } },

  // ── a transient read error deletes baseline entries ──
  { name: 'refresh whose baseline read fails once retries and keeps every suite', cause: 'transient-read-deletes', base: { repo: both }, github: (world) => world.github.faults.push({ match: /^GET .*contents\/evals%2Fbaseline\.json$/, status: 502, times: 1 }), run: { event: 'push', noKey: true }, expect: { green: false, check: (outcome) => expectTrue(!outcome.committed || committedSuites(outcome).includes('chat'), 'a refresh never drops a suite it did not store') } },
  { name: 'refresh whose baseline read keeps failing fails and commits nothing', cause: 'transient-read-deletes', base: { repo: faqOnly }, github: (world) => world.github.faults.push({ match: /^GET .*contents\/evals%2Fbaseline\.json$/, status: 503, times: 50 }), run: { event: 'push' }, expect: { green: false, stored: false } },
  { name: 'PR whose base baseline read keeps failing is an error, not a pass', cause: 'transient-read-deletes', base: { repo: faqOnly }, github: (world) => world.github.faults.push({ match: /^GET .*contents\/evals%2Fbaseline\.json$/, status: 500, times: 50 }), run: { event: 'pull_request' }, expect: { green: false, verdict: ['error', 'incomplete'] } },

  // ── the team's own app failing is guessed to be infrastructure ──
  { name: 'command app exiting 1 with ECONNREFUSED on 20 % of cases fails', cause: 'app-failure-guessed-infrastructure', base: { repo: faqOnly }, change: appFails('Error: connect ECONNREFUSED 127.0.0.1:5432\n'), run: { event: 'pull_request' }, expect: { green: false, verdict: ['fail'], says: [/8 case\(s\) errored: 8 by the app itself/] } },
  { name: 'command app failing with "503 Service Unavailable / timed out" text on 20 % fails', cause: 'app-failure-guessed-infrastructure', base: { repo: faqOnly }, change: appFails('upstream request timed out: HTTP 503 Service Unavailable (rate limit)\n'), run: { event: 'pull_request' }, expect: { green: false, verdict: ['fail'] } },
  { name: 'command app hanging on 20 % of cases fails', cause: 'app-failure-guessed-infrastructure', base: { repo: faqOnly }, change: appHangs, run: { event: 'pull_request' }, expect: { green: false, verdict: ['fail'] } },
  { name: 'HTTP app answering 503 ECONNREFUSED on 20 % of cases fails', cause: 'app-failure-guessed-infrastructure', base: { repo: { suites: ['http'] } }, model: { appFailShare: 0.2 }, run: { event: 'pull_request', noKey: true }, expect: { green: false, verdict: ['fail'] } },

  // ── everything failed, still a pass ──
  { name: 'PR whose app crashes on every case fails', cause: 'everything-failed', base: { repo: faqOnly }, change: appCrashes, run: { event: 'pull_request' }, expect: { green: false, verdict: NOT_GREEN } },
  { name: 'PR whose app crashes on every case with no stored baseline does not pass', cause: 'everything-failed', base: { repo: faqOnly, baseline: 'none' }, change: appCrashes, run: { event: 'pull_request' }, expect: { green: false, verdict: NOT_GREEN } },
  { name: 'push whose app crashes on every case stores nothing and fails', cause: 'everything-failed', base: { repo: faqOnly }, change: appCrashes, run: { event: 'push' }, expect: { green: false, stored: false } },
  { name: 'PR whose base baseline is 404 (file deleted on main) is incomplete', cause: 'everything-failed', base: { repo: faqOnly, baseline: 'none' }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete', 'error'] } },
  { name: 'PR whose token cannot read the base baseline (403) is not a pass', cause: 'everything-failed', base: { repo: faqOnly }, github: (world) => world.github.faults.push({ match: /^GET .*contents\/evals%2Fbaseline\.json$/, status: 403, times: 50, message: 'Resource not accessible by integration' }), change: regressFaq, run: { event: 'pull_request' }, expect: { green: false, verdict: NOT_GREEN } },

  // ── WARN exits 0 and names nothing ──
  { name: 'PR with a cosmetic evaluator edit is incomplete and names the metric', cause: 'warn-names-nothing', base: { repo: faqOnly }, change: (dir) => { edit(dir, FAQ, '{ metric: icontains, expected: "{{answer}}" }', '{ metric: icontains, expected: "{{ answer }}" }'); regressFaq(dir); }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete', 'fail'], says: [/icontains/] } },
  { name: 'PR keeping too few shared cases is incomplete', cause: 'warn-names-nothing', base: { repo: faqOnly }, change: (dir) => { rewriteCases(dir, (entry, index) => (index < 12 ? entry : { ...entry, id: `new-${index}` })); regressFaq(dir); }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete', 'fail'] } },
  { name: 'PR renaming the suite is incomplete', cause: 'warn-names-nothing', base: { repo: faqOnly }, change: (dir) => { edit(dir, FAQ, 'name: contoso-faq', 'name: contoso-faq-v2'); regressFaq(dir); }, run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete', 'fail'], says: [/contoso-faq/] } },
  { name: 'PR moving the suite out of the glob is incomplete', cause: 'warn-names-nothing', base: { repo: both }, change: (dir) => renameSync(join(dir, FAQ), join(dir, 'evals/contoso-faq/faq.yaml')), run: { event: 'pull_request' }, expect: { green: false, verdict: ['incomplete'] } },

  // ── the PR loosens the gate through its own workflow inputs ──
  { name: 'PR setting fail-on: never on a regression still fails', cause: 'pr-loosens-gate', base: { repo: faqOnly }, change: (dir) => { regressFaq(dir); writeFileSync(join(dir, '.github/workflows/evals.yml'), workflow({ 'fail-on': 'never' })); }, run: { event: 'pull_request', inputs: { 'fail-on': 'never' } }, expect: { green: false, verdict: ['fail'] } },
  { name: 'PR pointing suites: at a trivial suite still gates the base suites', cause: 'pr-loosens-gate', base: { repo: faqOnly }, change: (dir) => {
    regressFaq(dir);
    writeFileSync(join(dir, 'evals/trivial-app.mjs'), "process.stdout.write(JSON.stringify({ output: 'ok' }));\n");
    writeFileSync(join(dir, 'evals/trivial.eval.yaml'), 'name: trivial\nflow: { kind: command, command: node trivial-app.mjs }\ncases: [{ id: a, q: x }]\nevaluators: [{ metric: contains, expected: ok }]\n');
    writeFileSync(join(dir, '.github/workflows/evals.yml'), workflow({ suites: 'evals/trivial.eval.yaml' }));
  }, run: { event: 'pull_request', inputs: { suites: 'evals/trivial.eval.yaml' } }, expect: { green: false, verdict: NOT_GREEN } },
  {
    name: 'PR pointing baseline: at an old copy on the base is incomplete, never compared with it',
    cause: 'pr-loosens-gate',
    base: { repo: faqOnly },
    github: (world) => {
      const stored = world.github.files.get(`${BASE_SHA}:evals/baseline.json`) ?? '';
      world.github.files.set(`${BASE_SHA}:evals/old-baseline.json`, stored);
    },
    change: (dir) => writeFileSync(join(dir, '.github/workflows/evals.yml'), workflow({ baseline: 'evals/old-baseline.json' })),
    run: { event: 'pull_request', inputs: { baseline: 'evals/old-baseline.json' } },
    expect: { green: false, verdict: ['incomplete'], says: [/the default branch stores its baseline at `evals\/baseline.json`/] },
  },
  { name: 'PR pointing baseline: at its own file still compares with the base baseline', cause: 'pr-loosens-gate', base: { repo: faqOnly }, change: (dir) => { regressFaq(dir); writeFileSync(join(dir, '.github/workflows/evals.yml'), workflow({ baseline: 'evals/pr-baseline.json' })); }, run: { event: 'pull_request', inputs: { baseline: 'evals/pr-baseline.json' } }, expect: { green: false, verdict: NOT_GREEN } },

  // ── a keyless schedule closes the drift issue ──
  { name: 'scheduled run without a key leaves the drift issue open', cause: 'drift-issue-closed-keyless', base: { repo: both }, before: [openDriftIssue], run: { event: 'schedule', noKey: true, inputs: { alert: 'issue' } }, expect: { green: false, check: driftIssueOpen } },
  { name: 'scheduled run during a provider outage leaves the drift issue open', cause: 'drift-issue-closed-keyless', base: { repo: both }, before: [openDriftIssue], model: { mode: 'outage' }, run: { event: 'schedule', inputs: { alert: 'issue' } }, expect: { green: false, check: driftIssueOpen } },
  { name: 'scheduled run that compared everything and passed closes the drift issue', cause: 'drift-issue-closed-keyless', base: { repo: both }, before: [openDriftIssue], run: { event: 'schedule', inputs: { alert: 'issue' } }, expect: { green: true, verdict: ['pass'], check: (outcome) => expectTrue(outcome.world.github.issues.length === 1 && outcome.world.github.issues.every((issue) => issue.state === 'closed'), `a complete pass closes the issue the regression opened: ${JSON.stringify(outcome.world.github.issues.map((issue) => issue.state))}`) } },
];
