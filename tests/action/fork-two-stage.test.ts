import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import { fixtureRepo, pullRequestEvent, pushEvent, runAction, workflowRunEvent } from '../support/action-run.js';

/**
 * Fork PRs: the pull_request run (read-only token) evaluates and uploads its results; the
 * workflow_run run (write token, no PR code) validates them and posts the comment.
 */
let github: GitHubServer;
const MAIN_SHA = 'a'.repeat(40);
const HEAD_SHA = 'f'.repeat(40);
const FORK = { headOwner: 'someone', headBranch: 'patch-1' };
let stageOneResults = '';

beforeAll(async () => {
  github = await startGitHubServer();
  const main = await runAction({ cwd: fixtureRepo(), event: 'push', payload: pushEvent({ before: '0'.repeat(40), after: MAIN_SHA }), apiUrl: github.url, sha: MAIN_SHA, ref: 'refs/heads/main' });
  expect(main.code).toBe(0);
  github.files.set(`${MAIN_SHA}:evals/baseline.json`, github.commits[0]?.content ?? '');
});
afterAll(() => github.close());

/** The privileged second stage: a checkout of main (no PR code) plus the downloaded artifact. */
function publish(results: string, options: { pullNumbers?: number[]; event?: string; inputs?: Record<string, string> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-publish-'));
  mkdirSync(join(dir, 'artifact'));
  writeFileSync(join(dir, 'artifact/results.json'), results);
  return runAction({
    cwd: dir,
    event: 'workflow_run',
    payload: workflowRunEvent({ headSha: HEAD_SHA, ...FORK, ...options }),
    apiUrl: github.url,
    sha: MAIN_SHA,
    ref: 'refs/heads/main',
    inputs: options.inputs ?? { 'publish-results': 'artifact/results.json' },
  });
}

describe('fork pull requests: pull_request → workflow_run', () => {
  it('stage 1 evaluates the fork PR with a read-only token and fails its own check', async () => {
    const dir = fixtureRepo();
    const app = join(dir, 'evals/contoso-faq/app.mjs');
    writeFileSync(app, readFileSync(app, 'utf8').replace('overlap(focus, sentence) - index * 0.01', '-index'));
    github.readOnly = true;
    try {
      const result = await runAction({
        cwd: dir,
        event: 'pull_request',
        payload: pullRequestEvent({ number: 20, baseSha: MAIN_SHA, headSha: HEAD_SHA, fork: true }),
        apiUrl: github.url,
        sha: 'c'.repeat(40),
        ref: 'refs/pull/20/merge',
        // Every case runs, so stage 2's comment shows every metric's drop decided (stopping early has its own tests).
        inputs: { comment: 'never', sequential: 'false' },
      });
      expect(result.code).toBe(1);
      expect(result.outputs.verdict).toBe('fail');
      stageOneResults = readFileSync(result.outputs.results ?? '', 'utf8');
    } finally {
      github.readOnly = false;
    }
    expect(github.comments).toHaveLength(0);
  });

  it('stage 2 finds the fork PR from the trusted event, re-compares and posts the comment without running anything', async () => {
    github.pulls.push({ number: 20, baseSha: MAIN_SHA, headSha: HEAD_SHA, ...FORK });
    const result = await publish(stageOneResults);
    expect(result.code).toBe(0);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.stdout).not.toContain('contoso-faq: 40 cases');
    expect(github.requests).toContain('GET /repos/contoso/outdoors-bot/pulls?head=someone%3Apatch-1&state=open&per_page=100');
    expect(github.requests).toContain(`GET /repos/contoso/outdoors-bot/contents/evals%2Fbaseline.json?ref=${MAIN_SHA}`);
    const posted = github.comments.filter((comment) => comment.issue === 20);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body).toMatch(/`f1`.*❌ dropped/);
    // The link goes to the pull_request run that evaluated the PR, not to this publishing run.
    expect(posted[0]?.body).toContain('(https://github.com/contoso/outdoors-bot/actions/runs/777)');
    expect(posted[0]?.body).not.toContain('/actions/runs/4242');

    const again = await publish(stageOneResults, { pullNumbers: [20] });
    expect(again.code).toBe(0);
    expect(github.comments.filter((comment) => comment.issue === 20)).toHaveLength(1);
  });

  it('refuses an artifact whose results are for another commit', async () => {
    const forged = JSON.parse(stageOneResults) as { run: { commit: string } };
    forged.run.commit = 'e'.repeat(40);
    const result = await publish(JSON.stringify(forged));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('::error::EvalGate configuration error: artifact/results.json is for commit eeeeeee, but the pull_request run evaluated fffffff');
  });

  it('refuses an artifact that is not a valid results file', async () => {
    const result = await publish('{"format":"evalgate-results","version":1,"suites":"<img src=x onerror=alert(1)>"}');
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/::error::EvalGate configuration error: artifact\/results\.json/);
  });

  it('posts nothing when the PR has moved on to a newer commit', async () => {
    const pull = github.pulls.find((candidate) => candidate.number === 20);
    if (pull) pull.headSha = 'd'.repeat(40);
    const before = github.comments.map((comment) => comment.body);
    const result = await publish(stageOneResults);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('::notice::EvalGate: the pull request has moved on to a newer commit');
    expect(github.comments.map((comment) => comment.body)).toEqual(before);
  });

  it('needs publish-results on workflow_run, and a pull_request run behind it', async () => {
    const missing = await publish(stageOneResults, { inputs: {} });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('set `publish-results:`');
    const pushRun = await publish(stageOneResults, { event: 'push' });
    expect(pushRun.code).toBe(2);
    expect(pushRun.stdout).toContain('triggered by a push run, not a pull_request run');
  });

  it('matched GitHub’s OpenAPI description in every call', () => {
    expect(github.violations).toEqual([]);
  });
});
