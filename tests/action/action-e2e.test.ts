import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import { fixtureRepo, pullRequestEvent, pushEvent, runAction } from '../support/action-run.js';

/**
 * dist/index.js, run under Node 24 as the runner runs it, against a loopback GitHub REST server
 * that checks every call against GitHub's OpenAPI description.
 */
let github: GitHubServer;
const BASELINE = 'evals/baseline.json';
const MAIN_SHA = 'a'.repeat(40);

beforeAll(async () => {
  github = await startGitHubServer({ perPage: 2 });
});
afterAll(() => github.close());

function degrade(dir: string): void {
  const app = join(dir, 'evals/contoso-faq/app.mjs');
  writeFileSync(app, readFileSync(app, 'utf8').replace('overlap(focus, sentence) - index * 0.01', '-index'));
}

const pr = (dir: string, number: number, baseSha: string, extra: { fork?: boolean; inputs?: Record<string, string>; event?: string } = {}) =>
  runAction({
    cwd: dir,
    event: extra.event ?? 'pull_request',
    payload: pullRequestEvent({ number, baseSha, headSha: 'b'.repeat(40), ...(extra.fork ? { fork: true } : {}) }),
    apiUrl: github.url,
    sha: 'c'.repeat(40),
    ref: `refs/pull/${number}/merge`,
    ...(extra.inputs ? { inputs: extra.inputs } : {}),
  });

describe('the action, end to end', () => {
  it('on a push to main with no baseline yet: reports, passes and commits the baseline with [skip ci]', async () => {
    const result = await runAction({ cwd: fixtureRepo(), event: 'push', payload: pushEvent({ before: '0'.repeat(40), after: MAIN_SHA }), apiUrl: github.url, sha: MAIN_SHA, ref: 'refs/heads/main' });
    expect(result.code).toBe(0);
    expect(result.outputs.verdict).toBe('pass');
    expect(github.commits).toHaveLength(1);
    expect(github.commits[0]).toMatchObject({ path: BASELINE, branch: 'main', message: expect.stringContaining('[skip ci]') });
    expect(JSON.parse(github.commits[0]?.content ?? '{}')).toMatchObject({ format: 'evalgate-results', run: { commit: MAIN_SHA } });
    expect(result.summary).toContain('was stored from this run');
    // The merge commit of that push is the base of the PRs below.
    github.files.set(`${MAIN_SHA}:${BASELINE}`, github.commits[0]?.content ?? '');
  });

  it('passes an unchanged PR, creates one sticky comment and masks the secrets', async () => {
    github.comments.push({ id: 900, issue: 7, body: '<!-- evalgate:evals_.eval.yaml -->\nforged by a user', login: 'mallory', type: 'User' }, { id: 901, issue: 7, body: 'LGTM', login: 'octocat', type: 'User' });
    const result = await pr(fixtureRepo(), 7, MAIN_SHA, { inputs: { 'api-key': 'sk-e2e-secret' } });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'pass', regressions: '0' });
    expect(result.stdout).toContain('::add-mask::sk-e2e-secret');
    expect(result.stdout).toContain('::add-mask::ghs_testtoken');
    const ours = github.comments.filter((comment) => comment.issue === 7 && comment.type === 'Bot');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toMatch(/^<!-- evalgate:/);
    expect(result.outputs['comment-url']).toContain('#issuecomment-');
    expect(github.requests).toContain(`GET /repos/contoso/outdoors-bot/contents/evals%2Fbaseline.json?ref=${MAIN_SHA}`);
  });

  it('fails a PR that lowers the scores, showing the drop, and updates the same comment', async () => {
    const dir = fixtureRepo();
    degrade(dir);
    // Every case runs (a fixed-N run) so every metric's drop is decided; stopping early has its own tests.
    const result = await pr(dir, 7, MAIN_SHA, { inputs: { sequential: 'false' } });
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(Number(result.outputs.regressions)).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/::error::EvalGate FAIL/);
    const ours = github.comments.filter((comment) => comment.issue === 7 && comment.type === 'Bot');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain('❌');
    expect(ours[0]?.body).toMatch(/`icontains`.*❌ 0\\.375 is below the floor 0\.8/);
    expect(ours[0]?.body).toMatch(/`f1`.*❌ dropped/);
    expect(ours[0]?.body).toContain('Top regressed cases');
    expect(github.comments.find((comment) => comment.id === 900)?.body).toContain('forged by a user');
    expect(readFileSync(result.outputs.report ?? '', 'utf8')).toContain('FAIL');
  });

  it('bootstrap: reports and passes when the base commit has no suites, saying nothing is gated yet', async () => {
    const result = await pr(fixtureRepo(), 8, 'd'.repeat(40));
    expect(result.code).toBe(0);
    expect(result.outputs.verdict).toBe('pass');
    expect(github.comments.find((comment) => comment.issue === 8)?.body).toContain('nothing is gated yet: the base commit has no EvalGate suites');
  });

  it('is incomplete (and fails) when the base commit has suites but no stored baseline, saying why', async () => {
    const base = 'e'.repeat(40);
    github.files.set(`${base}:evals/contoso-faq/faq.eval.yaml`, 'name: contoso-faq\n');
    const result = await pr(fixtureRepo(), 12, base);
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('incomplete');
    expect(result.stdout).toMatch(/::error::EvalGate INCOMPLETE: not everything was compared \(1\): the whole run: the base commit has EvalGate suites but no stored baseline/);
    expect(github.comments.find((comment) => comment.issue === 12)?.body).toContain('🚧 EvalGate: INCOMPLETE');
  });

  it('degrades to the job summary on a fork PR with a read-only token', async () => {
    github.readOnly = true;
    try {
      const result = await pr(fixtureRepo(), 9, MAIN_SHA, { fork: true });
      expect(result.code).toBe(0);
      expect(result.outputs['comment-url']).toBe('');
      expect(result.summary).toContain('comes from a fork');
      expect(result.stdout).toContain('::warning::EvalGate could not post the PR comment (HTTP 403)');
    } finally {
      github.readOnly = false;
    }
  });

  it('rejects a corrupt baseline with one clear configuration error', async () => {
    github.files.set(`${'e'.repeat(40)}:${BASELINE}`, '{"format":"evalgate-results","version":1');
    const result = await pr(fixtureRepo(), 10, 'e'.repeat(40));
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/::error::EvalGate configuration error: evals\/baseline\.json@eeeeeee: not valid JSON/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses pull_request_target instead of running PR code with a privileged token', async () => {
    const result = await pr(fixtureRepo(), 11, MAIN_SHA, { event: 'pull_request_target' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('does not run on pull_request_target');
  });

  it('rejects a bad input value', async () => {
    const result = await pr(fixtureRepo(), 12, MAIN_SHA, { inputs: { 'fail-on': 'sometimes' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('input `fail-on` must be one of regression, warn, never, got "sometimes"');
  });

  it('matched GitHub’s OpenAPI description in every call', () => {
    expect(github.violations).toEqual([]);
  });
});
