import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessResult } from './run-node.js';
import { ACTION, runNode } from './run-node.js';
import { examplePayload } from './webhook-examples.js';

export const OWNER = 'contoso';
export const REPO = 'outdoors-bot';

export function pullRequestEvent(options: { number: number; baseSha: string; headSha: string; fork?: boolean }) {
  const payload = examplePayload('pull_request', (example) => example.action === 'opened');
  payload.number = options.number;
  payload.pull_request.number = options.number;
  payload.pull_request.base.sha = options.baseSha;
  payload.pull_request.head.sha = options.headSha;
  payload.repository.full_name = `${OWNER}/${REPO}`;
  payload.repository.default_branch = 'main';
  payload.pull_request.base.repo.full_name = `${OWNER}/${REPO}`;
  payload.pull_request.head.repo.full_name = options.fork ? `someone/${REPO}` : `${OWNER}/${REPO}`;
  return payload;
}

export function pushEvent(options: { before: string; after: string }) {
  const payload = examplePayload('push', (example) => example.ref === 'refs/heads/main' || example.ref?.startsWith('refs/heads/'));
  payload.ref = 'refs/heads/main';
  payload.before = options.before;
  payload.after = options.after;
  payload.repository.full_name = `${OWNER}/${REPO}`;
  payload.repository.default_branch = 'main';
  return payload;
}

/** A schedule payload as GitHub sends it to a scheduled workflow: the cron line, the workflow file, the repository. */
export function scheduleEvent(cron = '0 6 * * *') {
  const { repository, sender } = pushEvent({ before: '0'.repeat(40), after: 'a'.repeat(40) });
  return { schedule: cron, workflow: '.github/workflows/evalgate-drift.yml', repository, sender };
}

/** A workflow_run payload: the pull_request run of a PR's head commit finished. */
export function workflowRunEvent(options: { headSha: string; headBranch: string; headOwner: string; pullNumbers?: number[]; event?: string }) {
  const payload = examplePayload('workflow_run', (example) => example.action === 'completed' && example.workflow_run?.conclusion === 'success');
  payload.workflow_run.event = options.event ?? 'pull_request';
  payload.workflow_run.head_sha = options.headSha;
  payload.workflow_run.head_branch = options.headBranch;
  payload.workflow_run.head_repository.owner.login = options.headOwner;
  payload.workflow_run.pull_requests = (options.pullNumbers ?? []).map((number) => ({ number }));
  payload.workflow_run.html_url = `https://github.com/${OWNER}/${REPO}/actions/runs/777`;
  payload.repository.full_name = `${OWNER}/${REPO}`;
  payload.repository.default_branch = 'main';
  return payload;
}

/** A temp checkout holding the offline example suite (the app can then be edited per test). */
export function fixtureRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-action-'));
  cpSync(new URL('../../evals/contoso-faq', import.meta.url), join(dir, 'evals/contoso-faq'), { recursive: true });
  return dir;
}

/** Runs dist/index.js under Node 24 the way the runner does: INPUT_* env, event file, output files. */
export async function runAction(options: {
  cwd: string;
  event: string;
  payload: unknown;
  apiUrl: string;
  sha: string;
  ref: string;
  inputs?: Record<string, string>;
  /** Further environment variables of the step (e.g. a workflow-level `env:`). */
  env?: Record<string, string>;
}): Promise<ProcessResult & { outputs: Record<string, string>; summary: string }> {
  const eventPath = join(options.cwd, 'event.json');
  const outputPath = join(options.cwd, 'github_output');
  const summaryPath = join(options.cwd, 'step_summary.md');
  // A string payload is written as it is (a broken event file); anything else as JSON.
  writeFileSync(eventPath, typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs = { suites: 'evals/**/*.eval.yaml', baseline: 'evals/baseline.json', 'github-token': 'ghs_testtoken', 'fail-on': 'regression', comment: 'always', 'update-baseline': 'commit', concurrency: '4', 'working-directory': '.', ...options.inputs };
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: options.cwd,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = await runNode(ACTION, [], { cwd: options.cwd, env });
  return { ...result, outputs: parseOutputs(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8') };
}

/** GITHUB_OUTPUT uses `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] as string] = match[3] as string;
  return outputs;
}

/**
 * Writes a sharded workflow into the checkout and returns the step environment that points at it
 * (GITHUB_WORKFLOW_REF, GITHUB_JOB, GITHUB_WORKSPACE), as the runner sets it for the `evals` job.
 * `merge`: a job running EvalGate with `merge-results:` (needing `evals` unless `needs` says otherwise).
 */
export function shardedWorkflow(dir: string, merge: { needs: string[] } | false): Record<string, string> {
  const mergeJob = merge
    ? `  merge:\n    needs: [${merge.needs.join(', ')}]\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n      - uses: actions/download-artifact@v4\n        with: { pattern: evalgate-shard-*, path: shards, merge-multiple: true }\n      - uses: OWNER/evalgate@v1\n        with: { merge-results: "shards/*.json" }\n`
    : '';
  const text = `name: evals\non: pull_request\njobs:\n  evals:\n    runs-on: ubuntu-latest\n    strategy: { matrix: { shard: [1, 2, 3, 4] } }\n    steps:\n      - uses: actions/checkout@v5\n      - uses: OWNER/evalgate@v1\n        with: { shard: "\${{ matrix.shard }}/4" }\n${mergeJob}`;
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(join(dir, '.github/workflows/evals.yml'), text);
  return { GITHUB_WORKFLOW_REF: `${OWNER}/${REPO}/.github/workflows/evals.yml@refs/pull/31/merge`, GITHUB_JOB: 'evals', GITHUB_WORKSPACE: dir };
}
