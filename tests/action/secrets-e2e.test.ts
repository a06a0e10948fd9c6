import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import { pullRequestEvent, pushEvent, runAction } from '../support/action-run.js';
import { CLI, runNode } from '../support/run-node.js';

/**
 * An app that prints its whole environment as its answer, and crashes quoting the API key on one
 * case, run by dist/index.js (push: baseline commit; PR: comment and summary) and by the CLI.
 * The key and the token must appear nowhere: not in results.json, the committed baseline, the
 * comment GitHub received, the job summary, report.md, stdout or stderr.
 */
const API_KEY = 'sk-proj-LEAKCANARY0123456789abcdef';
const TOKEN = 'ghs_TOKENCANARY9876543210zyxw';
const SUITE_SECRET = 'suite-db-password-CANARY42';
const MAIN_SHA = 'd'.repeat(40);

const APP = `
const vars = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
if (vars.id === 'crash') {
  console.error('fatal: provider rejected key ' + process.env.OPENAI_API_KEY + ' (token ' + process.env['INPUT_GITHUB-TOKEN'] + ')');
  process.exit(3);
}
console.log(JSON.stringify({ output: JSON.stringify(process.env) }));
`;

function leakyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-secrets-'));
  mkdirSync(join(dir, 'evals/leaky'), { recursive: true });
  writeFileSync(join(dir, 'evals/leaky/app.cjs'), APP);
  writeFileSync(
    join(dir, 'evals/leaky/leaky.eval.yaml'),
    [
      'name: leaky',
      'flow:',
      '  kind: command',
      '  command: node app.cjs',
      '  pass-env: [OPENAI_API_KEY, GREETING]',
      '  env: { DB_PASSWORD: ' + SUITE_SECRET + ' }',
      'data: cases.jsonl',
      'evaluators:',
      '  - { metric: icontains, expected: "{{answer}}" }',
    ].join('\n'),
  );
  const cases = [{ id: 'env-1', answer: 'PATH' }, { id: 'env-2', answer: 'GREETING' }, { id: 'crash', answer: 'never' }];
  writeFileSync(join(dir, 'evals/leaky/cases.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n'));
  return dir;
}

function expectClean(label: string, text: string): void {
  // `::add-mask::` is how the runner learns to mask them; nothing else may carry them.
  const visible = text.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
  for (const secret of [API_KEY, TOKEN, SUITE_SECRET]) expect(visible.includes(secret), `${label} holds ${secret.slice(0, 12)}…`).toBe(false);
}

let github: GitHubServer;
beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(() => github.close());

const step = { inputs: { 'api-key': API_KEY, 'github-token': TOKEN }, env: { OPENAI_API_KEY: API_KEY, GITHUB_TOKEN: TOKEN, GREETING: 'hello', ACTIONS_RUNTIME_TOKEN: 'runtime-CANARY' } };

describe('secrets stay secret', () => {
  it('a push: results.json, the committed baseline, report.md, summary and logs hold neither key nor token', async () => {
    const dir = leakyRepo();
    const result = await runAction({ cwd: dir, event: 'push', payload: pushEvent({ before: '0'.repeat(40), after: MAIN_SHA }), apiUrl: github.url, sha: MAIN_SHA, ref: 'refs/heads/main', ...step });
    expect(result.code, result.stdout).toBe(0);
    const results = readFileSync(join(dir, '.evalgate/results.json'), 'utf8');
    // The app ran and printed its environment: the passed variables are there, masked where secret.
    expect(results).toContain('GREETING');
    expect(results).toContain('OPENAI_API_KEY');
    expect(results).toContain('***');
    // Never inherited: the inputs, ACTIONS_* and GITHUB_TOKEN.
    expect(results).not.toMatch(/INPUT_|ACTIONS_RUNTIME|runtime-CANARY|GITHUB_TOKEN/);
    expect(results).toContain('exited with 3');
    expect(github.commits).toHaveLength(1);
    for (const [label, text] of [
      ['results.json', results],
      ['baseline commit', github.commits[0]?.content ?? ''],
      ['report.md', readFileSync(join(dir, '.evalgate/report.md'), 'utf8')],
      ['summary', result.summary],
      ['stdout', result.stdout],
      ['stderr', result.stderr],
      ['outputs', JSON.stringify(result.outputs)],
    ] as const) {
      expectClean(label, text);
    }
    github.files.set(`${MAIN_SHA}:evals/baseline.json`, github.commits[0]?.content ?? '');
  });

  it('a pull request: the comment GitHub received, the summary and the logs hold neither', async () => {
    const dir = leakyRepo();
    const result = await runAction({ cwd: dir, event: 'pull_request', payload: pullRequestEvent({ number: 31, baseSha: MAIN_SHA, headSha: 'e'.repeat(40) }), apiUrl: github.url, sha: 'f'.repeat(40), ref: 'refs/pull/31/merge', ...step });
    expect(result.code, result.stdout).toBe(0);
    const comment = github.comments.find((c) => c.issue === 31);
    expect(comment?.body).toContain('exited with 3');
    for (const [label, text] of [
      ['comment', comment?.body ?? ''],
      ['summary', result.summary],
      ['report.md', readFileSync(join(dir, '.evalgate/report.md'), 'utf8')],
      ['results.json', readFileSync(join(dir, '.evalgate/results.json'), 'utf8')],
      ['stdout', result.stdout],
      ['stderr', result.stderr],
    ] as const) {
      expectClean(label, text);
    }
  });

  it('the CLI: results, baseline, report, stdout and stderr hold no key', async () => {
    const dir = leakyRepo();
    const env = { OPENAI_API_KEY: API_KEY, GITHUB_TOKEN: TOKEN, GREETING: 'hello' };
    const result = await runNode(CLI, ['run', '--update-baseline', '--format', 'markdown'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('exited with 3');
    for (const [label, text] of [
      ['results.json', readFileSync(join(dir, '.evalgate/results.json'), 'utf8')],
      ['baseline', readFileSync(join(dir, 'evals/baseline.json'), 'utf8')],
      ['report.md', readFileSync(join(dir, '.evalgate/report.md'), 'utf8')],
      ['stdout', result.stdout],
      ['stderr', result.stderr],
    ] as const) {
      expectClean(label, text);
    }
  });
});
