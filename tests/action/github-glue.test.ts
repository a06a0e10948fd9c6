import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commitBaseline, fetchBaseline } from '../../src/action/baseline-store.js';
import type { GitHubApi } from '../../src/action/github-api.js';
import { createGitHubApi } from '../../src/action/github-api.js';
import { parseInputs } from '../../src/action/inputs.js';
import { upsertStickyComment } from '../../src/action/sticky-comment.js';
import { ConfigError } from '../../src/core/errors.js';
import type { ResultsFile } from '../../src/results/types.js';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';

let github: GitHubServer;
let api: GitHubApi;
const waits: number[] = [];
const results = (date: string, commit: string): ResultsFile => ({ format: 'evalgate-results', version: 2, tool: { name: 'evalgate', version: '0.1.0' }, run: { date, commit, models: [], durationMs: 1 }, suites: [] });

beforeAll(async () => {
  github = await startGitHubServer({ perPage: 3 });
  api = createGitHubApi('ghs_test', { owner: 'contoso', repo: 'bot', apiUrl: github.url }, async (ms) => void waits.push(ms));
});
afterAll(() => github.close());
beforeEach(() => {
  waits.length = 0;
});

describe('GitHub REST glue against the loopback server', () => {
  it('pages through every comment and updates only our bot comment', async () => {
    for (let index = 0; index < 7; index += 1) github.comments.push({ id: 100 + index, issue: 5, body: `chat ${index}`, login: 'octocat', type: 'User' });
    github.comments.push({ id: 200, issue: 5, body: '<!-- evalgate:m -->\nold report', login: 'github-actions[bot]', type: 'Bot' });
    const url = await upsertStickyComment(api, 5, '<!-- evalgate:m -->', '<!-- evalgate:m -->\nnew report');
    expect(url).toContain('#issuecomment-200');
    expect(github.comments.find((comment) => comment.id === 200)?.body).toBe('<!-- evalgate:m -->\nnew report');
    expect(github.requests.filter((request) => request.includes('/issues/5/comments'))).toHaveLength(3);
  });

  it('with a personal access token, updates the comment that token wrote, never a forged one', async () => {
    github.patUsers.set('ghp_team', 'evals-bot-user');
    const pat = createGitHubApi('ghp_team', { owner: 'contoso', repo: 'bot', apiUrl: github.url });
    github.comments.push({ id: 300, issue: 6, body: '<!-- evalgate:m -->\nforged', login: 'mallory', type: 'User' });
    const first = await pat.createComment(6, '<!-- evalgate:m -->\nfirst');
    const url = await upsertStickyComment(pat, 6, '<!-- evalgate:m -->', '<!-- evalgate:m -->\nsecond');
    expect(url).toContain(`#issuecomment-${first.id}`);
    expect(github.comments.filter((comment) => comment.issue === 6).map((comment) => [comment.login, comment.body])).toEqual([
      ['mallory', '<!-- evalgate:m -->\nforged'],
      ['evals-bot-user', '<!-- evalgate:m -->\nsecond'],
    ]);
    // The Actions token has no user: the forged comment stays untouched and ours is created.
    const before = github.requests.length;
    await upsertStickyComment(api, 6, '<!-- evalgate:m -->', '<!-- evalgate:m -->\nthird');
    expect(github.requests.slice(before)).toEqual(['GET /repos/contoso/bot/issues/6/comments?per_page=100', 'GET /user', 'POST /repos/contoso/bot/issues/6/comments']);
    expect(github.comments.find((comment) => comment.id === 300)?.body).toBe('<!-- evalgate:m -->\nforged');
  });

  it('waits out a rate limit as the server asks (retry-after), then goes on', async () => {
    github.rateLimitNext = { status: 429, headers: { 'retry-after': '2' } };
    expect(await api.listComments(5)).toHaveLength(8);
    expect(waits).toEqual([2000]);
    github.rateLimitNext = { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) } };
    await expect(api.listComments(5)).rejects.toMatchObject({ status: 403 });
  });

  it('reads the baseline at a commit, validated; a missing file is no baseline', async () => {
    github.files.set(`abc:evals/baseline.json`, JSON.stringify(results('2026-11-01T00:00:00Z', 'abc')));
    let before = github.requests.length;
    expect(await fetchBaseline(api, 'evals/baseline.json', 'abc')).toMatchObject({ run: { commit: 'abc' } });
    // Up to 1 MB the contents JSON carries the file: one request, not two.
    expect(github.requests.length - before).toBe(1);
    const big = results('2026-11-01T00:00:00Z', 'big');
    github.files.set(`big:evals/baseline.json`, JSON.stringify({ ...big, tool: { ...big.tool, version: `0.1.0${' '.repeat(1024 * 1024)}` } }));
    before = github.requests.length;
    expect(await fetchBaseline(api, 'evals/baseline.json', 'big')).toMatchObject({ run: { commit: 'big' } });
    expect(github.requests.length - before).toBe(2);
    expect(await fetchBaseline(api, 'evals/baseline.json', 'nope')).toBeNull();
    github.files.set(`bad:evals/baseline.json`, '{"format":"something-else"}');
    await expect(fetchBaseline(api, 'evals/baseline.json', 'bad')).rejects.toThrow(ConfigError);
  });

  it('commits the baseline with the blob sha as precondition and keeps the newer commit\'s baseline when pushes race (by ancestry, not by date)', async () => {
    github.log.push(...['one', 'two', 'old', 'three', 'four'].map((sha, index) => ({ sha, date: `2026-11-0${index + 1}T00:00:00Z`, branch: 'main', paths: [] })));
    expect(await commitBaseline(api, 'evals/baseline.json', results('2026-11-02T00:00:00Z', 'one'), 'main')).toEqual({ written: true });
    expect(await commitBaseline(api, 'evals/baseline.json', results('2026-11-03T00:00:00Z', 'two'), 'main')).toEqual({ written: true });
    expect(github.commits.map((commit) => commit.message)).toEqual(['chore(evalgate): update baseline for one [skip ci]', 'chore(evalgate): update baseline for two [skip ci]']);
    // A concurrent push of a later commit lands between our read and our write: 409, re-read, and the newer commit wins — even though our run is dated later.
    const racing: GitHubApi = {
      ...api,
      async writeFile(path, text, message, branch, sha) {
        github.files.set(`main:${path}`, JSON.stringify(results('2026-11-05T00:00:00Z', 'three')));
        return api.writeFile(path, text, message, branch, sha);
      },
    };
    expect(await commitBaseline(racing, 'evals/baseline.json', results('2026-11-09T00:00:00Z', 'old'), 'main')).toEqual({ written: false, harmless: true, reason: expect.stringMatching(/^the branch already holds the baseline of a newer commit/) });
    expect(JSON.parse(github.files.get('main:evals/baseline.json') ?? '{}').run.commit).toBe('three');
    // A stored baseline dated in the future never blocks a newer commit's refresh.
    github.files.set('main:evals/baseline.json', JSON.stringify(results('2099-01-01T00:00:00Z', 'three')));
    expect(await commitBaseline(api, 'evals/baseline.json', results('2026-11-06T00:00:00Z', 'four'), 'main')).toEqual({ written: true });
    expect(github.requests).toContain('GET /repos/contoso/bot/compare/three...four?per_page=1');
  });

  it('explains a protected branch or a token without contents: write instead of failing the run', async () => {
    github.protectedBranches.add('release');
    const refused = await commitBaseline(api, 'evals/baseline.json', results('2026-11-06T00:00:00Z', 'four'), 'release');
    expect(refused).toEqual({ written: false, reason: expect.stringMatching(/^the branch is protected \(Repository rule violations found\): let the workflow's token bypass the rule, or refresh the baseline through a pull request \(README "Protected branches"\)/) });
    github.readOnly = true;
    try {
      const denied = await commitBaseline(api, 'evals/baseline.json', results('2026-11-06T00:00:00Z', 'four'), 'main');
      expect(denied).toEqual({ written: false, reason: 'the token cannot write contents (HTTP 403): grant `permissions: contents: write` to this job' });
    } finally {
      github.readOnly = false;
    }
  });

  it('matched GitHub’s OpenAPI description in every call', () => {
    expect(github.violations).toEqual([]);
  });
});

describe('action inputs', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? '';
  it('parses defaults and lists', () => {
    expect(parseInputs(read({ suites: 'evals/a.eval.yaml\n evals/b/*.eval.yaml, x.eval.yaml', 'api-key': ' sk-1 ' }))).toMatchObject({
      suites: ['evals/a.eval.yaml', 'evals/b/*.eval.yaml', 'x.eval.yaml'],
      apiKey: 'sk-1',
      baseline: 'evals/baseline.json',
      failOn: 'regression',
      comment: 'always',
      updateBaseline: 'commit',
      concurrency: 16,
      workingDirectory: '.',
      cache: true,
    });
    expect(parseInputs(read({ cache: 'false', shard: '2/8' }))).toMatchObject({ cache: false, shard: { index: 2, count: 8 } });
    expect(parseInputs(read({ 'merge-results': 'shards/*.json' }))).toMatchObject({ mergeResults: 'shards/*.json' });
    expect(parseInputs(read({})).sequential).toBeUndefined();
    expect([parseInputs(read({ sequential: 'false' })).sequential, parseInputs(read({ sequential: 'true' })).sequential]).toEqual([false, true]);
  });
  it.each([
    [{ comment: 'sometimes' }, 'input `comment` must be one of always, never, got "sometimes"'],
    [{ 'update-baseline': 'push' }, 'input `update-baseline` must be one of commit, off, got "push"'],
    [{ concurrency: '0' }, 'input `concurrency` must be a whole number from 1 to 256, got "0"'],
    [{ cache: 'yes' }, 'input `cache` must be one of true, false, got "yes"'],
    [{ sequential: 'off' }, 'input `sequential` must be one of true, false, got "off"'],
    [{ shard: '9/8' }, 'input `shard` must be INDEX/COUNT'],
    [{ shard: '1/2', 'merge-results': '*.json' }, 'belong to different jobs'],
  ])('rejects %j', (values, message) => {
    expect(() => parseInputs(read(values))).toThrow(message);
  });
});
