import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import { pullRequestEvent, pushEvent, runAction } from '../support/action-run.js';
import { CLI, runNode } from '../support/run-node.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, errorReply, startOpenAIServer } from '../support/openai-server.js';
import { FRAGMENT_LENGTH } from '../../src/core/secrets.js';
import { longestFragment } from '../support/secret-fragments.js';

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

/**
 * The new channels: a Prompty file reading a secret through EVALGATE_PROMPTY_ENV into a prompt the
 * model echoes (with the Authorization header it received), JavaScript and Python assertions that
 * return their whole environment and /proc/self/environ as the reason, and a provider error that
 * quotes the API key without its `sk-` prefix. Nothing of any secret, not even a 10-character
 * stretch, may reach results, the baseline, the comment, the summary, report.md or the log.
 */
const PROMPT_SECRET = 'contoso-prompt-CANARY-7f3e9a51';
const RUNTIME_TOKEN = 'runtime-CANARY-3b9f0c2d7e11aa';
const ID_TOKEN = 'idtoken-CANARY-55ab93c0e2f4';
const ALL_SECRETS = [API_KEY, TOKEN, PROMPT_SECRET, RUNTIME_TOKEN, ID_TOKEN];

const PROMPTY = `---
name: echo
model: { api: chat, id: gpt-4o-mini }
inputs:
  key: "\${env:CONTOSO_API_KEY}"
  question: { type: string }
---
system:
Authenticate with {{key}} before answering.

user:
{{question}}
`;
const ENVIRON = "process.getBuiltinModule('node:fs').readFileSync('/proc/self/environ', 'utf8')";
const PY_ASSERT = ['import os', 'def get_assert(output, context):', "    return {'pass': True, 'score': 1, 'reason': repr(dict(os.environ)) + open('/proc/self/environ').read()}", ''].join('\n');

function newChannelsRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-secrets-new-'));
  mkdirSync(join(dir, 'evals/echo'), { recursive: true });
  writeFileSync(join(dir, 'evals/echo/echo.prompty'), PROMPTY);
  writeFileSync(join(dir, 'evals/echo/assert.py'), PY_ASSERT);
  writeFileSync(
    join(dir, 'evals/echo/echo.eval.yaml'),
    [
      'name: echo',
      'flow: { kind: prompty, file: echo.prompty }',
      'data: cases.jsonl',
      'evaluators:',
      '  - { metric: icontains, expected: "{{answer}}" }',
      `  - { metric: javascript, code: ${JSON.stringify(`({ pass: true, reason: JSON.stringify(process.env) + ${ENVIRON} })`)} }`,
      '  - { metric: python, code: "file://assert.py" }',
    ].join('\n'),
  );
  const cases = [{ id: 'echo-1', question: 'hello there', answer: 'hello' }, { id: 'echo-2', question: 'what key?', answer: 'key' }, { id: 'crash', question: 'crash now', answer: 'never' }];
  writeFileSync(join(dir, 'evals/echo/cases.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n'));
  return dir;
}

function expectNoFragment(label: string, text: string): void {
  const visible = text.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
  for (const secret of ALL_SECRETS) expect(longestFragment(visible, secret), `${label} holds part of ${secret.slice(0, 12)}…`).toBeLessThan(FRAGMENT_LENGTH);
}

describe('secrets in new places: Prompty env, assertions’ environment, a key quoted without its prefix', () => {
  let model: OpenAIServer;
  beforeAll(async () => {
    model = await startOpenAIServer((request) => {
      const prompt = JSON.stringify(request.body.messages);
      if (prompt.includes('crash')) return errorReply(400, `Incorrect API key provided: ${API_KEY.slice(3)}. You can find your API key at https://platform.example/keys.`);
      return chatReply(`hello, you said ${prompt} with ${String(request.headers.authorization)}`);
    });
  });
  afterAll(() => model.close());

  const newStep = () => ({
    inputs: { 'api-key': API_KEY, 'github-token': TOKEN, 'base-url': `${model.url}/v1` },
    env: { OPENAI_API_KEY: API_KEY, GITHUB_TOKEN: TOKEN, ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN: ID_TOKEN, EVALGATE_PROMPTY_ENV: 'CONTOSO_API_KEY', CONTOSO_API_KEY: PROMPT_SECRET },
  });

  it('a push and a pull request through dist/index.js: every file, the baseline, the comment and the log', async () => {
    const dir = newChannelsRepo();
    const sha = '1'.repeat(40);
    const push = await runAction({ cwd: dir, event: 'push', payload: pushEvent({ before: '0'.repeat(40), after: sha }), apiUrl: github.url, sha, ref: 'refs/heads/main', ...newStep() });
    expect(push.code, push.stdout).toBe(0);
    const results = readFileSync(join(dir, '.evalgate/results.json'), 'utf8');
    // Every channel ran: the echoed prompt (masked), the assertions' environments, the provider error.
    expect(results).toContain('Authenticate with *** before answering');
    expect(results).toContain('Bearer ***');
    expect(results).toContain('Incorrect API key provided: ***.');
    expect(results).toMatch(/PATH/);
    // The assertions' processes never had the runner's variables.
    expect(results).not.toMatch(/INPUT_|ACTIONS_RUNTIME|ACTIONS_ID_TOKEN|GITHUB_TOKEN|CONTOSO_API_KEY|OPENAI_API_KEY/);
    const baseline = github.commits.at(-1)?.content ?? '';
    expect(baseline).toContain('echo-1');
    github.files.set(`${sha}:evals/baseline.json`, baseline);
    for (const [label, text] of [['results.json', results], ['baseline commit', baseline], ['report.md', readFileSync(join(dir, '.evalgate/report.md'), 'utf8')], ['summary', push.summary], ['stdout', push.stdout], ['stderr', push.stderr]] as const) {
      expectNoFragment(label, text);
    }
    const pr = await runAction({ cwd: dir, event: 'pull_request', payload: pullRequestEvent({ number: 41, baseSha: sha, headSha: '2'.repeat(40) }), apiUrl: github.url, sha: '3'.repeat(40), ref: 'refs/pull/41/merge', ...newStep() });
    expect(pr.code, pr.stdout).toBe(0);
    const comment = github.comments.find((c) => c.issue === 41)?.body ?? '';
    expect(comment).toContain('echo');
    for (const [label, text] of [['comment', comment], ['summary', pr.summary], ['stdout', pr.stdout], ['stderr', pr.stderr], ['results.json', readFileSync(join(dir, '.evalgate/results.json'), 'utf8')]] as const) {
      expectNoFragment(label, text);
    }
  });
});
