import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import { fixtureRepo, pullRequestEvent, pushEvent, runAction } from '../support/action-run.js';

/**
 * README "What the verdict promises", through dist/index.js as the runner runs it: a push that
 * cannot store its baseline fails; a skipped suite never passes a PR; a PR cannot loosen the gate.
 */
let github: GitHubServer;
const BASELINE = 'evals/baseline.json';
const [MAIN, NEXT] = ['a'.repeat(40), 'f'.repeat(40)];

beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(() => github.close());

/** The fixture with a model-backed suite too: without an API key that suite is skipped. */
function withModelSuite(): string {
  const dir = fixtureRepo();
  cpSync(new URL('../../evals/support-chat', import.meta.url), join(dir, 'evals/support-chat'), { recursive: true });
  return dir;
}

const push = (dir: string, sha: string, before: string) => runAction({ cwd: dir, event: 'push', payload: pushEvent({ before, after: sha }), apiUrl: github.url, sha, ref: 'refs/heads/main' });
const pr = (dir: string, number: number, inputs: Record<string, string> = {}) =>
  runAction({ cwd: dir, event: 'pull_request', payload: pullRequestEvent({ number, baseSha: MAIN, headSha: 'b'.repeat(40) }), apiUrl: github.url, sha: 'c'.repeat(40), ref: `refs/pull/${number}/merge`, inputs });

describe('what the verdict promises (dist/index.js)', () => {
  it('a push without an API key stores what it measured, records the skipped suite, and fails naming the key', async () => {
    const result = await push(withModelSuite(), MAIN, '0'.repeat(40));
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('error');
    expect(result.stdout).toMatch(/::error::EvalGate COULD NOT RUN: The baseline was not stored: support-chat: skipped \(needs a model API key.*\) — give this job the API key.*no previous baseline on the branch: this push stores the first one/);
    const stored = JSON.parse(github.files.get(`main:${BASELINE}`) ?? '{}') as { suites: { name: string }[]; run: { unstored?: { suite: string }[]; gate?: unknown } };
    expect(stored.suites.map((suite) => suite.name)).toEqual(['contoso-faq']);
    expect(stored.run.unstored).toEqual([{ suite: 'support-chat', reason: expect.stringMatching(/^skipped \(needs a model API key/) }]);
    expect(stored.run.gate).toEqual({ failOn: 'regression', suites: ['evals/**/*.eval.yaml'], baseline: BASELINE });
    github.files.set(`${MAIN}:${BASELINE}`, github.files.get(`main:${BASELINE}`) ?? '');
  });

  it('a PR then says why main has no baseline for that suite, and is incomplete', async () => {
    const result = await pr(withModelSuite(), 31);
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('incomplete');
    expect(result.stdout).toMatch(/::error::EvalGate INCOMPLETE: not everything was compared \(1\): support-chat: no baseline on the default branch: the last push could not store it \(skipped \(needs a model API key/);
    expect(github.comments.find((comment) => comment.issue === 31)?.body).toContain('🚧 EvalGate: INCOMPLETE');
  });

  it('a PR that regresses and sets fail-on: never is still gated by the base\'s fail-on, and told so', async () => {
    const dir = fixtureRepo();
    const app = join(dir, 'evals/contoso-faq/app.mjs');
    writeFileSync(app, readFileSync(app, 'utf8').replace('overlap(focus, sentence) - index * 0.01', '-index'));
    const result = await pr(dir, 32, { 'fail-on': 'never', suites: 'evals/contoso-faq/*.eval.yaml' });
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    // Notes are Markdown-escaped in the summary: backticks and * may carry a backslash.
    expect(result.summary).toMatch(/This PR.s workflow asks for \\?`fail-on: never\\?`, looser than the default branch.s \\?`fail-on: regression\\?`: the default branch.s applies/);
    expect(result.summary).toMatch(/This PR.s workflow sets \\?`suites: evals\/contoso-faq\/\\?\*\.eval\.yaml\\?`, the default branch ran \\?`evals\/\\?\*\\?\*\/\\?\*\.eval\.yaml\\?`/);
  });

  it('a push to a branch that refuses direct commits fails, naming the protected branch and the PR route', async () => {
    github.protectedBranches.add('main');
    try {
      const result = await push(fixtureRepo(), NEXT, MAIN);
      expect(result.code).toBe(1);
      expect(result.outputs.verdict).toBe('error');
      expect(result.stdout).toMatch(/::error::EvalGate COULD NOT RUN: The baseline was not stored: the branch is protected \(Repository rule violations found\): let the workflow's token bypass the rule, or refresh the baseline through a pull request/);
    } finally {
      github.protectedBranches.delete('main');
    }
  });

  it('matched GitHub’s OpenAPI description in every call', () => {
    expect(github.violations).toEqual([]);
  });
});
