import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseCacheKeys, savesResponseCache } from '../../src/action/response-cache.js';
import { readEvent } from '../../src/action/event.js';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import { fixtureRepo, pullRequestEvent, pushEvent, runAction, shardedWorkflow } from '../support/action-run.js';

let github: GitHubServer;
const BASE_SHA = 'd'.repeat(40);
beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(() => github.close());

const prRun = (dir: string, inputs: Record<string, string>, env?: Record<string, string>) =>
  runAction({ cwd: dir, event: 'pull_request', payload: pullRequestEvent({ number: 31, baseSha: BASE_SHA, headSha: 'e'.repeat(40) }), apiUrl: github.url, sha: 'f'.repeat(40), ref: 'refs/pull/31/merge', inputs, ...(env ? { env } : {}) });

describe('the action on a sharded matrix (dist/index.js)', () => {
  it('each shard job writes partial results and gates nothing; the merge job compares, comments and gates once', async () => {
    const unsharded = fixtureRepo();
    const full = await prRun(unsharded, {});
    expect(full.code).toBe(0);
    github.files.set(`${BASE_SHA}:evals/baseline.json`, readFileSync(join(unsharded, '.evalgate/results.json'), 'utf8'));
    const commentsBefore = github.comments.length;

    const merge = fixtureRepo();
    mkdirSync(join(merge, 'shards'));
    // The matrix jobs run at once, as on GitHub.
    await Promise.all(
      [1, 2, 3, 4].map(async (index) => {
        const dir = fixtureRepo();
        const shard = await prRun(dir, { shard: `${index}/4` }, shardedWorkflow(dir, { needs: ['evals'] }));
        expect(shard.code).toBe(0);
        expect(shard.outputs.verdict).toBe('');
        expect(shard.stdout).toContain(`shard ${index}/4: partial results`);
        writeFileSync(join(merge, 'shards', `results-${index}.json`), readFileSync(join(dir, '.evalgate/results.json')));
      }),
    );
    expect(github.comments.length).toBe(commentsBefore);

    const merged = await prRun(merge, { 'merge-results': 'shards/*.json' });
    expect(merged.code).toBe(0);
    expect(merged.outputs).toMatchObject({ verdict: 'pass', regressions: '0' });
    expect(merged.stdout).toContain('merging 4 shards');
    const results = JSON.parse(readFileSync(join(merge, '.evalgate/results.json'), 'utf8'));
    expect(results.suites[0].cases.map((testCase: { id: string }) => testCase.id)).toEqual(
      JSON.parse(readFileSync(join(unsharded, '.evalgate/results.json'), 'utf8')).suites[0].cases.map((testCase: { id: string }) => testCase.id),
    );

    const missing = await prRun(merge, { 'merge-results': 'shards/results-[123].json' });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('3 of 4 shards found (1/4, 2/4, 3/4): shard 4/4 missing');
  }, 300_000); // seven action runs: a safety net for a loaded machine, not a speed requirement
});

describe('persisted response cache (actions/cache)', () => {
  it('restores under a prefix a PR shares with the default branch; only a push to the default branch saves', () => {
    const env = { RUNNER_OS: 'Linux', GITHUB_SHA: 'abc', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1' };
    const keys = responseCacheKeys(env);
    expect(keys.primary.startsWith(keys.restore[0] ?? '∅')).toBe(true);
    expect(keys.primary).not.toBe(responseCacheKeys({ ...env, GITHUB_RUN_ID: '43' }).primary);
    const shard = responseCacheKeys(env, { index: 2, count: 8 });
    expect(shard.primary.startsWith(shard.restore[0] ?? '∅')).toBe(true);
    expect(shard.restore[0]?.startsWith(keys.restore[0] ?? '∅')).toBe(true);
    expect(shard.restore).not.toEqual(responseCacheKeys(env, { index: 3, count: 8 }).restore);
    const event = (name: string, payload: unknown, ref: string) => {
      const dir = fixtureRepo();
      writeFileSync(join(dir, 'event.json'), JSON.stringify(payload));
      return readEvent({ GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_REF: ref, GITHUB_SHA: 'abc', GITHUB_REPOSITORY: 'contoso/outdoors-bot' });
    };
    expect(savesResponseCache(event('push', pushEvent({ before: '1'.repeat(40), after: '2'.repeat(40) }), 'refs/heads/main'))).toBe(true);
    expect(savesResponseCache(event('pull_request', pullRequestEvent({ number: 1, baseSha: '1'.repeat(40), headSha: '2'.repeat(40) }), 'refs/pull/1/merge'))).toBe(false);
  });
});
