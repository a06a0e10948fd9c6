import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { driftMarker } from '../../src/action/drift/issue-body.js';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import { fixtureRepo, runAction, scheduleEvent } from '../support/action-run.js';

/**
 * Drift monitoring end to end: dist/index.js on `schedule` with `alert: issue`, against the
 * loopback GitHub server (every call checked against GitHub's OpenAPI description). The baseline
 * is the repo's committed one for the offline suite; a degraded app scores below it.
 */
let github: GitHubServer;
const BASELINE = 'evals/baseline.json';
const MARKER = driftMarker('evals/**/*.eval.yaml');
const committed = JSON.parse(readFileSync(new URL('../../evals/baseline.json', import.meta.url), 'utf8')) as { suites: { name: string }[] };
const baselineText = JSON.stringify({ ...committed, suites: committed.suites.filter((suite) => suite.name === 'contoso-faq') });

beforeAll(async () => {
  github = await startGitHubServer({ perPage: 2 });
});
afterAll(() => github.close());
beforeEach(() => {
  github.issues.length = 0;
  github.readOnly = false;
  github.issueCreateBarrier = 1;
});

function repo(options: { degraded: boolean }): string {
  const dir = fixtureRepo();
  if (options.degraded) {
    const app = join(dir, 'evals/contoso-faq/app.mjs');
    writeFileSync(app, readFileSync(app, 'utf8').replace('overlap(focus, sentence) - index * 0.01', '-index'));
  }
  return dir;
}

/** A scheduled run at commit `sha` (whose baseline is the committed one). */
function scheduled(sha: string, options: { degraded: boolean; inputs?: Record<string, string> }) {
  github.files.set(`${sha}:${BASELINE}`, baselineText);
  return runAction({ cwd: repo(options), event: 'schedule', payload: scheduleEvent(), apiUrl: github.url, sha, ref: 'refs/heads/main', inputs: { alert: 'issue', ...options.inputs } });
}

const ours = () => github.issues.filter((issue) => issue.body.startsWith(MARKER) && issue.type === 'Bot');
const runSections = (body: string) => body.split('<!-- evalgate-drift-run -->').length - 1;

describe('drift monitoring (schedule + alert: issue)', () => {
  it('with alert off (the default) touches no issue', async () => {
    const result = await scheduled('1'.repeat(40), { degraded: true, inputs: { alert: '' } });
    expect(result.outputs.verdict).toBe('fail');
    expect(github.requests.filter((request) => request.includes('/issues'))).toEqual([]);
  });

  it('opens one issue on a regression, updates it on the next failing run, closes it when scores recover', async () => {
    github.issues.push({ number: 99, title: 'forged', body: `${MARKER}\nby a user`, state: 'open', stateReason: null, labels: ['evalgate', 'drift'], login: 'mallory', type: 'User', created: -1 });

    const first = await scheduled('1'.repeat(40), { degraded: true });
    expect(first.code).toBe(1);
    expect(ours()).toHaveLength(1);
    const issue = ours()[0];
    expect(issue).toMatchObject({ state: 'open', labels: ['evalgate', 'drift'], title: expect.stringContaining('drifted') });
    expect(issue?.body).toMatch(/^<!-- evalgate-drift:/);
    expect(issue?.body).toMatch(/\| contoso-faq \| `f1` \| 42\.0% \| \d+\.\d% \| −\d+\.\d \| ❌ dropped/);
    expect(issue?.body).toContain('commit `1111111`');
    // The note goes through the Markdown escaper: the reference is shown, never a live auto-link.
    expect(first.summary).toContain(`Drift issue \\#\u200d${issue?.number} opened`);

    const second = await scheduled('2'.repeat(40), { degraded: true });
    expect(second.code).toBe(1);
    expect(ours()).toHaveLength(1);
    expect(runSections(issue?.body ?? '')).toBe(2);
    expect((issue?.body ?? '').indexOf('`2222222`')).toBeLessThan((issue?.body ?? '').indexOf('`1111111`'));
    expect(second.summary).toContain(`Drift issue \\#\u200d${issue?.number} updated`);

    const recovered = await scheduled('3'.repeat(40), { degraded: false });
    expect(recovered.code).toBe(0);
    expect(recovered.outputs.verdict).toBe('pass');
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(github.comments.find((comment) => comment.issue === issue?.number)?.body).toMatch(/Scores recovered.*`3333333`/);
    expect(recovered.summary).toContain('Scores recovered');
    expect(github.issues.find((candidate) => candidate.number === 99)).toMatchObject({ state: 'open', body: `${MARKER}\nby a user` });
  });

  it('two concurrent failing runs leave one open issue carrying both runs', async () => {
    github.issueCreateBarrier = 2;
    const runs = await Promise.all([scheduled('4'.repeat(40), { degraded: true }), scheduled('5'.repeat(40), { degraded: true })]);
    expect(runs.map((run) => run.code)).toEqual([1, 1]);
    expect(ours()).toHaveLength(2);
    const [kept, duplicate] = ours();
    expect(kept).toMatchObject({ state: 'open' });
    expect(duplicate).toMatchObject({ state: 'closed', stateReason: 'duplicate' });
    expect(runSections(kept?.body ?? '')).toBe(2);
    expect(kept?.body).toContain('`4444444`');
    expect(kept?.body).toContain('`5555555`');
    expect(github.comments.find((comment) => comment.issue === duplicate?.number)?.body).toContain(`Duplicate of #${kept?.number}`);
  });

  it('a read-only token degrades to a note in the summary and never fails the step', async () => {
    github.readOnly = true;
    const result = await scheduled('6'.repeat(40), { degraded: true, inputs: { 'fail-on': 'never' } });
    expect(result.code).toBe(0);
    expect(result.outputs.verdict).toBe('fail');
    expect(github.issues).toEqual([]);
    expect(result.summary).toMatch(/The drift issue could not be opened or updated \\?\(HTTP 403: the token cannot write issues/);
    expect(result.stdout).toContain('::warning::EvalGate: the drift issue could not be opened or updated (HTTP 403');
  });

  it('matched GitHub’s OpenAPI description in every call', () => {
    expect(github.violations).toEqual([]);
  });
});
