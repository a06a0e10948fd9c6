import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubApi } from '../../src/action/github-api.js';
import { readGitHistory } from '../../src/history/git-reader.js';
import { readGitHubHistory } from '../../src/action/history-reader.js';
import { buildSeries } from '../../src/history/series.js';
import { binaryCases, binary, results, suite } from '../compare/build.js';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';

/** A baseline whose exact-match score is `passing` out of 10. */
const baseline = (passing: number) => `${JSON.stringify(results(suite(binaryCases(10, (index) => index < passing), [binary('exact')])))}\n`;

describe('the local git reader', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: process.env.GIT_COMMITTER_DATE } });
  const commit = (message: string, date: string, files: Record<string, string | null>) => {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) git('rm', '-q', path);
      else {
        mkdirSync(join(repo, 'evals'), { recursive: true });
        writeFileSync(join(repo, path), text);
        git('add', path);
      }
    }
    process.env.GIT_COMMITTER_DATE = date;
    try {
      git('commit', '-q', '-m', message);
    } finally {
      delete process.env.GIT_COMMITTER_DATE;
    }
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'evalgate-history-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    commit('first baseline', '2026-11-01T10:00:00Z', { 'evals/baseline.json': baseline(6) });
    commit('unrelated', '2026-11-02T10:00:00Z', { 'README.md': 'hi' });
    commit('second', '2026-11-03T10:00:00Z', { 'evals/baseline.json': baseline(8) });
    commit('a bad merge', '2026-11-04T10:00:00Z', { 'evals/baseline.json': '{"format":"evalgate-results","version":1,"<<<<<<<' });
    commit('dropped', '2026-11-05T10:00:00Z', { 'evals/baseline.json': null });
    commit('third', '2026-11-06T10:00:00Z', { 'evals/baseline.json': baseline(9) });
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reads every version that changed the baseline, oldest first, skipping invalid and deleted ones with a note', async () => {
    const history = await readGitHistory(join(repo, 'evals'), 'baseline.json');
    expect(history.entries.map((entry) => entry.date.slice(0, 10))).toEqual(['2026-11-01', '2026-11-03', '2026-11-06']);
    expect(history.entries.every((entry) => /^[0-9a-f]{40}$/.test(entry.commit))).toBe(true);
    expect(buildSeries(history.entries)[0]?.points.map((point) => point.value)).toEqual([0.6, 0.8, 0.9]);
    expect(history.notes).toHaveLength(2);
    expect(history.notes[0]).toMatch(/^baseline\.json@[0-9a-f]{7}: not valid JSON .*; skipped$/);
    expect(history.notes[1]).toMatch(/^[0-9a-f]{7}: baseline\.json is absent \(deleted in that commit\); skipped$/);
  });

  it('reads only the last N commits', async () => {
    const history = await readGitHistory(repo, 'evals/baseline.json', 2);
    expect(history.entries.map((entry) => entry.date.slice(0, 10))).toEqual(['2026-11-06']);
    expect(history.notes).toEqual([expect.stringMatching(/deleted in that commit/)]);
  });

  it('says so when nothing committed the baseline, and gives a clear error outside a git clone', async () => {
    expect((await readGitHistory(repo, 'evals/other.json')).notes).toEqual(['no commit changed evals/other.json yet: commit a baseline first (`evalgate run --update-baseline`)']);
    const outside = mkdtempSync(join(tmpdir(), 'evalgate-nogit-'));
    try {
      await expect(readGitHistory(outside, 'evals/baseline.json')).rejects.toThrow(/cannot read the baseline's history with git \(fatal: not a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('the GitHub API reader', () => {
  let github: GitHubServer;
  const sha = (n: number) => n.toString(16).padStart(40, 'a');
  beforeAll(async () => {
    github = await startGitHubServer();
    const versions: [number, string | null, string][] = [[1, baseline(5), 'evals/baseline.json'], [2, null, 'src/app.ts'], [3, baseline(7), 'evals/baseline.json'], [4, '{"format":"nope"}', 'evals/baseline.json'], [5, baseline(10), 'evals/baseline.json']];
    for (const [n, text, path] of versions) {
      github.log.push({ sha: sha(n), date: `2026-11-0${n}T10:00:00Z`, branch: 'main', paths: [path] });
      if (text !== null) github.files.set(`${sha(n)}:${path}`, text);
    }
    github.log.push({ sha: sha(6), date: '2026-11-07T10:00:00Z', branch: 'feature', paths: ['evals/baseline.json'] });
  });
  afterAll(() => github.close());

  it('lists the commits that changed the baseline on the branch and reads the file at each, as GitHub documents them', async () => {
    const api = createGitHubApi('ghs_test', { owner: 'contoso', repo: 'bot', apiUrl: github.url });
    const history = await readGitHubHistory(api, 'evals/baseline.json', 'main');
    expect(history.entries.map((entry) => [entry.commit, entry.date])).toEqual([[sha(1), '2026-11-01T10:00:00Z'], [sha(3), '2026-11-03T10:00:00Z'], [sha(5), '2026-11-05T10:00:00Z']]);
    expect(buildSeries(history.entries)[0]?.points.map((point) => point.value)).toEqual([0.5, 0.7, 1]);
    expect(history.notes).toEqual([expect.stringMatching(/^evals\/baseline\.json@aaaaaaa: not an EvalGate results file .*; skipped$/)]);
    expect(github.requests[0]).toBe('GET /repos/contoso/bot/commits?path=evals%2Fbaseline.json&sha=main&per_page=20');
    expect(github.violations).toEqual([]);
  });

  it('bounds the commits read and starts from a given commit', async () => {
    const api = createGitHubApi('ghs_test', { owner: 'contoso', repo: 'bot', apiUrl: github.url });
    github.requests.length = 0;
    const history = await readGitHubHistory(api, 'evals/baseline.json', sha(3), 1);
    expect(history.entries.map((entry) => entry.commit)).toEqual([sha(3)]);
    expect(github.requests).toEqual([
      `GET /repos/contoso/bot/commits?path=evals%2Fbaseline.json&sha=${sha(3)}&per_page=1`,
      // A baseline under 1 MB comes inline with its metadata: one request per version.
      `GET /repos/contoso/bot/contents/evals%2Fbaseline.json?ref=${sha(3)}`,
    ]);
    expect(github.violations).toEqual([]);
  });
});
