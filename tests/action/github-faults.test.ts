import { ACTION_OUTPUTS } from '../../src/action/outputs.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitHubFault, GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import { fixtureRepo, pullRequestEvent, pushEvent, runAction } from '../support/action-run.js';

/**
 * The GitHub fault matrix, through dist/index.js against the loopback GitHub server: whatever
 * GitHub answers, the job summary, report.md and outputs are written, the exit code is the gate's
 * (or the configuration's), the stored baseline is never damaged, and no comment is doubled.
 */
const BASE = 'a'.repeat(40);
const BASELINE = 'evals/baseline.json';
const STORED = readFileSync(new URL('../../evals/baseline.json', import.meta.url), 'utf8');

interface Scenario {
  name: string;
  event: 'pull_request' | 'push';
  faults: GitHubFault[];
  exit: number;
  comments?: number;
  /** Text the job summary or the log must contain. */
  says?: RegExp;
  commits?: number;
}

const any = (times = 99) => times;
const SCENARIOS: Scenario[] = [
  { name: 'comment list 502 once (retried)', event: 'pull_request', faults: [{ match: /^GET .*\/issues\/\d+\/comments$/, status: 502, times: 1 }], exit: 0, comments: 1 },
  { name: 'comment list 502 always', event: 'pull_request', faults: [{ match: /^GET .*\/issues\/\d+\/comments$/, status: 502, times: any() }], exit: 0, comments: 0, says: /could not post the PR comment \(HTTP 502\): GitHub failed to answer, even after retries/ },
  { name: 'comment create 500 once (re-listed, posted once)', event: 'pull_request', faults: [{ match: /^POST .*\/comments$/, status: 500, times: 1 }], exit: 0, comments: 1 },
  { name: 'comment create 500 always', event: 'pull_request', faults: [{ match: /^POST .*\/comments$/, status: 500, times: any() }], exit: 0, comments: 0, says: /HTTP 500/ },
  { name: 'comment create 422', event: 'pull_request', faults: [{ match: /^POST .*\/comments$/, status: 422, times: any(), message: 'Validation Failed' }], exit: 0, comments: 0, says: /HTTP 422/ },
  { name: 'comment create 403 read-only token', event: 'pull_request', faults: [{ match: /^POST .*\/comments$/, status: 403, times: any(), message: 'Resource not accessible by integration' }], exit: 0, comments: 0, says: /lacks `pull-requests: write`/ },
  {
    name: 'comment create 403 rate limit (reset in an hour)',
    event: 'pull_request',
    faults: [{ match: /^POST .*\/comments$/, status: 403, times: any(), message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) } }],
    exit: 0,
    comments: 0,
    says: /rate limit was hit/,
  },
  { name: 'secondary rate limit with retry-after 1 (waited, posted)', event: 'pull_request', faults: [{ match: /^GET .*\/issues\/\d+\/comments$/, status: 403, times: 1, message: 'You have exceeded a secondary rate limit', headers: { 'retry-after': '1' } }], exit: 0, comments: 1 },
  { name: 'baseline read 502 once (retried)', event: 'pull_request', faults: [{ match: /^GET .*\/contents\//, status: 502, times: 1 }], exit: 0, comments: 1 },
  { name: 'baseline read 502 always', event: 'pull_request', faults: [{ match: /^GET .*\/contents\//, status: 502, times: any() }], exit: 1, comments: 1, says: /Could not compare: the baseline evals\/baseline.json could not be read from GitHub, even after retries \(HTTP 502/ },
  { name: 'push: commit 409 ×3', event: 'push', faults: [{ match: /^PUT /, status: 409, times: any(), message: 'evals/baseline.json does not match' }], exit: 1, commits: 0, says: /The baseline was not stored: GitHub did not accept the commit \(HTTP 409/ },
  { name: 'push: commit 502 always', event: 'push', faults: [{ match: /^PUT /, status: 502, times: any() }], exit: 1, commits: 0, says: /The baseline was not stored: GitHub did not accept the commit \(HTTP 502/ },
  { name: 'push: commit 502 once (retried)', event: 'push', faults: [{ match: /^PUT /, status: 502, times: 1 }], exit: 0, commits: 1 },
  { name: 'push: baseline read 502 always', event: 'push', faults: [{ match: /^GET .*\/contents\//, status: 502, times: any() }], exit: 1, commits: 0, says: /The baseline was not stored: the previous baseline could not be read \(the baseline evals\/baseline.json could not be read from GitHub, even after retries \(HTTP 502/ },
];

async function runScenario(github: GitHubServer, scenario: Scenario) {
  github.files.set(`${BASE}:${BASELINE}`, STORED);
  github.files.set(`main:${BASELINE}`, STORED);
  github.faults.push(...scenario.faults.map((fault) => ({ ...fault })));
  const dir = fixtureRepo();
  const result =
    scenario.event === 'push'
      ? await runAction({ cwd: dir, event: 'push', payload: pushEvent({ before: BASE, after: 'b'.repeat(40) }), apiUrl: github.url, sha: 'b'.repeat(40), ref: 'refs/heads/main' })
      : await runAction({ cwd: dir, event: 'pull_request', payload: pullRequestEvent({ number: 12, baseSha: BASE, headSha: 'c'.repeat(40) }), apiUrl: github.url, sha: 'd'.repeat(40), ref: 'refs/pull/12/merge' });
  return { dir, result };
}

describe.concurrent('GitHub fault matrix (dist/index.js)', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario]))('%s', async (_name, scenario) => {
    const github = await startGitHubServer();
    try {
      const { dir, result } = await runScenario(github, scenario);
      const log = result.stdout + result.stderr;
      expect(result.code, log).toBe(scenario.exit);
      expect(log).not.toMatch(/internal error|configuration error/);
      // Summary, report.md and every output, whatever GitHub did.
      expect(result.summary).toMatch(/EvalGate/);
      expect(existsSync(join(dir, '.evalgate/report.md'))).toBe(true);
      expect(Object.keys(result.outputs).sort()).toEqual([...ACTION_OUTPUTS].sort());
      if (scenario.says) expect(`${result.summary}\n${log}`).toMatch(scenario.says);
      if (scenario.comments !== undefined) expect(github.comments.filter((comment) => comment.issue === 12)).toHaveLength(scenario.comments);
      if (scenario.commits !== undefined) expect(github.commits).toHaveLength(scenario.commits);
      // The stored baseline is intact: unchanged, or replaced by one valid commit.
      const stored = github.files.get(`main:${BASELINE}`) ?? '';
      expect(JSON.parse(stored)).toMatchObject({ format: 'evalgate-results' });
      if (!scenario.commits) expect(stored).toBe(STORED);
    } finally {
      await github.close();
    }
  }, 60_000);
});
